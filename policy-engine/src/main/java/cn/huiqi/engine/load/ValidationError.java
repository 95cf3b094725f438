package cn.huiqi.engine.load;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem in a policy pack.
 *
 * @param file the pack file, e.g. {@code cn-jl-changchun-new-area-2023-11.yaml}
 * @param clauseId the clause the problem is in, if any
 * @param path where in the file, as a JSON path, e.g. {@code $.clauses[0].eligibility.all[1].op}
 */
public record ValidationError(String file, Optional<String> clauseId, String path, String message) {

    public ValidationError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clauseId, "clauseId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + " " + path + clauseId.map(id -> " [" + id + "]").orElse("") + ": " + message;
    }
}
