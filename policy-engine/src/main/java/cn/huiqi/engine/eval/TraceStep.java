package cn.huiqi.engine.eval;

import java.util.Objects;

/** One human-readable step of an award computation, e.g. "硕士 3 人 × 5,000.00 = 15,000.00". */
public record TraceStep(String zh, String en) {

    public TraceStep {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    @Override
    public String toString() {
        return zh;
    }
}
