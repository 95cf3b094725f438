package cn.huiqi.events.payload;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One explained condition of a determination: which clause and condition, the fact, what was required and what was
 * found, by how much it fell short where a number decides, and the policy's own sentence. {@code kind} is
 * {@code not_in_force}, {@code condition_not_met}, {@code fact_missing} (these block) or {@code note} (information
 * only); it was added after the first v1 events, which lack it and are read as blocking.
 */
public record ReasonV1(String clauseId, String condition, String fact, String expected, String actual,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shortfall, String messageZh, String messageEn,
        String source, String kind) {

    /** Whether this reason stands in the way of the award. */
    public boolean blocks() {
        return !"note".equals(kind);
    }
}
