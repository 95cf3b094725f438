package cn.huiqi.eligibility.catalog;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Policy;

/** A policy document of the catalog with its clauses, each with its original sentence. */
@Schema(name = "Policy")
public record PolicyView(String id, Bilingual title, Bilingual issuer, String documentNumber, String region,
        String status, LocalDate publishedOn, LocalDate effectiveFrom, LocalDate effectiveUntil, String delivery,
        List<ClauseView> clauses) {

    /** A clause: its number as in the text, its title, the sentence it encodes and the department responsible. */
    @Schema(name = "Clause")
    public record ClauseView(String id, String policyId, String number, Bilingual title, String source,
            Bilingual department) {

        static ClauseView of(Clause c) {
            return new ClauseView(c.id(), c.policyId(), c.number(), c.title(), c.source(), c.department());
        }
    }

    static PolicyView of(Policy p) {
        return new PolicyView(p.id(), p.title(), p.issuer(), p.documentNumber(), p.region().code(),
                p.validity().status().code(), p.validity().publishedOn().orElse(null),
                p.validity().effectiveFrom().orElse(null), p.validity().effectiveUntil().orElse(null),
                p.delivery().code(), p.clauses().stream().map(ClauseView::of).toList());
    }
}
