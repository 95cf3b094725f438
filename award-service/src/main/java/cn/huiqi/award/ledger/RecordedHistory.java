package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Money;

/**
 * The history an award was computed against, as a decision record keeps it: cap id → amount already held (a decimal
 * string), limit id → awards counted. Recording wraps the ledger; replaying answers from the record alone.
 */
public final class RecordedHistory implements AwardHistory {

    private final AwardHistory ledger;
    private final Map<String, Object> answers;

    private RecordedHistory(AwardHistory ledger, Map<String, Object> answers) {
        this.ledger = ledger;
        this.answers = answers;
    }

    /** Asks the ledger and remembers each answer. */
    static RecordedHistory recording(AwardHistory ledger) {
        return new RecordedHistory(ledger, new LinkedHashMap<>());
    }

    /** Answers exactly what a decision record says the engine was told. */
    public static RecordedHistory replaying(Map<String, Object> record) {
        return new RecordedHistory(null, new LinkedHashMap<>(record));
    }

    /** What was asked and answered, in order. */
    Map<String, Object> record() {
        return answers;
    }

    @Override
    public BigDecimal alreadyAwarded(Cap cap, int year) {
        if (ledger == null) {
            return Money.of(new BigDecimal(String.valueOf(answers.get(cap.id()))));
        }
        BigDecimal held = ledger.alreadyAwarded(cap, year);
        answers.put(cap.id(), held.toPlainString());
        return held;
    }

    @Override
    public int awardsCounted(CountLimit limit, int year) {
        if (ledger == null) {
            return Integer.parseInt(String.valueOf(answers.get(limit.id())));
        }
        int counted = ledger.awardsCounted(limit, year);
        answers.put(limit.id(), counted);
        return counted;
    }
}
