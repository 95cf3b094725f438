package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.CapApplication;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.ReasonKind;
import cn.huiqi.engine.eval.TraceStep;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.AmountBasis;
import cn.huiqi.engine.model.AwardKind;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.engine.model.NonComputableReason;

/** The award shapes beyond fixed, rate and per-head amounts, through the engine's own test pack. */
class AwardShapesTest {

    static final PolicyPack PACK = PolicyPackLoader.fromClasspath("packs/engine");
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    final Evaluator evaluator = new Evaluator();

    static Clause clause(String id) {
        return PACK.clause(id).orElseThrow();
    }

    @Test
    void a_level_cap_reports_the_limit_of_the_applicants_level_and_what_a_lower_level_already_received() {
        Facts facts = PACK.facts(Map.of("enterprise.incubator_level", "provincial"));
        AwardResult a = evaluator.computeAward(clause("tf.level"), facts, (cap, year) -> new BigDecimal("300000"),
                2024);

        assertThat(a.amount()).isEqualByComparingTo("500000");
        CapApplication cap = a.bindingCaps().get(0);
        assertThat(cap.limit()).isEqualByComparingTo("800000");
        assertThat(cap.cap().limit()).as("the cap's own limit is its highest level").isEqualByComparingTo("1500000");
        assertThat(cap.alreadyAwarded()).isEqualByComparingTo("300000");
        assertThat(cap.cut()).isEqualByComparingTo("300000");
    }

    @Test
    void items_come_as_json_gives_them_and_each_is_capped_on_its_own() {
        Facts facts = PACK.facts(Map.of("claim.products", List.of(
                Map.of("name", "A", "catalogue", "listed", "sales", "12000000"),
                Map.of("name", "B", "catalogue", "listed", "sales", 4000000))));
        AwardResult a = evaluator.computeAward(clause("tf.items"), facts, (cap, year) -> BigDecimal.ZERO, 2024);

        assertThat(a.amount()).isEqualByComparingTo("700000");
        assertThat(a.uncappedAmount()).isEqualByComparingTo("800000");
        assertThat(a.bindingCaps()).extracting(c -> c.cap().id()).containsExactly("tf.items/product");
        assertThat(a.bindingCaps().get(0).cut()).isEqualByComparingTo("100000");
    }

    @Test
    void a_missing_item_field_makes_the_claim_incomplete_and_a_wrong_one_is_refused() {
        Facts facts = PACK.facts(Map.of("claim.products", List.of(Map.of("catalogue", "listed"))));
        EligibilityResult e = evaluator.checkEligibility(clause("tf.items"), facts, AS_OF);

        assertThat(e.outcome()).isEqualTo(EligibilityResult.Outcome.INCOMPLETE);
        assertThat(e.reasons()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ReasonKind.FACT_MISSING);
            assertThat(r.fact()).contains("item.sales");
        });
        assertThatThrownBy(() -> PACK.facts(Map.of("claim.products", List.of(Map.of("sales", 1.5)))))
                .isInstanceOf(FactsException.class).hasMessageContaining("[0].item.sales: binary floating point");
    }

    @Test
    void an_item_that_cannot_be_counted_in_or_out_makes_the_claim_incomplete() {
        Facts facts = PACK.facts(Map.of("claim.products", List.of(
                Map.of("catalogue", "listed", "sales", 1000000), Map.of("sales", 2000000))));
        EligibilityResult e = evaluator.checkEligibility(clause("tf.items"), facts, AS_OF);

        assertThat(e.outcome()).isEqualTo(EligibilityResult.Outcome.INCOMPLETE);
        assertThat(e.reasons()).extracting(r -> r.fact().orElse("")).contains("item.catalogue");
    }

    @Test
    void review_determined_maxima_and_investments_are_marked_as_such() {
        Facts none = Facts.empty(PACK.vocabulary());
        AwardResult review = evaluator.computeAward(clause("tf.review"), none, (cap, year) -> BigDecimal.ZERO, 2024);
        assertThat(review.reviewDetermined()).isTrue();
        assertThat(review.investment()).isFalse();
        assertThat(review.amount()).isEqualByComparingTo("1000000");

        Facts project = PACK.facts(Map.of("claim.fund.project_investment", 200000000));
        AwardResult invest = evaluator.computeAward(clause("tf.invest"), project, (cap, year) -> BigDecimal.ZERO,
                2024);
        assertThat(invest.kind()).isEqualTo(AwardKind.INVESTMENT);
        assertThat(invest.basis()).isEqualTo(AmountBasis.REVIEW_MAXIMUM);
        assertThat(invest.amount()).isEqualByComparingTo("10000000");
        assertThat(invest.trace().get(invest.trace().size() - 1).zh())
                .isEqualTo("最高投资金额 10,000,000.00（投资，非奖补），具体金额由评审核定");
    }

    @Test
    void a_non_monetary_measure_is_matched_and_says_why_it_pays_nothing() {
        Clause c = clause("tf.none");
        assertThat(c.award().kind()).isEqualTo(AwardKind.NON_MONETARY);
        assertThat(c.award().notComputable().orElseThrow().reason()).isEqualTo(NonComputableReason.NOT_A_PAYMENT);
        Facts facts = PACK.facts(Map.of("enterprise.legal_form", "limited_liability_company"));
        assertThat(evaluator.checkEligibility(c, facts, AS_OF).eligible()).isTrue();
        AwardResult a = evaluator.computeAward(c, facts, (cap, year) -> BigDecimal.ZERO, 2024);
        assertThat(a.amount()).isEqualByComparingTo("0");
        assertThat(a.basis()).isEqualTo(AmountBasis.NOT_COMPUTABLE);
    }

    @Test
    void facts_read_include_items_levels_and_the_starting_point_of_steps() {
        assertThat(Evaluator.factsRead(clause("tf.items"))).containsExactly("claim.products");
        assertThat(Evaluator.factsRead(clause("tf.step"))).containsExactly("claim.revenue",
                "claim.revenue_last_year");
        assertThat(Evaluator.factsRead(clause("tf.rent"))).containsExactly("enterprise.stage",
                "claim.rent.price_per_m2_month", "claim.rent.area", "claim.rent.months");
    }

    @Test
    void traces_are_bilingual() {
        Facts facts = PACK.facts(Map.of("enterprise.stage", "growth", "claim.rent.area", 600,
                "claim.rent.price_per_m2_month", 45, "claim.rent.months", 12));
        AwardResult a = evaluator.computeAward(clause("tf.rent"), facts, (cap, year) -> BigDecimal.ZERO, 2024);
        assertThat(a.trace().stream().map(TraceStep::en).collect(Collectors.toList())).contains(
                "subsidised area 600 m², at most 500 m² (growth) → 500 m²",
                "rent subsidy 40.00 × 500 m² × 12 month(s) = 240,000.00");
    }
}
