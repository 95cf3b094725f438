package cn.huiqi.application.enterprise;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** 企业发展阶段: the registration's size stage, kept as the vocabulary fact {@code enterprise.growth_stage}. */
public enum SizeStage {
    /** 初创期 */
    STARTUP,
    /** 成长期 */
    GROWTH,
    /** 成熟期 */
    MATURE;

    static final String FACT = "enterprise.growth_stage";

    /** The vocabulary's value (startup, growth, mature). */
    String factValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SizeStage> ofFact(Object value) {
        return Arrays.stream(values()).filter(s -> s.factValue().equals(value)).findFirst();
    }
}
