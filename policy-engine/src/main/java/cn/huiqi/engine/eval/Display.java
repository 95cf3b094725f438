package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;

import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.FactType;
import cn.huiqi.engine.model.Money;

/** How values read in messages and traces: money with separators and fen, ratios as percentages, units after. */
final class Display {

    private Display() {
    }

    /** The value without its unit: "5,000.00", "3", "60%", "2024-01-01", "是". */
    static String plain(FactType type, Object value, boolean zh) {
        if (value instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) value;
            switch (type) {
                case MONEY :
                    return Money.format(d);
                case RATIO :
                    return percent(d);
                default :
                    return d.stripTrailingZeros().toPlainString();
            }
        }
        if (value instanceof Boolean) {
            return zh ? ((Boolean) value ? "是" : "否") : ((Boolean) value ? "yes" : "no");
        }
        if (value instanceof Collection) {
            return ((Collection<?>) value).stream().map(String::valueOf).collect(Collectors.joining(zh ? "、" : ", "));
        }
        return String.valueOf(value);
    }

    /** The value for people: enum values by their labels, others as {@link #plain(FactType, Object, boolean)}. */
    static String plain(FactDefinition def, Object value, boolean zh) {
        if (def.type() != FactType.ENUM) {
            return plain(def.type(), value, zh);
        }
        if (value instanceof Collection) {
            return ((Collection<?>) value).stream().map(v -> enumLabel(def, v, zh))
                    .collect(Collectors.joining(zh ? "、" : ", "));
        }
        return enumLabel(def, value, zh);
    }

    private static String enumLabel(FactDefinition def, Object value, boolean zh) {
        Bilingual label = def.values().get(String.valueOf(value));
        return label == null ? String.valueOf(value) : zh ? label.zh() : label.en();
    }

    /** The value with its unit: "1人" in Chinese, "1 person(s)" in English. */
    static String withUnit(FactDefinition def, Object value, boolean zh) {
        String plain = plain(def, value, zh);
        if (def.unit().isEmpty()) {
            return plain;
        }
        return zh ? plain + def.unitZh() : plain + " " + def.unitEn();
    }

    /** 0.4 → "40%". */
    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
