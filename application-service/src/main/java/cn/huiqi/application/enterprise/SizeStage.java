package cn.huiqi.application.enterprise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.huiqi.support.problem.ProblemException;

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

    /** The stage a request names (STARTUP, GROWTH, MATURE); null for null; 400 naming the field otherwise. */
    static SizeStage parse(String value, String field) {
        return value == null
                ? null
                : Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst()
                        .orElseThrow(() -> new ProblemException(400, "validation", "Invalid field", field + " " + value
                                + " is not one of STARTUP, GROWTH, MATURE",
                                Map.of("violations", List.of(Map.of("field",
                                        field, "message", "must be one of STARTUP, GROWTH, MATURE")))));
    }

    static Optional<SizeStage> ofFact(Object value) {
        return Arrays.stream(values()).filter(s -> s.factValue().equals(value)).findFirst();
    }
}
