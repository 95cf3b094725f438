package cn.huiqi.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import cn.huiqi.award.messaging.ApplicationConsumer;
import cn.huiqi.award.messaging.EligibilityConsumer;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.AwardAwaitingBudgetV1;
import cn.huiqi.events.payload.AwardCorrectedV1;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.events.payload.AwardReleasedV1;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Each step of the ledger that moves money is an award.* event on the award topic, published with the entry. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class AwardEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    @Test
    void grantsReleasesCorrectionsAndBudgetHoldsArePublishedOnce() throws Exception {
        String uscc = TestUscc.random();
        // 30 postdocs: 600,000.00 capped at the yearly 500,000.00; review approves 600,000.00 (delivered twice)
        UUID capped = UUID.randomUUID();
        deliver(eligibility::onEligibility, Events.talent(uscc, capped, 2026, 0, 0, 30));
        EventEnvelope approval = Events.approved(uscc, capped, Events.TALENT, 2026, "600000.00");
        deliver(applications::onApplication, approval);
        deliver(applications::onApplication, approval);
        // corrected: 20 postdocs, 400,000.00
        CorrectionAndEstimateTest.correct(capped, Map.of("claim.talent.postdocs_hired", 20), "核查：十名博士后未进站",
                TestTokens.official("人社局")).statusCode(200);
        // another year: proposed, then withdrawn
        UUID withdrawn = UUID.randomUUID();
        deliver(eligibility::onEligibility, Events.talent(uscc, withdrawn, 2027, 1, 0, 0));
        deliver(applications::onApplication, Events.withdrawn(uscc, withdrawn, Events.TALENT, 2027));
        // a fund of 20,000.00 and an approval of 50,000.00: awaiting budget
        int year = FundBudgetTest.freshYear();
        FundBudgetTest.createFund("人社局", year, "20000.00", List.of(Events.TALENT));
        UUID waiting = UUID.randomUUID();
        deliver(eligibility::onEligibility, Events.talent(uscc, waiting, year, 0, 5, 0));
        deliver(applications::onApplication, Events.approved(uscc, waiting, Events.TALENT, year, "50000.00"));

        List<EventEnvelope> events = TestTopics.events(bootstrapServers, Topics.AWARD, uscc, 7, Duration.ofSeconds(30));
        assertThat(events).extracting(EventEnvelope::type).containsExactly(EventTypes.AWARD_PROPOSED,
                EventTypes.AWARD_GRANTED, EventTypes.AWARD_CORRECTED, EventTypes.AWARD_PROPOSED,
                EventTypes.AWARD_RELEASED, EventTypes.AWARD_PROPOSED, EventTypes.AWARD_AWAITING_BUDGET);

        AwardGrantedV1 granted = events.get(1).dataAs(AwardGrantedV1.class);
        assertThat(granted.applicationId()).isEqualTo(capped);
        assertThat(granted.amount()).isEqualTo(new BigDecimal("500000.00"));
        assertThat(granted.approvedAmount()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(granted.reduced()).isTrue();
        assertThat(granted.reducedBy()).startsWith("ccxq-2023-11.12/");
        assertThat(granted.fundId()).isNull();

        AwardCorrectedV1 corrected = events.get(2).dataAs(AwardCorrectedV1.class);
        assertThat(corrected.kind()).isEqualTo("REVERSAL");
        assertThat(corrected.difference()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(corrected.held()).isEqualTo(new BigDecimal("400000.00"));
        assertThat(corrected.reason()).isEqualTo("核查：十名博士后未进站");

        AwardReleasedV1 released = events.get(4).dataAs(AwardReleasedV1.class);
        assertThat(released.applicationId()).isEqualTo(withdrawn);
        assertThat(released.amount()).isEqualTo(new BigDecimal("5000.00"));
        assertThat(released.reason()).isEqualTo("企业撤回申报：项目终止");

        AwardAwaitingBudgetV1 held = events.get(6).dataAs(AwardAwaitingBudgetV1.class);
        assertThat(held.applicationId()).isEqualTo(waiting);
        assertThat(held.amount()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(held.remaining()).isEqualTo(new BigDecimal("20000.00"));
        assertThat(held.shortfall()).isEqualTo(new BigDecimal("30000.00"));
        assertThat(held.fundName()).isNotBlank();
        assertThat(held.reason()).contains("待预算");
    }

    private static void deliver(java.util.function.Consumer<String> consumer, EventEnvelope event) {
        consumer.accept(EventCodec.encode(event));
    }
}
