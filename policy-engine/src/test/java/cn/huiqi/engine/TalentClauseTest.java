package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.CapApplication;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.MissingFactException;
import cn.huiqi.engine.eval.Reason;
import cn.huiqi.engine.eval.ReasonKind;
import cn.huiqi.engine.eval.TraceStep;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.CapScope;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.FactType;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.engine.model.Validity;
import cn.huiqi.engine.model.Vocabulary;

/** Clause (十二) of 长新管规〔2023〕11号: per-head talent awards capped at 500,000 per enterprise per year. */
class TalentClauseTest {

    static final PolicyPack PACK = PolicyPackLoader.fromClasspath("policies");
    static final String ID = "ccxq-2023-11.12";
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    final Evaluator evaluator = new Evaluator();
    final Clause clause = PACK.clause(ID).orElseThrow();

    static Facts facts(Object masters, Object phds, Object postdocs) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("enterprise.legal_form", "limited_liability_company");
        raw.put("claim.talent.masters_hired", masters);
        raw.put("claim.talent.phds_hired", phds);
        raw.put("claim.talent.postdocs_hired", postdocs);
        return Facts.of(PACK.vocabulary(), raw);
    }

    @Test
    void the_clause_carries_its_text_and_metadata() {
        assertThat(clause.number()).isEqualTo("（十二）");
        assertThat(clause.source()).startsWith("企业每引进一名国内数字经济领域双一流学科专业的硕士生、博士、博士后")
                .contains("每家企业每年最高奖励50万元");
        assertThat(clause.department().zh()).isEqualTo("人社局");
        assertThat(clause.award().caps()).singleElement().satisfies(cap -> {
            assertThat(cap.scope()).isEqualTo(CapScope.ENTERPRISE_YEAR);
            assertThat(cap.limit()).isEqualTo(new BigDecimal("500000.00"));
            assertThat(cap.clauseIds()).containsExactly(ID);
        });
        Policy policy = PACK.policy(clause.policyId()).orElseThrow();
        assertThat(policy.documentNumber()).isEqualTo("长新管规〔2023〕11号");
        assertThat(policy.stacking().orElseThrow().source()).isEqualTo("符合同类政策事项，可按最优执行，但不重复执行");
        assertThat(policy.validity().publishedOn()).isEmpty();
        assertThat(policy.validity().daysAfterPublication()).isEqualTo(OptionalInt.of(30));
        assertThat(policy.validity().effectiveFrom()).isEmpty();
    }

    @Test
    void the_facts_the_clause_reads_are_listed_for_collectors() {
        assertThat(Evaluator.factsRead(clause)).containsExactly("enterprise.legal_form",
                "claim.talent.masters_hired", "claim.talent.phds_hired", "claim.talent.postdocs_hired");
    }

    @Test
    void facts_typed_by_another_vocabulary_are_refused_clearly() {
        Vocabulary other = new Vocabulary(List.of(new FactDefinition("claim.talent.masters_hired", FactType.TEXT,
                Optional.empty(), Map.of(), false, Bilingual.of("硕士", "masters"), Bilingual.of("硕士", "masters"))),
                List.of());
        Facts mistyped = Facts.of(other, Map.of("claim.talent.masters_hired", "three"));

        assertThatThrownBy(() -> evaluator.checkEligibility(clause, mistyped, AS_OF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fact claim.talent.masters_hired holds a String but the clause reads it as count; "
                        + "build Facts with the vocabulary of the clause's pack");
        assertThat(PACK.facts(Map.of("claim.talent.masters_hired", 1)).number("claim.talent.masters_hired"))
                .contains(BigDecimal.ONE);
    }

    @Test
    void three_masters_two_phds_one_postdoc_get_55000() {
        Facts facts = facts(3, 2L, new BigDecimal("1"));
        assertThat(evaluator.checkEligibility(clause, facts, AS_OF).eligible()).isTrue();

        AwardResult award = evaluator.computeAward(clause, facts, (cap, year) -> Money.ZERO, 2025);

        assertThat(award.amount()).isEqualTo(new BigDecimal("55000.00"));
        assertThat(award.uncappedAmount()).isEqualTo(new BigDecimal("55000.00"));
        assertThat(award.trace()).extracting(TraceStep::zh).startsWith(
                "硕士 3 人 × 5,000.00 = 15,000.00",
                "博士 2 人 × 10,000.00 = 20,000.00",
                "博士后 1 人 × 20,000.00 = 20,000.00",
                "合计 15,000.00 + 20,000.00 + 20,000.00 = 55,000.00");
        assertThat(award.trace()).extracting(TraceStep::en).contains("master's graduates 3 person(s) × 5,000.00 = "
                + "15,000.00");
        assertThat(award.bindingCaps()).isEmpty();
        assertThat(award.capsApplied()).singleElement().satisfies(c -> {
            assertThat(c.remaining()).isEqualTo(new BigDecimal("500000.00"));
            assertThat(c.cut()).isEqualByComparingTo("0");
        });
    }

    @Test
    void thirty_postdocs_are_capped_at_500000_naming_the_cap() {
        AwardResult award = evaluator.computeAward(clause, facts(0, 0, 30), (cap, year) -> Money.ZERO, 2025);

        assertThat(award.uncappedAmount()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(award.amount()).isEqualTo(new BigDecimal("500000.00"));
        CapApplication cap = award.bindingCaps().get(0);
        assertThat(cap.cap().id()).isEqualTo("ccxq-2023-11.12/year");
        assertThat(cap.cap().source()).isEqualTo("每家企业每年最高奖励50万元");
        assertThat(cap.cut()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(award.trace()).extracting(TraceStep::zh).contains(
                "每家企业每年最高奖励50万元（每家企业每年上限 500,000.00）：2025年已奖励 0.00，剩余额度 500,000.00，核减 100,000.00",
                "核定奖励金额 500,000.00");
    }

    @Test
    void history_of_480000_this_year_leaves_20000_of_a_55000_claim() {
        Map<Integer, BigDecimal> byYear = Map.of(2024, new BigDecimal("500000"), 2025, new BigDecimal("480000"));
        AwardResult award = evaluator.computeAward(clause, facts(3, 2, 1), (cap, year) -> byYear.get(year), 2025);

        assertThat(award.uncappedAmount()).isEqualTo(new BigDecimal("55000.00"));
        assertThat(award.amount()).isEqualTo(new BigDecimal("20000.00"));
        CapApplication cap = award.bindingCaps().get(0);
        assertThat(cap.alreadyAwarded()).isEqualTo(new BigDecimal("480000.00"));
        assertThat(cap.remaining()).isEqualTo(new BigDecimal("20000.00"));
        assertThat(cap.cut()).isEqualTo(new BigDecimal("35000.00"));
        assertThat(award.cut()).isEqualTo(new BigDecimal("35000.00"));
    }

    @Test
    void history_above_the_cap_pays_nothing_and_never_negative() {
        AwardResult award = evaluator.computeAward(clause, facts(1, 0, 0), (cap, year) -> new BigDecimal("520000"),
                2025);
        assertThat(award.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(award.capsApplied().get(0).remaining()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void a_bad_history_is_refused() {
        assertThatThrownBy(() -> evaluator.computeAward(clause, facts(1, 0, 0),
                (cap, year) -> new BigDecimal("-1"), 2025))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ccxq-2023-11.12/year");
        assertThatThrownBy(() -> evaluator.computeAward(clause, facts(1, 0, 0),
                (cap, year) -> new BigDecimal("0.001"), 2025))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zero_hires_is_ineligible_naming_the_condition_and_the_shortfall() {
        EligibilityResult result = evaluator.checkEligibility(clause, facts(0, 0, 0), AS_OF);

        assertThat(result.eligible()).isFalse();
        assertThat(result.outcome()).isEqualTo(EligibilityResult.Outcome.NOT_ELIGIBLE);
        Reason reason = result.blockingReasons().get(0);
        assertThat(result.blockingReasons()).hasSize(1);
        assertThat(reason.clauseId()).isEqualTo(ID);
        assertThat(reason.kind()).isEqualTo(ReasonKind.CONDITION_NOT_MET);
        assertThat(reason.conditionPath()).isEqualTo("eligibility.all[1]");
        assertThat(reason.fact()).contains(
                "claim.talent.masters_hired + claim.talent.phds_hired + claim.talent.postdocs_hired");
        assertThat(reason.expected()).contains("≥ 1");
        assertThat(reason.actual()).contains("0");
        assertThat(reason.shortfall()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("1"));
        assertThat(reason.message().zh()).isEqualTo("引进符合条件的人才：需至少1人，实际0人，差1人。");
        assertThat(reason.message().en()).isEqualTo(
                "qualifying hires: required at least 1 person(s), actual 0 person(s), short by 1 person(s).");
        assertThat(reason.source()).isEqualTo(clause.source());
    }

    @Test
    void a_branch_is_refused_with_the_legal_forms_in_words() {
        Map<String, Object> raw = new HashMap<>(facts(2, 0, 0).asMap());
        raw.put("enterprise.legal_form", "branch");
        EligibilityResult result = evaluator.checkEligibility(clause, Facts.of(PACK.vocabulary(), raw), AS_OF);

        assertThat(result.blockingReasons()).singleElement().satisfies(r -> {
            assertThat(r.conditionPath()).isEqualTo("eligibility.all[0]");
            assertThat(r.message().zh()).isEqualTo("申请主体为具有独立法人资格的企业：需为以下之一："
                    + "有限责任公司、股份有限公司、全民所有制企业、集体所有制企业，实际分公司（分支机构）。");
            assertThat(r.shortfall()).isEmpty();
        });
    }

    @Test
    void missing_facts_are_reasons_not_exceptions() {
        Facts onlyMasters = Facts.of(PACK.vocabulary(), Map.of("claim.talent.masters_hired", 2));
        EligibilityResult result = evaluator.checkEligibility(clause, onlyMasters, AS_OF);

        assertThat(result.outcome()).isEqualTo(EligibilityResult.Outcome.INCOMPLETE);
        assertThat(result.eligible()).isFalse();
        assertThat(result.blockingReasons()).allSatisfy(r -> assertThat(r.kind()).isEqualTo(ReasonKind.FACT_MISSING))
                .extracting(r -> r.fact().orElseThrow())
                .containsExactlyInAnyOrder("enterprise.legal_form", "claim.talent.phds_hired",
                        "claim.talent.postdocs_hired");
        assertThat(result.blockingReasons().get(0).message().en()).isEqualTo(
                "fact enterprise.legal_form (legal form) not provided");

        assertThatThrownBy(() -> evaluator.computeAward(clause, onlyMasters, (cap, year) -> Money.ZERO, 2025))
                .isInstanceOf(MissingFactException.class)
                .satisfies(e -> assertThat(((MissingFactException) e).facts())
                        .containsExactly("claim.talent.phds_hired", "claim.talent.postdocs_hired"));
    }

    @Test
    void an_unknown_effective_date_is_a_note_and_the_answer_stands() {
        EligibilityResult result = evaluator.checkEligibility(clause, facts(1, 0, 0), AS_OF);

        assertThat(result.eligible()).isTrue();
        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReasonKind.NOTE);
            assertThat(r.conditionPath()).isEqualTo("validity");
            assertThat(r.source()).isEqualTo("本政策自发布之日起30日后施行");
        });
    }

    @Test
    void the_policy_must_be_in_force_on_the_date_asked() {
        LocalDate published = LocalDate.of(2023, 11, 20);
        Clause known = withValidity(new Validity(PolicyStatus.IN_FORCE, Optional.of(published), OptionalInt.of(30),
                Optional.of(published.plusDays(30)), Optional.empty(), "本政策自发布之日起30日后施行"));
        Facts ok = facts(1, 0, 0);

        assertThat(evaluator.checkEligibility(known, ok, LocalDate.of(2023, 12, 20)).eligible()).isTrue();
        assertThat(evaluator.checkEligibility(known, ok, LocalDate.of(2023, 12, 20)).reasons()).isEmpty();
        EligibilityResult early = evaluator.checkEligibility(known, ok, LocalDate.of(2023, 12, 19));
        assertThat(early.eligible()).isFalse();
        assertThat(early.blockingReasons()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReasonKind.NOT_IN_FORCE);
            assertThat(r.shortfall()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("1"));
            assertThat(r.message().zh()).isEqualTo("政策自2023-12-20起施行，2023-12-19尚未施行");
        });

        Clause draft = withValidity(new Validity(PolicyStatus.DRAFT_FOR_COMMENT, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), "征求意见稿"));
        assertThat(evaluator.checkEligibility(draft, ok, AS_OF).blockingReasons()).extracting(Reason::kind)
                .containsExactly(ReasonKind.NOT_IN_FORCE);

        Clause repealed = withValidity(new Validity(PolicyStatus.REPEALED, Optional.empty(), OptionalInt.empty(),
                Optional.of(LocalDate.of(2024, 1, 1)), Optional.of(LocalDate.of(2024, 12, 31)), "有效期至2024年底"));
        assertThat(evaluator.checkEligibility(repealed, ok, LocalDate.of(2024, 12, 31)).eligible()).isTrue();
        assertThat(evaluator.checkEligibility(repealed, ok, LocalDate.of(2025, 1, 1)).eligible()).isFalse();

        Clause expiredUndated = withValidity(new Validity(PolicyStatus.EXPIRED, Optional.empty(), OptionalInt.empty(),
                Optional.of(LocalDate.of(2024, 1, 1)), Optional.empty(), "已失效"));
        assertThat(evaluator.checkEligibility(expiredUndated, ok, AS_OF).blockingReasons())
                .extracting(r -> r.message().zh()).containsExactly("政策已失效");
    }

    @Test
    void the_pack_loads_the_same_from_the_directory() {
        PolicyPack fromDir = PolicyPackLoader.fromDirectory(Path.of("..", "policies"));
        assertThat(fromDir.clauses().stream().map(Clause::id).collect(Collectors.toList()))
                .isEqualTo(PACK.clauses().stream().map(Clause::id).collect(Collectors.toList()));
        // same content (facts hold their own pack's vocabulary, so compare the rendering)
        assertThat(fromDir.clause(ID).orElseThrow().toString()).isEqualTo(clause.toString());
        assertThat(PACK.clause("ccxq-2023-11.99")).isEmpty();
    }

    private Clause withValidity(Validity v) {
        return new Clause(clause.id(), clause.policyId(), clause.number(), clause.title(), clause.source(),
                clause.department(), clause.delivery(), v, clause.eligibility(), clause.award(), List.of());
    }
}
