package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.engine.model.Vocabulary;

/** Facts arrive as JSON gives them and leave typed as the vocabulary says, or are refused with every reason. */
class FactsTest {

    static final Vocabulary VOCABULARY = PolicyPackLoader.fromClasspath("policies").vocabulary();

    @Test
    void numbers_arrive_in_any_exact_form_and_leave_typed() {
        Facts facts = Facts.of(VOCABULARY, Map.of(
                "claim.talent.masters_hired", 3,
                "claim.talent.phds_hired", 2L,
                "claim.talent.postdocs_hired", new BigDecimal("1.0"),
                "claim.platform.actual_investment", "1234567.8",
                "claim.event.actual_cost", BigInteger.TEN,
                "claim.park.track_enterprise_share", "0.6"));

        assertThat(facts.number("claim.talent.masters_hired")).contains(new BigDecimal("3"));
        assertThat(facts.number("claim.talent.postdocs_hired")).contains(new BigDecimal("1"));
        assertThat(facts.number("claim.platform.actual_investment")).contains(new BigDecimal("1234567.80"));
        assertThat(facts.number("claim.event.actual_cost")).contains(new BigDecimal("10.00"));
        assertThat(facts.number("claim.park.track_enterprise_share")).hasValueSatisfying(
                r -> assertThat(r).isEqualByComparingTo("0.6"));
    }

    @Test
    void other_types_convert_too() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("enterprise.registration_date", "2021-03-04");
        raw.put("claim.platform.in_operation", "true");
        raw.put("claim.park.is_featured_park", false);
        raw.put("enterprise.legal_form", "joint_stock_company");
        raw.put("enterprise.industry_tags", List.of("artificial_intelligence", "biomedicine"));
        raw.put("enterprise.uscc", "91220101MA0000000X");
        raw.put("enterprise.region_code", null);
        Facts facts = Facts.of(VOCABULARY, raw);

        assertThat(facts.date("enterprise.registration_date")).contains(LocalDate.of(2021, 3, 4));
        assertThat(facts.bool("claim.platform.in_operation")).contains(true);
        assertThat(facts.bool("claim.park.is_featured_park")).contains(false);
        assertThat(facts.text("enterprise.legal_form")).contains("joint_stock_company");
        assertThat(facts.set("enterprise.industry_tags")).contains(Set.of("artificial_intelligence", "biomedicine"));
        assertThat(facts.has("enterprise.region_code")).as("null means not provided").isFalse();
        assertThat(facts.names()).hasSize(6);
    }

    @Test
    void wrong_values_are_refused_all_at_once() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("claim.talent.masters_hired", 1.5);
        raw.put("claim.talent.phds_hired", new BigDecimal("2.5"));
        raw.put("claim.talent.postdocs_hired", -1);
        raw.put("claim.platform.actual_investment", new BigDecimal("10.001"));
        raw.put("claim.event.actual_cost", "ten");
        raw.put("claim.park.track_enterprise_share", new BigDecimal("1.2"));
        raw.put("enterprise.legal_form", "plc");
        raw.put("enterprise.registration_date", "2021/03/04");
        raw.put("claim.platform.in_operation", "yes");
        raw.put("enterprise.industry_tags", "artificial_intelligence");
        raw.put("claim.no_such_fact", 1);

        FactsException e = catchThrowableOfType(FactsException.class, () -> Facts.of(VOCABULARY, raw));

        assertThat(e.problems()).extracting(FactsException.Problem::toString).containsExactlyInAnyOrder(
                "claim.talent.masters_hired: binary floating point (1.5) cannot carry a count exactly; send a "
                        + "BigDecimal, an integer or a decimal string",
                "claim.talent.phds_hired: a count is a whole number, got 2.5",
                "claim.talent.postdocs_hired: a count cannot be negative, got -1",
                "claim.platform.actual_investment: money has at most 2 decimals (fen), got 10.001",
                "claim.event.actual_cost: expected a money number, got \"ten\" (String)",
                "claim.park.track_enterprise_share: a ratio is between 0 and 1 (0.6 means 60%), got 1.2",
                "enterprise.legal_form: expected one of [limited_liability_company, joint_stock_company, "
                        + "state_owned_enterprise, collective_enterprise, partnership, sole_proprietorship, branch, "
                        + "individual_business, public_institution, social_organization, other], got \"plc\" (String)",
                "enterprise.registration_date: expected a date as yyyy-MM-dd, got \"2021/03/04\" (String)",
                "claim.platform.in_operation: expected true or false, got \"yes\" (String)",
                "enterprise.industry_tags: expected a list of [digital_healthcare, innovative_medical_devices, "
                        + "satellite_internet, intelligent_manufacturing, new_smart_materials, artificial_intelligence, "
                        + "industrial_internet, internet_of_things, optoelectronics, biomedicine], got "
                        + "\"artificial_intelligence\" (String)",
                "claim.no_such_fact: unknown fact (not in the vocabulary)");
    }

    @Test
    void merge_overrides_with_the_other_facts() {
        Facts profile = Facts.of(VOCABULARY, Map.of("enterprise.legal_form", "branch", "enterprise.uscc", "X"));
        Facts claim = Facts.of(VOCABULARY, Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.talent.masters_hired", 2));

        Facts merged = profile.merge(claim);

        assertThat(merged.asMap()).containsOnlyKeys("enterprise.legal_form", "enterprise.uscc",
                "claim.talent.masters_hired");
        assertThat(merged.text("enterprise.legal_form")).contains("limited_liability_company");
        assertThat(profile.text("enterprise.legal_form")).as("unchanged").contains("branch");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> profile.merge(Facts.empty(PolicyPackLoader.fromClasspath("packs/engine").vocabulary()))))
                .hasMessageContaining("different vocabularies");
    }
}
