package cn.huiqi.engine.model;

import java.util.Objects;

/** A text in Chinese (the authoritative language of the policies) and English. */
public record Bilingual(String zh, String en) {

    public Bilingual {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Bilingual of(String zh, String en) {
        return new Bilingual(zh, en);
    }

    @Override
    public String toString() {
        return zh + " / " + en;
    }
}
