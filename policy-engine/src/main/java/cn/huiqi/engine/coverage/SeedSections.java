package cn.huiqi.engine.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * A seed text that holds several documents, one after another, each a title line and its body, separated by a line
 * holding only "-" (or a body line ending in " -" when the next document starts on the following line). A policy
 * names one of them as {@code seed <name>#<n>}, counting from 1.
 */
public final class SeedSections {

    private SeedSections() {
    }

    /** The sections in order, each its lines joined by newlines; a text with no separator is one section. */
    public static List<String> of(String text) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.replace("\r", "").split("\n", -1)) {
            String line = raw.strip();
            if (line.equals("-")) {
                close(sections, current);
                continue;
            }
            if (line.endsWith(" -")) {
                current.append(line, 0, line.length() - 2).append('\n');
                close(sections, current);
                continue;
            }
            current.append(raw).append('\n');
        }
        close(sections, current);
        return sections;
    }

    /** The section's first non-blank line. */
    public static String title(String section) {
        return section.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static void close(List<String> sections, StringBuilder current) {
        if (!current.toString().isBlank()) {
            sections.add(current.toString());
        }
        current.setLength(0);
    }
}
