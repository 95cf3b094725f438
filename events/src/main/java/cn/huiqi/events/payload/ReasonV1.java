package cn.huiqi.events.payload;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One explained condition of a determination: which clause and condition, the fact, what was required and what was
 * found, by how much it fell short where a number decides, and the policy's own sentence.
 */
public record ReasonV1(String clauseId, String condition, String fact, String expected, String actual,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shortfall, String messageZh, String messageEn,
        String source) {
}
