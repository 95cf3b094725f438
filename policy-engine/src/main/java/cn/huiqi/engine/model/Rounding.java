package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How the exact formula result becomes a payable amount. The default, {@link #DEFAULT}, rounds down to the fen: never
 * pay more than the policy allows.
 */
public record Rounding(Mode mode, Step step) {

    /** Down to the fen. */
    public static final Rounding DEFAULT = new Rounding(Mode.DOWN, Step.FEN);

    /** Only modes that cannot pay more than the exact amount by more than half a step. */
    public enum Mode {
        /** 向下取整 (towards zero). */
        DOWN("down", RoundingMode.DOWN, "向下取整", "rounded down"),
        /** 四舍五入, only where a policy says so. */
        HALF_UP("half_up", RoundingMode.HALF_UP, "四舍五入", "rounded half up");

        private final String code;
        private final RoundingMode javaMode;
        private final String zh;
        private final String en;

        Mode(String code, RoundingMode javaMode, String zh, String en) {
            this.code = code;
            this.javaMode = javaMode;
            this.zh = zh;
            this.en = en;
        }

        public String code() {
            return code;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }

        public static Optional<Mode> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }
    }

    /** The unit rounded to. */
    public enum Step {
        FEN("fen", 2, "分", "fen"), JIAO("jiao", 1, "角", "jiao"), YUAN("yuan", 0, "元", "yuan");

        private final String code;
        private final int scale;
        private final String zh;
        private final String en;

        Step(String code, int scale, String zh, String en) {
            this.code = code;
            this.scale = scale;
            this.zh = zh;
            this.en = en;
        }

        public String code() {
            return code;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }

        public static Optional<Step> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }
    }

    public Rounding {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(step, "step");
    }

    /** The exact amount rounded to the step, at scale 2. */
    public BigDecimal apply(BigDecimal exact) {
        return exact.setScale(step.scale, mode.javaMode).setScale(Money.SCALE);
    }
}
