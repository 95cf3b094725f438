package cn.huiqi.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.huiqi.award.messaging.ApplicationConsumer;
import cn.huiqi.award.messaging.EligibilityConsumer;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;

/**
 * 企业自主选择 (门头沟 AI 第六条, group mtg-ai/S6, "本条政策中的奖励不重复享受"): the enterprise's application is its
 * choice. While it holds money a later application of the group is set aside whatever its amount; once it is released
 * the other can be proposed.
 */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class ChoiceGroupTest {

    private static final String GROUP = "mtg-ai/S6";

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    /** 20 applications at once, 6a (300,000) and 6b (200,000) alternating: the first to commit holds, not the largest. */
    @RepeatedTest(3)
    void twentyConcurrentApplicationsOfAChooseGroupLeaveExactlyTheFirstHolding() throws Exception {
        String uscc = TestUscc.random();
        List<EventEnvelope> determinations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            determinations.add(Events.chosen(uscc, UUID.randomUUID(), 2025, i % 2 == 0
                    ? Events.PARTNER
                    : Events.KEY_AI));
        }
        LedgerRaceTest.race(determinations, eligibility::onEligibility);

        JsonPath ledger = LedgerRaceTest.ledger(uscc);
        List<Map<String, Object>> entries = ledger.getList("entries");
        assertThat(entries).hasSize(20).allSatisfy(e -> assertThat(e.get("kind")).isEqualTo("PROPOSED"));
        // entries are newest first: the last is the first committed
        Map<String, Object> first = entries.get(entries.size() - 1);
        String holder = (String) first.get("applicationId");
        List<JsonPath> awards = LedgerRaceTest.awards(uscc).stream()
                .map(a -> LedgerRaceTest.award(UUID.fromString((String) a.get("applicationId")))).toList();
        List<JsonPath> holding = awards.stream().filter(a -> new BigDecimal(a.getString("held")).signum() > 0)
                .toList();
        assertThat(holding).singleElement().satisfies(a -> assertThat(a.getString("applicationId"))
                .isEqualTo(holder));
        assertThat(ledger.getString("balances.held")).isEqualTo(first.get("amount"));
        assertThat(ledger.getBoolean("balances.balanced")).isTrue();
        for (JsonPath a : awards) {
            if (a.getString("applicationId").equals(holder)) {
                continue;
            }
            assertThat(a.getString("amount")).isEqualTo("0.00");
            assertThat(a.getString("reason")).as(a.prettify()).contains("企业自主选择").contains(GROUP)
                    .contains("企业已选择 " + first.get("clauseId") + "（申请 " + holder).contains("同一年度只能选择一项进行申报");
            assertThat(a.getList("entries.kind")).containsExactly("PROPOSED");
        }
    }

    @Test
    void aLargerLaterApplicationIsSetAsideUntilTheChoiceIsWithdrawn() throws Exception {
        String uscc = TestUscc.random();
        UUID chosen = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.chosen(uscc, chosen, 2025, Events.KEY_AI)));
        eligibility.onEligibility(EventCodec.encode(Events.chosen(uscc, later, 2025, Events.PARTNER)));
        // 从优 would keep 300,000.00; the enterprise chose 6b
        assertThat(LedgerRaceTest.award(chosen).getString("held")).isEqualTo("200000.00");
        JsonPath setAside = LedgerRaceTest.award(later);
        assertThat(setAside.getString("amount")).isEqualTo("0.00");
        assertThat(setAside.getString("computedAmount")).isEqualTo("300000.00");
        assertThat(setAside.getString("reason")).contains("企业已选择 mtg-ai.6b（申请 " + chosen);

        // while the choice holds, a correction cannot propose the other
        CorrectionAndEstimateTest
                .correct(later, Map.of("claim.mtgai.agi_partner_member", true), "企业改选第六条第一款", TestTokens.system())
                .statusCode(409)
                .contentType("application/problem+json").body("type", containsString("other-choice-held"))
                .body("detail", containsString(chosen.toString()));
        assertThat(LedgerRaceTest.award(later).getList("entries")).hasSize(1);

        // the enterprise withdraws its choice; then a correction proposes the other in full
        applications.onApplication(EventCodec.encode(Events.withdrawn(uscc, chosen, Events.KEY_AI, 2025)));
        CorrectionAndEstimateTest
                .correct(later, Map.of("claim.mtgai.agi_partner_member", true), "企业改选第六条第一款", TestTokens.system())
                .statusCode(200)
                .body("held", equalTo("300000.00")).body("entries[1].kind", equalTo("TOP_UP"))
                .body("entries[1].amount", equalTo("300000.00"))
                .body("entries[1].reason", containsString("原选择已释放"));
        JsonPath ledger = LedgerRaceTest.ledger(uscc);
        assertThat(ledger.getString("balances.held")).isEqualTo("300000.00");
        assertThat(ledger.getBoolean("balances.balanced")).isTrue();
        // and now the first, determined again, is set aside in its turn
        UUID third = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.chosen(uscc, third, 2025, Events.KEY_AI)));
        assertThat(LedgerRaceTest.award(third).getString("reason")).contains("企业已选择 mtg-ai.6a（申请 " + later);
    }

    @Test
    void aResubmissionProposesTheOtherOnceTheChoiceIsReleased() throws Exception {
        String uscc = TestUscc.random();
        UUID chosen = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.chosen(uscc, chosen, 2025, Events.PARTNER)));
        EventEnvelope first = Events.chosen(uscc, later, 2025, Events.KEY_AI);
        eligibility.onEligibility(EventCodec.encode(first));
        assertThat(LedgerRaceTest.award(later).getString("held")).isEqualTo("0.00");
        applications.onApplication(EventCodec.encode(Events.stateChanged(uscc, chosen, Events.PARTNER, 2025,
                "UNDER_REVIEW", "REJECTED", "REJECT", "official", "不属于创新伙伴计划成员", null)));
        eligibility.onEligibility(EventCodec.encode(Events.redetermined(first, 1, true,
                Map.of("claim.mtgai.key_ai_enterprise", true))));
        JsonPath award = LedgerRaceTest.award(later);
        assertThat(award.getString("held")).isEqualTo("200000.00");
        assertThat(award.getInt("revision")).isEqualTo(1);
        assertThat(award.getString("reason")).isNull();
    }

    @Test
    void theEstimateTakesTheEnterprisesChoiceAndSaysWhatIsChosen() {
        String uscc = TestUscc.random();
        Map<String, Object> facts = Map.of("claim.mtgai.agi_partner_member", true, "claim.mtgai.key_ai_enterprise",
                true);
        CorrectionAndEstimateTest.estimate(uscc, Map.of("clauseIds", List.of(Events.PARTNER, Events.KEY_AI), "facts",
                facts, "year", 2025), TestTokens.system()).statusCode(200).body("total", equalTo("300000.00"))
                .body("choices[0].stackingGroup", equalTo(GROUP))
                .body("choices[0].keptClauseId", equalTo(Events.PARTNER))
                .body("choices[0].recommendedClauseId", equalTo(Events.PARTNER))
                .body("choices[0].chosenByEnterprise", equalTo(false));
        CorrectionAndEstimateTest.estimate(uscc, Map.of("clauseIds", List.of(Events.PARTNER, Events.KEY_AI), "facts",
                facts, "year", 2025, "choices", Map.of(GROUP, Events.KEY_AI)), TestTokens.system()).statusCode(200)
                .body("total", equalTo("200000.00")).body("choices[0].keptClauseId", equalTo(Events.KEY_AI))
                .body("choices[0].recommendedClauseId", equalTo(Events.PARTNER))
                .body("choices[0].chosenByEnterprise", equalTo(true))
                .body("clauses.find { it.clauseId == 'mtg-ai.6a' }.amount", equalTo("0.00"));
        CorrectionAndEstimateTest.estimate(uscc, Map.of("clauseIds", List.of(Events.PARTNER), "facts", facts,
                "choices", Map.of("ccxq-2023-11/S1", Events.PARTNER)), TestTokens.system()).statusCode(422)
                .contentType("application/problem+json").body("type", containsString("invalid-choice"));
    }

    @Test
    void theEstimateSaysTheHeldChoiceBlocksTheOtherClause() throws Exception {
        String uscc = TestUscc.random();
        UUID chosen = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.chosen(uscc, chosen, 2025, Events.KEY_AI)));
        CorrectionAndEstimateTest.estimate(uscc, Map.of("clauseIds", List.of(Events.PARTNER), "facts",
                Map.of("claim.mtgai.agi_partner_member", true), "year", 2025), TestTokens.enterprise(uscc))
                .statusCode(200).body("total", equalTo("0.00"))
                .body("clauses[0].reason", containsString("企业已选择 mtg-ai.6b（申请 " + chosen));
    }
}
