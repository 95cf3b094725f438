package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.ReasonKind;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.AmountBasis;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.PolicyStatus;

/** The Changchun draft for comment (seed 004): never in force, but its awards can be previewed. */
class DraftPolicyTest {

    static final PolicyPack PACK = PolicyPackLoader.fromClasspath("policies");
    static final String POLICY = "cn-jl-changchun-sti-new-productive-forces-draft";

    final Evaluator evaluator = new Evaluator();

    @Test
    void the_draft_is_in_the_pack_as_a_draft() {
        Policy p = PACK.policy(POLICY).orElseThrow();
        assertThat(p.validity().status()).isEqualTo(PolicyStatus.DRAFT_FOR_COMMENT);
        assertThat(p.validity().effectiveFrom()).isEmpty();
        assertThat(p.clauses()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void a_newly_recognized_municipal_specialized_sme_previews_100000_but_cannot_be_granted() {
        Clause clause = PACK.clause("ccst-draft.17c").orElseThrow();
        Facts facts = PACK.facts(Map.of("claim.sti.specialized_sme_first_level", "municipal"));

        EligibilityResult e = evaluator.checkEligibility(clause, facts, LocalDate.of(2025, 6, 30));
        assertThat(e.eligible()).isFalse();
        assertThat(e.blockingReasons()).extracting(r -> r.kind()).containsExactly(ReasonKind.NOT_IN_FORCE);
        assertThat(e.eligibleOnceInForce()).isTrue();

        AwardResult preview = evaluator.computeAward(clause, facts, AwardHistory.none(), 2025);
        assertThat(preview.amount()).isEqualByComparingTo("100000");
        assertThat(preview.basis()).isEqualTo(AmountBasis.COMPUTED);
    }

    @Test
    void a_failed_condition_in_a_draft_is_not_a_preview() {
        Clause clause = PACK.clause("ccst-draft.2b").orElseThrow();
        Facts sixthYear = PACK.facts(Map.of("claim.sti.provincial_laboratory", true, "claim.sti.support_year", 6));
        assertThat(evaluator.checkEligibility(clause, sixthYear, LocalDate.of(2025, 6, 30)).eligibleOnceInForce())
                .isFalse();
    }
}
