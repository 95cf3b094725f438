package cn.huiqi.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardAwaitingBudgetV1;
import cn.huiqi.events.payload.AwardCorrectedV1;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.AwardReleasedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.events.payload.EnterpriseProfileChangedV1;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.events.payload.NotificationCreatedV1;

/**
 * Events written by earlier producers must still be readable: the JSON under {@code events/v1} is frozen as published
 * by version 1 of each type and must never be edited, only added to.
 */
class EventCompatibilityTest {

    @Test
    void enterpriseRegisteredV1StillDeserializes() {
        EventEnvelope e = fixture("enterprise.registered.v1.json");
        assertThat(e.type()).isEqualTo(EventTypes.ENTERPRISE_REGISTERED);
        EnterpriseRegisteredV1 data = e.dataAs(EnterpriseRegisteredV1.class);
        assertThat(data.uscc()).isEqualTo("91220101MA0Y5CGQ1E").isEqualTo(e.subject());
        assertThat(data.registrationDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(data.facts()).containsEntry("enterprise.industry_tags", List.of("数字医疗"));
    }

    @Test
    void enterpriseProfileChangedV1StillDeserializes() {
        EventEnvelope e = fixture("enterprise.profile-changed.v1.json");
        assertThat(e.type()).isEqualTo(EventTypes.ENTERPRISE_PROFILE_CHANGED);
        EnterpriseProfileChangedV1 data = e.dataAs(EnterpriseProfileChangedV1.class);
        assertThat(data.uscc()).isEqualTo(e.subject());
        assertThat(data.profileVersion()).isEqualTo(3);
        assertThat(data.facts()).containsEntry("enterprise.growth_stage", "growth");
        assertThat(data.creditBlocked()).isTrue();
        assertThat(data.creditRecords()).singleElement().satisfies(c -> {
            assertThat(c.listedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(c.listedUntil()).isNull();
        });
        assertThat(data.changedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    }

    @Test
    void applicationSubmittedV1StillDeserializes() {
        ApplicationSubmittedV1 data = fixture("application.submitted.v1.json").dataAs(ApplicationSubmittedV1.class);
        assertThat(data.applicationId()).isEqualTo(UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"));
        assertThat(data.year()).isEqualTo(2026);
        assertThat(data.claim()).containsEntry("claim.talent.masters_hired", 3);
        assertThat(data.submittedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    }

    @Test
    void eligibilityDeterminedV1StillDeserializes() {
        EligibilityDeterminedV1 data = fixture("eligibility.determined.v1.json").dataAs(EligibilityDeterminedV1.class);
        assertThat(data.eligible()).isFalse();
        assertThat(data.reasons()).singleElement().satisfies(r -> {
            assertThat(r.shortfall()).isEqualByComparingTo("1");
            assertThat(r.messageZh()).contains("差1人");
            assertThat(r.source()).startsWith("企业每引进一名");
            assertThat(r.kind()).as("added later: absent from the first v1 events").isNull();
            assertThat(r.blocks()).isTrue();
        });
    }

    @Test
    void awardProposedV1KeepsMoneyExact() {
        AwardProposedV1 data = fixture("award.proposed.v1.json").dataAs(AwardProposedV1.class);
        assertThat(data.amount()).isEqualTo(new BigDecimal("55000.00"));
        assertThat(data.trace()).containsExactly("硕士 3 人 × 5,000.00 = 15,000.00");
        assertThat(data.awardKind()).as("added later: absent from the first v1 events").isNull();
        assertThat(data.reviewDetermined()).isFalse();
        assertThat(data.investment()).isFalse();
    }

    @Test
    void awardLedgerEventsV1KeepMoneyExact() {
        AwardGrantedV1 granted = fixture("award.granted.v1.json").dataAs(AwardGrantedV1.class);
        assertThat(granted.amount()).isEqualTo(new BigDecimal("150000.00"));
        assertThat(granted.approvedAmount()).isEqualTo(new BigDecimal("330000.00"));
        assertThat(granted.reduced()).isTrue();
        assertThat(granted.reducedBy()).startsWith("ccxq-2023-11.5a/year");
        AwardAwaitingBudgetV1 waiting = fixture("award.awaiting-budget.v1.json").dataAs(AwardAwaitingBudgetV1.class);
        assertThat(waiting.shortfall()).isEqualTo(new BigDecimal("30000.00"));
        assertThat(waiting.remaining()).isEqualTo(new BigDecimal("20000.00"));
        assertThat(waiting.fundName()).isEqualTo("人才引进专项资金");
        AwardReleasedV1 released = fixture("award.released.v1.json").dataAs(AwardReleasedV1.class);
        assertThat(released.amount()).isEqualTo(new BigDecimal("55000.00"));
        assertThat(released.reason()).isEqualTo("企业撤回申报：项目终止");
        EventEnvelope corrected = fixture("award.corrected.v1.json");
        assertThat(corrected.type()).isEqualTo(EventTypes.AWARD_CORRECTED);
        AwardCorrectedV1 c = corrected.dataAs(AwardCorrectedV1.class);
        assertThat(c.kind()).isEqualTo("CLAWED_BACK");
        assertThat(c.difference()).isEqualTo(new BigDecimal("10000.00"));
        assertThat(c.held()).isEqualTo(new BigDecimal("45000.00"));
    }

    @Test
    void applicationStateChangedV1StillDeserializes() {
        EventEnvelope e = fixture("application.state-changed.v1.json");
        assertThat(e.type()).isEqualTo(EventTypes.APPLICATION_STATE_CHANGED);
        ApplicationStateChangedV1 data = e.dataAs(ApplicationStateChangedV1.class);
        assertThat(data.toState()).isEqualTo("APPROVED");
        assertThat(data.action()).isEqualTo("APPROVE");
        assertThat(data.amount()).isEqualTo(new BigDecimal("55000.00"));
        assertThat(data.reason()).isNull();
    }

    @Test
    void notificationCreatedV1StillDeserializes() {
        NotificationCreatedV1 data = fixture("notification.created.v1.json").dataAs(NotificationCreatedV1.class);
        assertThat(data.channel()).isEqualTo("in-app");
        assertThat(data.causedBy()).isEqualTo(UUID.fromString("3f5e7091-2c4d-4e6f-a01b-c3d4e5f60718"));
    }

    @Test
    void roundTripKeepsEveryFieldAndMoneyAsString() {
        AwardProposedV1 payload = new AwardProposedV1(UUID.randomUUID(), "91220101MA0Y5CGQ1E", "ccxq-2023-11.12",
                2026, new BigDecimal("500000.00"), new BigDecimal("600000.00"), List.of("a"), List.of("cap"), "grant",
                "computed");
        EventEnvelope sent = EventEnvelope.of(EventTypes.AWARD_PROPOSED, "test", payload.uscc(), payload);
        String json = EventCodec.encode(sent);
        assertThat(json).contains("\"amount\":\"500000.00\"");
        EventEnvelope received = EventCodec.decode(json);
        assertThat(received).isEqualTo(sent);
        assertThat(received.dataAs(AwardProposedV1.class)).isEqualTo(payload);
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = EventCodec.encode(EventEnvelope.of(EventTypes.NOTIFICATION_CREATED, "test", "x",
                Map.of("notificationId", UUID.randomUUID(), "recipient", "x", "channel", "sms", "title", "t",
                        "addedInV1_1", "whatever")))
                .replace("\"subject\"", "\"traceparent\":\"00-abc\",\"subject\"");
        EventEnvelope e = EventCodec.decode(json);
        assertThat(e.dataAs(NotificationCreatedV1.class).channel()).isEqualTo("sms");
    }

    @Test
    void garbageIsAMalformedEvent() {
        assertThatThrownBy(() -> EventCodec.decode("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"id\":\"" + UUID.randomUUID() + "\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("null")).isInstanceOf(MalformedEventException.class);
    }

    private static EventEnvelope fixture(String name) {
        try (InputStream in = EventCompatibilityTest.class.getResourceAsStream("/events/v1/" + name)) {
            assertThat(in).as(name).isNotNull();
            return EventCodec.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
