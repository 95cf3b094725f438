package cn.huiqi.award;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;

/** The events award-service consumes, as the tests send them. */
final class Events {

    /** 长新管规〔2023〕11号 (五): 30% of the commissioned development fee, ≤5,000,000 a project, ≤15,000,000 a year. */
    static final String DIRECTED_RD = "ccxq-2023-11.5a";
    /** (二) new public technical service platform: 40% of the investment, ≤10,000,000; group S1 with (三) 3a. */
    static final String PLATFORM = "ccxq-2023-11.2a";
    /** (三) industrial-internet benchmark platform: 30% of an investment of at least 5,000,000, ≤3,000,000. */
    static final String BENCHMARK = "ccxq-2023-11.3a";
    static final String TALENT = "ccxq-2023-11.12";
    /** 门头沟 AI 第六条: innovation partner plan member, at most 300,000; group mtg-ai/S6 (企业自主选择) with 6b. */
    static final String PARTNER = "mtg-ai.6a";
    /** 门头沟 AI 第六条: key AI enterprise or digital economy benchmark, at most 200,000. */
    static final String KEY_AI = "mtg-ai.6b";

    private Events() {
    }

    static EventEnvelope eligible(String uscc, UUID applicationId, String clauseId, int year,
            Map<String, Object> facts) {
        return EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED, "test", uscc,
                new EligibilityDeterminedV1(applicationId, uscc, clauseId, year, true, List.of(), facts));
    }

    /** A determination of a resubmitted application (revision ≥ 1), eligible or not. */
    static EventEnvelope redetermined(EventEnvelope first, int revision, boolean eligible,
            Map<String, Object> facts) {
        EligibilityDeterminedV1 d = first.dataAs(EligibilityDeterminedV1.class);
        return EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED, "test", d.uscc(),
                new EligibilityDeterminedV1(d.applicationId(), d.uscc(), d.clauseId(), d.year(), eligible, List.of(),
                        facts, revision));
    }

    static EventEnvelope directedRd(String uscc, UUID applicationId, int year, long fee) {
        return eligible(uscc, applicationId, DIRECTED_RD, year, Map.of("enterprise.legal_form",
                "joint_stock_company", "claim.rd.leads_local_directed_research", true,
                "claim.rd.commissioned_development_fee", fee));
    }

    static EventEnvelope platform(String uscc, UUID applicationId, int year, long investment) {
        return eligible(uscc, applicationId, PLATFORM, year, Map.of("enterprise.legal_form",
                "limited_liability_company", "claim.platform.is_track_public_tech_platform", true,
                "claim.platform.newly_established", true, "claim.platform.recognized_by_new_area", true,
                "claim.platform.actual_investment", investment));
    }

    static EventEnvelope benchmark(String uscc, UUID applicationId, int year, long investment) {
        return eligible(uscc, applicationId, BENCHMARK, year, Map.of("enterprise.legal_form",
                "limited_liability_company", "claim.industrial_internet.benchmark_platform", true,
                "claim.industrial_internet.platform_investment", investment));
    }

    /** 6a (300,000.00) or 6b (200,000.00) of the 企业自主选择 group mtg-ai/S6. */
    static EventEnvelope chosen(String uscc, UUID applicationId, int year, String clauseId) {
        return eligible(uscc, applicationId, clauseId, year, PARTNER.equals(clauseId)
                ? Map.of("claim.mtgai.agi_partner_member", true)
                : Map.of("claim.mtgai.key_ai_enterprise", true));
    }

    static EventEnvelope talent(String uscc, UUID applicationId, int year, int masters, int phds, int postdocs) {
        return eligible(uscc, applicationId, TALENT, year, Map.of("enterprise.legal_form",
                "limited_liability_company", "claim.talent.masters_hired", masters, "claim.talent.phds_hired", phds,
                "claim.talent.postdocs_hired", postdocs));
    }

    /** application-service's event for one lifecycle transition (docs/application-lifecycle.md). */
    static EventEnvelope stateChanged(String uscc, UUID applicationId, String clauseId, int year, String from,
            String to, String action, String actor, String reason, String amount) {
        return EventEnvelope.of(EventTypes.APPLICATION_STATE_CHANGED, "test", uscc,
                new ApplicationStateChangedV1(applicationId, uscc, clauseId, year, from, to, action, actor,
                        "test-" + actor, "科技局", reason, amount == null ? null : new BigDecimal(amount), null));
    }

    static EventEnvelope approved(String uscc, UUID applicationId, String clauseId, int year, String amount) {
        return stateChanged(uscc, applicationId, clauseId, year, "PUBLIC_NOTICE", "APPROVED", "APPROVE", "official",
                null, amount);
    }

    static EventEnvelope disbursed(String uscc, UUID applicationId, String clauseId, int year, String amount) {
        return stateChanged(uscc, applicationId, clauseId, year, "APPROVED", "DISBURSED", "DISBURSE", "system", null,
                amount);
    }

    static EventEnvelope clawedBack(String uscc, UUID applicationId, String clauseId, int year, String amount,
            String reason) {
        return stateChanged(uscc, applicationId, clauseId, year, "DISBURSED", "CLAWED_BACK", "CLAW_BACK", "official",
                reason, amount);
    }

    static EventEnvelope withdrawn(String uscc, UUID applicationId, String clauseId, int year) {
        return stateChanged(uscc, applicationId, clauseId, year, "AWARD_PROPOSED", "WITHDRAWN", "WITHDRAW",
                "enterprise", "项目终止", null);
    }
}
