package cn.huiqi.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

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
import cn.huiqi.infra.TestUscc;

/**
 * 退回补充材料 then RESUBMIT: eligibility-service determines the application again with a higher revision; the ledger
 * releases the earlier proposal and proposes again from the new facts, once however often the determination arrives.
 */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class ResubmissionTest {

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    /** 3 master's, 2 PhDs, 2 postdocs under (十二): 75,000.00. */
    private static final Map<String, Object> MORE_HIRES = Map.of("enterprise.legal_form", "limited_liability_company",
            "claim.talent.masters_hired", 3, "claim.talent.phds_hired", 2, "claim.talent.postdocs_hired", 2);

    @Test
    void aResubmissionReleasesTheEarlierProposalAndProposesAgainOnce() throws Exception {
        String uscc = TestUscc.random();
        UUID app = UUID.randomUUID();
        // first submission: 3 master's, 2 PhDs, 1 postdoc → 55,000.00
        EventEnvelope first = Events.talent(uscc, app, 2026, 3, 2, 1);
        eligibility.onEligibility(EventCodec.encode(first));
        // resubmitted with a second postdoc: the same event three times at once, a second event of the same revision
        EventEnvelope resubmitted = Events.redetermined(first, 1, true, MORE_HIRES);
        LedgerRaceTest.race(List.of(resubmitted, resubmitted, resubmitted), eligibility::onEligibility);
        eligibility.onEligibility(EventCodec.encode(Events.redetermined(first, 1, true, MORE_HIRES)));
        // and a late determination of the first revision
        eligibility.onEligibility(EventCodec.encode(Events.talent(uscc, app, 2026, 3, 2, 1)));

        JsonPath award = LedgerRaceTest.award(app);
        assertThat(award.getList("entries.kind")).containsExactly("PROPOSED", "RELEASED", "PROPOSED");
        assertThat(award.getString("entries[1].amount")).isEqualTo("55000.00");
        assertThat(award.getString("entries[1].reason")).startsWith("补充材料后重新核算").contains("55,000.00");
        assertThat(award.getString("status")).isEqualTo("PROPOSED");
        assertThat(award.getString("amount")).isEqualTo("75000.00");
        assertThat(award.getString("held")).isEqualTo("75000.00");
        assertThat(award.getInt("revision")).isEqualTo(1);
        assertThat(award.getMap("facts")).containsEntry("claim.talent.postdocs_hired", 2);
        JsonPath ledger = LedgerRaceTest.ledger(uscc);
        assertThat(ledger.getString("balances.held")).isEqualTo("75000.00");
        assertThat(ledger.getBoolean("balances.balanced")).isTrue();
        assertThat(LedgerRaceTest.awards(uscc)).singleElement()
                .satisfies(a -> assertThat(a.get("amount")).isEqualTo("75000.00"));

        // the new proposal goes on through its lifecycle: approved and disbursed
        applications.onApplication(EventCodec.encode(Events.approved(uscc, app, Events.TALENT, 2026, "75000.00")));
        applications.onApplication(EventCodec.encode(Events.disbursed(uscc, app, Events.TALENT, 2026, "75000.00")));
        assertThat(LedgerRaceTest.award(app).getString("status")).isEqualTo("DISBURSED");
        assertThat(LedgerRaceTest.ledger(uscc).getString("balances.granted")).isEqualTo("75000.00");
    }

    @Test
    void aResubmissionFoundIneligibleOnlyReleases() throws Exception {
        String uscc = TestUscc.random();
        UUID app = UUID.randomUUID();
        EventEnvelope first = Events.talent(uscc, app, 2026, 0, 0, 30);
        eligibility.onEligibility(EventCodec.encode(first));
        EventEnvelope ineligible = Events.redetermined(first, 1, false, Map.of());
        LedgerRaceTest.race(List.of(ineligible, ineligible, ineligible), eligibility::onEligibility);

        JsonPath award = LedgerRaceTest.award(app);
        assertThat(award.getList("entries.kind")).containsExactly("PROPOSED", "RELEASED");
        assertThat(award.getString("entries[1].reason")).contains("补充材料后重新核算").contains("不符合条件")
                .contains("500,000.00");
        assertThat(award.getString("status")).isEqualTo("RELEASED");
        assertThat(award.getString("held")).isEqualTo("0.00");
        // the yearly cap room it held is free again for another application
        UUID other = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.talent(uscc, other, 2026, 0, 0, 30)));
        assertThat(LedgerRaceTest.award(other).getString("amount")).isEqualTo("500000.00");
        // a later withdrawal of the released application writes nothing more
        applications.onApplication(EventCodec.encode(Events.withdrawn(uscc, app, Events.TALENT, 2026)));
        assertThat(LedgerRaceTest.award(app).getList("entries")).hasSize(2);
        assertThat(LedgerRaceTest.ledger(uscc).getBoolean("balances.balanced")).isTrue();
    }

    @Test
    void aProposalAfterResubmissionCanBeWithdrawnAgain() throws Exception {
        String uscc = TestUscc.random();
        UUID app = UUID.randomUUID();
        EventEnvelope first = Events.talent(uscc, app, 2026, 3, 2, 1);
        eligibility.onEligibility(EventCodec.encode(first));
        eligibility.onEligibility(EventCodec.encode(Events.redetermined(first, 1, true, MORE_HIRES)));
        applications.onApplication(EventCodec.encode(Events.withdrawn(uscc, app, Events.TALENT, 2026)));

        JsonPath award = LedgerRaceTest.award(app);
        assertThat(award.getList("entries.kind")).containsExactly("PROPOSED", "RELEASED", "PROPOSED", "RELEASED");
        assertThat(award.getString("entries[3].amount")).isEqualTo("75000.00");
        assertThat(award.getString("entries[3].reason")).isEqualTo("企业撤回申报：项目终止");
        assertThat(LedgerRaceTest.ledger(uscc).getString("balances.held")).isEqualTo("0.00");
    }
}
