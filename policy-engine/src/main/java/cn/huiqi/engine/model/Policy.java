package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One policy document (政策文件) and the clauses encoded from it. */
public record Policy(String id, Bilingual title, Bilingual issuer, String documentNumber, Region region,
        Validity validity, DeliveryMode delivery, List<ApplicantType> applicantTypes, Optional<Stacking> stacking,
        List<String> sources, List<Clause> clauses) {

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
    }
}
