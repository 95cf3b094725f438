package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount that depends on a level (国家级、省级、市级; 优秀、良好; 重大、重点), e.g. "对新认定的…国家、省、市级专业型孵化器，
 * 分别给予150万元、80万元、30万元奖励". A level the table does not list gets nothing.
 */
public record ByLevel(String path, LevelTable amounts, Optional<Bilingual> label) implements AwardFormula {

    public ByLevel {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(amounts, "amounts");
        amounts.values().values().forEach(Money::of);
        Objects.requireNonNull(label, "label");
    }

    public FactDefinition level() {
        return amounts.level();
    }

    public Optional<BigDecimal> amountFor(String level) {
        return amounts.get(level);
    }
}
