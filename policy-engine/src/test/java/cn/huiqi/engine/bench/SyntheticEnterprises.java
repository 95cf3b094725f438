package cn.huiqi.engine.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.Vocabulary;

/**
 * Random but seeded enterprises with a value for every fact of a vocabulary (or for most, with gaps), varied so that
 * some clauses pass and some fail; the benchmark's and the decide-only equivalence test's.
 */
public final class SyntheticEnterprises {

    /** Registered divisions of the pack's areas and of none: 长春高新区, 海淀, 朝阳, 通州, 大兴, 泰山区, 石家庄长安区, 上海黄浦. */
    public static final List<String> DIVISIONS = List.of("220173", "110108", "110105", "110112", "110115", "370902",
            "130102", "310101");

    private SyntheticEnterprises() {
    }

    /** Facts for every fact of the vocabulary; item lists hold 1–3 items. */
    public static Facts enterprise(Vocabulary vocabulary, SplittableRandom random) {
        return enterprise(vocabulary, random, 0);
    }

    /**
     * Facts for the vocabulary, each fact (and each item's field) left out with probability {@code gaps}, so that some
     * answers are incomplete; with no gaps the same enterprises as {@link #enterprise(Vocabulary, SplittableRandom)}.
     */
    public static Facts enterprise(Vocabulary vocabulary, SplittableRandom random, double gaps) {
        return Facts.of(vocabulary, values(vocabulary, random, gaps));
    }

    private static Map<String, Object> values(Vocabulary vocabulary, SplittableRandom random, double gaps) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (FactDefinition f : vocabulary.facts()) {
            Object value = f.name().equals("enterprise.region_code")
                    ? DIVISIONS.get(random.nextInt(DIVISIONS.size()))
                    : value(f, random, gaps);
            // decided after the value, so that gaps draw extra numbers only when asked for
            if (gaps == 0 || random.nextDouble() >= gaps) {
                raw.put(f.name(), value);
            }
        }
        return raw;
    }

    private static Object value(FactDefinition f, SplittableRandom random, double gaps) {
        switch (f.type()) {
            case MONEY :
                return BigDecimal.valueOf(random.nextLong(0, 3_000_000_000L), 2);
            case COUNT :
                return random.nextInt(0, 12);
            case DECIMAL :
                return BigDecimal.valueOf(random.nextInt(1, 15_000), 1);
            case RATIO :
                return BigDecimal.valueOf(random.nextInt(0, 101), 2);
            case BOOLEAN :
                return random.nextInt(5) > 0;
            case DATE :
                return LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650)).toString();
            case ENUM : {
                List<String> values = f.allowedValues();
                String v = values.get(random.nextInt(values.size()));
                return f.multiple() ? List.of(v) : v;
            }
            case ITEMS : {
                List<Object> items = new ArrayList<>();
                int n = random.nextInt(1, 4);
                for (int i = 0; i < n; i++) {
                    items.add(values(f.itemFields().orElseThrow(), random, gaps));
                }
                return items;
            }
            default :
                return "x";
        }
    }
}
