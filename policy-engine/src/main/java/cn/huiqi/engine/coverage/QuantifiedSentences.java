package cn.huiqi.engine.coverage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a seed text into sentences and finds those that name an amount (元、万元、亿元), a rate (%) or a cap (最高、不超过、
 * 上限…).
 */
public final class QuantifiedSentences {

    /** What a sentence names. */
    public enum Kind {
        AMOUNT("金额"), RATE("比例"), CAP("上限");

        private final String zh;

        Kind(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    private static final Pattern AMOUNT = Pattern.compile("[0-9０-９][0-9０-９,.]*\\s*[万亿]?元");
    private static final Pattern RATE = Pattern.compile("[0-9０-９][0-9０-９.]*\\s*[%％]");
    private static final Pattern CAP = Pattern.compile("最高|最多|不超过|不高于|上限|封顶");
    private static final Pattern RESPONSIBLE = Pattern.compile("（责任(?:部门|单位)：[^）]*）");
    private static final String ENDS = "。；！？";

    private QuantifiedSentences() {
    }

    /** The seed text with the web page's ASCII punctuation in the document's full-width forms. */
    public static String normalize(String text) {
        return text.replace(',', '，').replace(':', '：').replace(';', '；').replace('(', '（').replace(')', '）')
                .replace('!', '！').replace('?', '？').replace('\u00a0', ' ').replace("\r", "");
    }

    /**
     * The text for matching: normalized, without any white space, without the responsible units "（责任部门：…）" that
     * close a provision and without trailing punctuation.
     */
    public static String key(String text) {
        String k = RESPONSIBLE.matcher(normalize(text).replaceAll("\\s+", "")).replaceAll("");
        while (!k.isEmpty() && "，。；、：".indexOf(k.charAt(k.length() - 1)) >= 0) {
            k = k.substring(0, k.length() - 1);
        }
        return k;
    }

    /** The sentences of a text, each trimmed and ending with its 。；！？ where it has one. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : normalize(text).split("\n")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                sb.append(c);
                if (ENDS.indexOf(c) >= 0) {
                    add(out, sb);
                }
            }
            add(out, sb);
        }
        return out;
    }

    private static void add(List<String> out, StringBuilder sb) {
        String s = sb.toString().strip();
        sb.setLength(0);
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** What the sentence names; empty when it is not quantified. */
    public static Set<Kind> kinds(String sentence) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (AMOUNT.matcher(sentence).find()) {
            kinds.add(Kind.AMOUNT);
        }
        if (RATE.matcher(sentence).find()) {
            kinds.add(Kind.RATE);
        }
        if (CAP.matcher(sentence).find()) {
            kinds.add(Kind.CAP);
        }
        return kinds;
    }
}
