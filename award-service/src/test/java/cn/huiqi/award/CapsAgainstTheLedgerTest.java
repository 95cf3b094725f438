package cn.huiqi.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import cn.huiqi.award.messaging.ApplicationConsumer;
import cn.huiqi.award.messaging.EligibilityConsumer;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestUscc;

/** Caps and count limits count what the ledger holds: not released proposals, not what was clawed back. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class CapsAgainstTheLedgerTest {

    static final String INCUBATOR = "ccxq-2023-11.1b";

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    /**
     * 长新管规〔2023〕11号 (一) 1b, 晋级享受差额: municipal 300,000.00, then provincial (800,000 less what is held), then
     * national (1,500,000 less what is held). A clawback of 100,000.00 on the first gives that room back.
     */
    @Test
    void theUpgradeDifferentialCountsWhatIsHeld() {
        String uscc = TestUscc.random();
        UUID municipal = UUID.randomUUID();
        propose(incubator(uscc, municipal, 2024, "municipal"));
        assertThat(LedgerRaceTest.award(municipal).getString("amount")).isEqualTo("300000.00");
        applications.onApplication(EventCodec.encode(Events.approved(uscc, municipal, INCUBATOR, 2024,
                "300000.00")));
        applications.onApplication(EventCodec.encode(Events.disbursed(uscc, municipal, INCUBATOR, 2024,
                "300000.00")));
        applications.onApplication(EventCodec.encode(Events.clawedBack(uscc, municipal, INCUBATOR, 2024,
                "100000.00", "部分资金未按规定使用")));

        UUID provincial = UUID.randomUUID();
        propose(incubator(uscc, provincial, 2025, "provincial"));
        assertThat(LedgerRaceTest.award(provincial).getString("amount")).isEqualTo("600000.00");
        assertThat(LedgerRaceTest.award(provincial).getMap("history")).containsEntry("ccxq-2023-11.1b/level",
                "200000.00");

        UUID national = UUID.randomUUID();
        propose(incubator(uscc, national, 2026, "national"));
        assertThat(LedgerRaceTest.award(national).getString("amount")).isEqualTo("700000.00");
        assertThat(LedgerRaceTest.award(national).getList("capsApplied", String.class)).singleElement().asString()
                .startsWith("ccxq-2023-11.1b/level").contains("每家孵化器累计奖励金额不超过孵化器级别对应奖励额度");
        assertThat(LedgerRaceTest.ledger(uscc).getString("balances.held")).isEqualTo("1500000.00");
    }

    /** 中关村 第六条, 连续3年只能获得一次: a withdrawn award does not count, so the next year's is paid. */
    @Test
    void aReleasedAwardDoesNotCountForAFrequencyLimit() {
        String uscc = TestUscc.random();
        EventEnvelope first = AwardLedgerTest.zgcRd(uscc, 2024);
        UUID firstId = first.dataAs(cn.huiqi.events.payload.EligibilityDeterminedV1.class).applicationId();
        propose(first);
        assertThat(LedgerRaceTest.award(firstId).getString("amount")).isEqualTo("200000.00");

        EventEnvelope refused = AwardLedgerTest.zgcRd(uscc, 2025);
        propose(refused);
        assertThat(LedgerRaceTest.award(refused.dataAs(cn.huiqi.events.payload.EligibilityDeterminedV1.class)
                .applicationId()).getString("reason")).contains("zgc-ei/once-in-3-years");

        applications.onApplication(EventCodec.encode(Events.withdrawn(uscc, firstId, "zgc-ei.6a", 2024)));
        EventEnvelope after = AwardLedgerTest.zgcRd(uscc, 2026);
        propose(after);
        assertThat(LedgerRaceTest.award(after.dataAs(cn.huiqi.events.payload.EligibilityDeterminedV1.class)
                .applicationId()).getString("amount")).isEqualTo("200000.00");
    }

    private void propose(EventEnvelope determination) {
        eligibility.onEligibility(EventCodec.encode(determination));
    }

    static EventEnvelope incubator(String uscc, UUID applicationId, int year, String level) {
        return Events.eligible(uscc, applicationId, INCUBATOR, year, Map.of("enterprise.legal_form",
                "limited_liability_company", "claim.incubator.is_professional_incubator", true,
                "claim.incubator.newly_recognized_level", level));
    }
}
