package cn.huiqi.events;

import java.util.List;

/** Kafka topic names, one per publishing domain; records are keyed by the enterprise's USCC (policy events by policy id). */
public final class Topics {

    public static final String ENTERPRISE = "huiqi.enterprise";
    public static final String APPLICATION = "huiqi.application";
    public static final String POLICY = "huiqi.policy";
    public static final String ELIGIBILITY = "huiqi.eligibility";
    public static final String AWARD = "huiqi.award";
    public static final String NOTIFICATION = "huiqi.notification";
    /** Where a consumer parks a record it cannot process, so one bad record does not stop the partition. */
    public static final String DEAD_LETTER = "huiqi.dead-letter";

    /** Every topic the suite uses; created up front because brokers here do not auto-create. */
    public static final List<String> ALL = List.of(ENTERPRISE, APPLICATION, POLICY, ELIGIBILITY, AWARD, NOTIFICATION,
            DEAD_LETTER);

    private Topics() {
    }
}
