package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One encoded provision of a policy document: who is eligible and what they get, beside the sentence it encodes.
 *
 * @param id stable identifier, e.g. {@code ccxq-2023-11.12}
 * @param policyId the document it belongs to
 * @param number the numbering as in the text, e.g. （十二）
 * @param source the sentence(s) this clause encodes, verbatim
 * @param department the responsible department (责任部门)
 * @param validity the document's status and effective period, copied so a clause can be judged on its own
 * @param examples worked examples, run as tests
 * @param region the area the document applies in, copied like the validity
 */
public record Clause(String id, String policyId, String number, Bilingual title, String source, Bilingual department,
        DeliveryMode delivery, Validity validity, Condition eligibility, Award award, List<WorkedExample> examples,
        Optional<Region> region) {

    /** A clause without a known area. */
    public Clause(String id, String policyId, String number, Bilingual title, String source, Bilingual department,
            DeliveryMode delivery, Validity validity, Condition eligibility, Award award,
            List<WorkedExample> examples) {
        this(id, policyId, number, title, source, department, delivery, validity, eligibility, award, examples,
                Optional.empty());
    }

    public Clause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(award, "award");
        examples = List.copyOf(examples);
        Objects.requireNonNull(region, "region");
    }
}
