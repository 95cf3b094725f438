package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact (or sum of facts) compared with literal values of the fact's type.
 *
 * @param values one literal, or several for {@link Operator#IN}; typed as in {@link Facts}
 * @param wording the text's bound words (以上, 超, ...), when the text states a bound
 * @param quote the fragment of the source sentence this comparison encodes
 * @param label words for the requirement in messages; the operand's label when absent
 */
public record Comparison(String path, Operand operand, Operator operator, List<Object> values,
        Optional<BoundWording> wording, Optional<String> quote, Optional<Bilingual> label) implements Condition {

    public Comparison {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        if (values.isEmpty() || (operator != Operator.IN && values.size() != 1)) {
            throw new IllegalArgumentException(operator.code() + " takes " + (operator == Operator.IN
                    ? "at least one value"
                    : "exactly one value") + ": " + path);
        }
        Objects.requireNonNull(wording, "wording");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(label, "label");
        if (wording.isPresent() && !wording.get().operators().contains(operator)) {
            throw new IllegalArgumentException(
                    "wording " + wording.get().token() + " does not mean " + operator.code() + ": " + path);
        }
    }

    /** The single literal of a non-{@code in} comparison. */
    public Object value() {
        return values.get(0);
    }

    public Bilingual effectiveLabel() {
        return label.orElseGet(operand::label);
    }
}
