package cn.huiqi.engine.model;

import java.util.Objects;

/** A unit of measure declared in the vocabulary, with the words used after a number in each language. */
public record Unit(String code, String zh, String en) {

    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }
}
