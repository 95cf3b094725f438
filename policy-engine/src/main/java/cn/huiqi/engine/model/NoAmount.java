package cn.huiqi.engine.model;

import java.util.Objects;
import java.util.Optional;

/** The formula of an award the text gives no amount for (non-computable or non-monetary): it yields nothing. */
public record NoAmount(String path, Optional<Bilingual> label) implements AwardFormula {

    public NoAmount {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
    }
}
