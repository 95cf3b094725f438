package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * How often an enterprise may receive awards under a set of clauses: at most {@code atMost} awards in any run of
 * {@code years} consecutive award years. "每家企业连续3年只能获得一次" is at most 1 in 3 years; "同一申报主体同一年度
 * 申报本细则不同类型支持最多不超过2项" is at most 2 in 1 year.
 *
 * @param id unique in the pack; the caller's award history is asked per limit
 * @param clauseIds the clauses whose awards count (one or more, of one policy)
 * @param source the words of the text that set the limit, verbatim
 */
public record CountLimit(String id, List<String> clauseIds, int atMost, int years, String source) {

    public CountLimit {
        Objects.requireNonNull(id, "id");
        clauseIds = List.copyOf(clauseIds);
        if (clauseIds.isEmpty()) {
            throw new IllegalArgumentException("a limit covers at least one clause: " + id);
        }
        if (atMost < 1) {
            throw new IllegalArgumentException("a limit allows at least one award: " + id);
        }
        if (years < 1) {
            throw new IllegalArgumentException("a limit's window is at least one year: " + id);
        }
        Objects.requireNonNull(source, "source");
    }

    /** The first award year of the window that ends with {@code year}. */
    public int firstYear(int year) {
        return year - years + 1;
    }

    /** "连续3年内最多1次" / "同一年度最多2项". */
    public Bilingual describe() {
        return years == 1
                ? new Bilingual("同一年度最多 " + atMost + " 项", "at most " + atMost + " in one year")
                : new Bilingual("连续" + years + "年内最多 " + atMost + " 次",
                        "at most " + atMost + " in any " + years + " consecutive years");
    }
}
