package cn.huiqi.eligibility.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Policy;

/** A policy document of the catalog with its clauses, each with its original sentence. */
@Schema(name = "Policy")
public record PolicyView(String id, Bilingual title, Bilingual issuer, String documentNumber, String region,
        Bilingual regionName, String status, LocalDate publishedOn, LocalDate effectiveFrom, LocalDate effectiveUntil,
        String delivery, @Schema(description = "The industries the document supports (the platform's classification);"
                + " empty for a document open to every industry") List<String> industries,
        List<ClauseView> clauses) {

    /** A clause: its number as in the text, its title, the sentence it encodes, the department and its encoding. */
    @Schema(name = "Clause")
    public record ClauseView(String id, String policyId, String number, Bilingual title, String source,
            Bilingual department, @Schema(description = "application (申报) or automatic (免申即享)") String delivery,
            @Schema(description = "The encoding: who is eligible, what is paid, its caps and limits") Encoding encoding) {

        static ClauseView of(Clause c, Policy p) {
            return new ClauseView(c.id(), c.policyId(), c.number(), c.title(), c.source(), c.department(),
                    c.delivery().code(), Encoding.of(c, p));
        }
    }

    /**
     * How the clause is encoded, in words a reviewer can check against the source sentence.
     *
     * @param eligibility the eligibility condition in words
     * @param kind grant, investment or non_monetary
     * @param basis computed, review_maximum (the text gives only 最高X) or not_computable
     * @param factsRead every fact the clause reads: what to collect before judging an enterprise
     * @param stackingGroup the group of 同类 clauses it belongs to, with the group's rule (best or choose)
     */
    @Schema(name = "ClauseEncoding")
    public record Encoding(Bilingual eligibility, String kind, String basis, Bilingual notComputable,
            List<String> factsRead, List<CapView> caps, List<LimitView> limits, String stackingGroup,
            String stackingRule) {

        static Encoding of(Clause c, Policy p) {
            var group = p.stacking().flatMap(s -> s.groups().stream().filter(g -> g.clauseIds().contains(c.id()))
                    .findFirst());
            return new Encoding(Evaluator.describe(c.eligibility()), c.award().kind().code(),
                    c.award().basis().code(), c.award().notComputable().map(n -> n.explanation()).orElse(null),
                    List.copyOf(Evaluator.factsRead(c)),
                    c.award().caps().stream()
                            .map(cap -> new CapView(cap.id(), cap.scope().code(), cap.limit(), cap.source())).toList(),
                    c.award().limits().stream()
                            .map(l -> new LimitView(l.id(), l.atMost(), l.years(), l.clauseIds(), l.source())).toList(),
                    group.map(g -> g.id()).orElse(null), group.map(g -> g.rule().code()).orElse(null));
        }
    }

    /** A cap on the award: per item, per enterprise per year, or per enterprise in total. */
    @Schema(name = "ClauseCap")
    public record CapView(String id, String scope, BigDecimal limit, String source) {
    }

    /** How often awards may be received: at most {@code atMost} in any {@code years} consecutive years. */
    @Schema(name = "ClauseLimit")
    public record LimitView(String id, int atMost, int years, List<String> clauses, String source) {
    }

    static PolicyView of(Policy p) {
        return new PolicyView(p.id(), p.title(), p.issuer(), p.documentNumber(), p.region().code(), p.region().name(),
                p.validity().status().code(), p.validity().publishedOn().orElse(null),
                p.validity().effectiveFrom().orElse(null), p.validity().effectiveUntil().orElse(null),
                p.delivery().code(), p.industries(), p.clauses().stream().map(c -> ClauseView.of(c, p)).toList());
    }
}
