package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy document (政策文件) and the clauses encoded from it.
 *
 * @param industries the platform's classification of the industries the document supports (codes of the pack's
 *        industry list); empty for a document open to every industry
 */
public record Policy(String id, Bilingual title, Bilingual issuer, String documentNumber, Region region,
        Validity validity, DeliveryMode delivery, List<ApplicantType> applicantTypes, Optional<Stacking> stacking,
        List<String> sources, List<Clause> clauses, List<String> industries) {

    public Policy(String id, Bilingual title, Bilingual issuer, String documentNumber, Region region,
            Validity validity, DeliveryMode delivery, List<ApplicantType> applicantTypes, Optional<Stacking> stacking,
            List<String> sources, List<Clause> clauses) {
        this(id, title, issuer, documentNumber, region, validity, delivery, applicantTypes, stacking, sources,
                clauses, List.of());
    }

    /** The same document, classified under the given industries. */
    public Policy withIndustries(List<String> codes) {
        return new Policy(id, title, issuer, documentNumber, region, validity, delivery, applicantTypes, stacking,
                sources, clauses, codes);
    }

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(delivery, "delivery");
        applicantTypes = List.copyOf(applicantTypes);
        Objects.requireNonNull(stacking, "stacking");
        sources = List.copyOf(sources);
        clauses = List.copyOf(clauses);
        industries = List.copyOf(industries);
    }
}
