package cn.huiqi.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/** Fact values that do not fit the vocabulary: unknown names or values of the wrong type. Lists every problem. */
public final class FactsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** One rejected fact value. */
    public record Problem(String fact, String message) {
        @Override
        public String toString() {
            return fact + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public FactsException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ", "invalid facts: ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
