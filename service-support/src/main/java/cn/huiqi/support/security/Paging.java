package cn.huiqi.support.security;

/** Page-size bounds of every list operation ({@code limit}, {@code offset}); a larger limit is a 400. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final String DEFAULT_LIMIT_TEXT = "50";

    private Paging() {
    }
}
