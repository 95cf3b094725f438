package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** How an award reaches the enterprise. */
public enum DeliveryMode {
    /** 申报: the enterprise applies and officials review. */
    APPLICATION("application"),
    /** 免申即享: granted without an application, from facts the platform already holds. */
    AUTOMATIC("automatic");

    private final String code;

    DeliveryMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<DeliveryMode> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
