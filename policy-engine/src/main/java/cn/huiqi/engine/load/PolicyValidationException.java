package cn.huiqi.engine.load;

import java.util.List;
import java.util.stream.Collectors;

/** A policy pack that failed to load, with every problem found in it (not just the first). */
public final class PolicyValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationError> errors;

    public PolicyValidationException(List<ValidationError> errors) {
        super(errors.size() + " problem(s) in the policy pack:"
                + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining()));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
