package cn.huiqi.engine.model;

import java.util.Objects;

/** The area a policy applies in, e.g. {@code cn-jl-changchun-new-area} (吉林省长春市长春新区). */
public record Region(String code, Bilingual name) {

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
