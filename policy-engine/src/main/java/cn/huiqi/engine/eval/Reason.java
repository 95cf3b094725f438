package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import cn.huiqi.engine.model.Bilingual;

/**
 * Why a clause does (not) apply: the condition and fact concerned, what was required and what was found, by how much
 * it falls short where a number decides, and the clause's source sentence.
 *
 * @param conditionPath where in the clause, e.g. {@code eligibility.all[1]}, {@code validity} or
 *        {@code award.formula.sum[0]}
 * @param fact the fact (or " + "-joined facts) concerned
 * @param expected the requirement, e.g. "≥ 1"
 * @param actual the value found, e.g. "0"
 * @param shortfall how far the value is from meeting the requirement (for upper bounds: by how much it exceeds),
 *        in the fact's unit (days for dates)
 * @param source the clause's source sentence (for validity reasons: the document's sentence on its period)
 */
public record Reason(String clauseId, ReasonKind kind, String conditionPath, Optional<String> fact,
        Optional<String> expected, Optional<String> actual, Optional<BigDecimal> shortfall, Bilingual message,
        String source) {

    public Reason {
        Objects.requireNonNull(clauseId, "clauseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(conditionPath, "conditionPath");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(shortfall, "shortfall");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return kind.code() + " " + clauseId + " " + conditionPath + ": " + message.zh();
    }
}
