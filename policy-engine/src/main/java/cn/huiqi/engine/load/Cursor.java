package cn.huiqi.engine.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.engine.model.Bilingual;

/**
 * A position in one parsed YAML file: the node there, its JSON path, and the error list every read reports to. Reads
 * never throw; they report and return null or empty so that one load finds every problem.
 */
final class Cursor {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<ValidationError> errors;
    private final String file;
    private final String clauseId;
    private final String path;
    private final JsonNode node;

    Cursor(List<ValidationError> errors, String file, String clauseId, String path, JsonNode node) {
        this.errors = errors;
        this.file = file;
        this.clauseId = clauseId;
        this.path = path;
        this.node = node;
    }

    static Cursor root(List<ValidationError> errors, String file, JsonNode node) {
        return new Cursor(errors, file, null, "$", node);
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    JsonNode node() {
        return node;
    }

    /** The same position, with errors attributed to a clause. */
    Cursor inClause(String id) {
        return new Cursor(errors, file, id, path, node);
    }

    Cursor field(String name) {
        JsonNode child = node != null && node.isObject() ? node.get(name) : null;
        String sub = SIMPLE_KEY.matcher(name).matches() ? path + "." + name : path + "['" + name + "']";
        return new Cursor(errors, file, clauseId, sub, child);
    }

    /** Whether a non-null value is here. */
    boolean present() {
        return node != null && !node.isNull();
    }

    void error(String message) {
        errors.add(new ValidationError(file, Optional.ofNullable(clauseId), path, message));
    }

    /** Reports and returns false unless this is a mapping whose keys are all allowed. */
    boolean object(String... allowed) {
        if (!present()) {
            error("missing value");
            return false;
        }
        if (!node.isObject()) {
            error("expected a mapping, got " + kind(node));
            return false;
        }
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!ok.contains(key)) {
                field(key).error("unknown key '" + key + "'; allowed here: " + String.join(", ", allowed));
            }
        }
        return true;
    }

    /** The keys of a mapping that were given, among those listed. */
    Set<String> presentKeys(String... keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            if (node != null && node.isObject() && node.has(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The entries of a mapping; reports if this is not one. */
    List<Map.Entry<String, Cursor>> entries() {
        List<Map.Entry<String, Cursor>> out = new ArrayList<>();
        if (!present()) {
            error("missing value");
            return out;
        }
        if (!node.isObject()) {
            error("expected a mapping, got " + kind(node));
            return out;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            out.add(Map.entry(key, field(key)));
        }
        return out;
    }

    /** The items of a required list; reports if missing, not a list or (when {@code nonEmpty}) empty. */
    List<Cursor> list(boolean nonEmpty) {
        List<Cursor> out = new ArrayList<>();
        if (!present()) {
            error("missing value");
            return out;
        }
        if (!node.isArray()) {
            error("expected a list, got " + kind(node));
            return out;
        }
        if (nonEmpty && node.isEmpty()) {
            error("expected at least one item");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(new Cursor(errors, file, clauseId, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** The items of an optional list: empty when absent. */
    List<Cursor> optionalList() {
        return present() ? list(false) : List.of();
    }

    /** A required non-blank string. */
    String text() {
        if (!present()) {
            error("missing value");
            return null;
        }
        if (!node.isTextual()) {
            error("expected text, got " + kind(node));
            return null;
        }
        if (node.textValue().isBlank()) {
            error("must not be blank");
            return null;
        }
        return node.textValue();
    }

    Optional<String> optionalText() {
        return present() ? Optional.ofNullable(text()) : Optional.empty();
    }

    /** A required string among the given codes. */
    String code(String... allowed) {
        String s = text();
        if (s != null && !Arrays.asList(allowed).contains(s)) {
            error("unknown value '" + s + "'; expected one of " + String.join(", ", allowed));
            return null;
        }
        return s;
    }

    /** A required number, exact. */
    BigDecimal number() {
        if (!present()) {
            error("missing value");
            return null;
        }
        if (!node.isNumber()) {
            error("expected a number, got " + kind(node));
            return null;
        }
        return node.decimalValue();
    }

    Integer integer() {
        BigDecimal d = number();
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            error("expected a whole number, got " + d.toPlainString());
            return null;
        }
    }

    Boolean bool() {
        if (!present()) {
            error("missing value");
            return null;
        }
        if (!node.isBoolean()) {
            error("expected true or false, got " + kind(node));
            return null;
        }
        return node.booleanValue();
    }

    LocalDate date() {
        String s = text();
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            error("expected a date as yyyy-MM-dd, got '" + s + "'");
            return null;
        }
    }

    /** A required {zh, en} mapping. */
    Bilingual bilingual() {
        if (!object("zh", "en")) {
            return null;
        }
        String zh = field("zh").text();
        String en = field("en").text();
        return zh == null || en == null ? null : new Bilingual(zh, en);
    }

    Optional<Bilingual> optionalBilingual() {
        return present() ? Optional.ofNullable(bilingual()) : Optional.empty();
    }

    /** The node as a plain Java value, as JSON would give it: BigDecimal, String, Boolean, List. */
    Object plainValue() {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(new Cursor(errors, file, clauseId, path, n).plainValue()));
            return out;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(),
                    new Cursor(errors, file, clauseId, path, e.getValue()).plainValue()));
            return out;
        }
        return node;
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "text \"" + n.textValue() + "\"";
        }
        if (n.isNumber()) {
            return "number " + n.decimalValue().toPlainString();
        }
        if (n.isBoolean()) {
            return "boolean " + n.booleanValue();
        }
        return n.getNodeType().toString();
    }
}
