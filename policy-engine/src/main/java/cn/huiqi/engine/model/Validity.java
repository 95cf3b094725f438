package cn.huiqi.engine.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a policy document applies: its status and effective period, as far as the sources tell. Unknown dates stay
 * empty rather than guessed.
 *
 * @param publishedOn the publication date (发布之日), if the sources give it
 * @param daysAfterPublication for "自发布之日起N日后施行": N
 * @param effectiveFrom first day in force; derived from publication + N days when the text says so
 * @param effectiveUntil last day in force, if the text sets an end
 * @param source the sentence of the document that sets the period, verbatim
 */
public record Validity(PolicyStatus status, Optional<LocalDate> publishedOn, OptionalInt daysAfterPublication,
        Optional<LocalDate> effectiveFrom, Optional<LocalDate> effectiveUntil, String source) {

    public Validity {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publishedOn, "publishedOn");
        Objects.requireNonNull(daysAfterPublication, "daysAfterPublication");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveUntil, "effectiveUntil");
        Objects.requireNonNull(source, "source");
    }
}
