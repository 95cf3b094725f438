package cn.huiqi.application.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an enterprise (or a registry feed) sends to register. */
@Schema(name = "EnterpriseRegistration")
public record EnterpriseRegistration(
        @Schema(description = "统一社会信用代码, 18 characters with check digit (GB 32100-2015)", example = "91220101MA0Y5CGQ2L") @NotBlank String uscc,
        @Schema(example = "长春数实融合科技有限公司") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Legal form, a value of the vocabulary's enterprise.legal_form (limited_liability_company, joint_stock_company, state_owned_enterprise, collective_enterprise, partnership, sole_proprietorship, branch, individual_business, public_institution, social_organization, other)", example = "limited_liability_company") @NotBlank String legalForm,
        @Schema(description = "GB/T 2260 administrative division code, six digits", example = "220173") @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") String regionCode,
        @Schema(example = "2021-03-15") @NotNull @PastOrPresent LocalDate registrationDate,
        @Schema(description = "Profile facts keyed by vocabulary name (e.g. enterprise.industry_tags); they become the first declared values (pushed, when a system registers)") Map<String, Object> facts,
        @Schema(description = "Registered address", example = "吉林省长春市长春新区硅谷大街1号") @Size(max = 300) String address,
        @Schema(description = "Industries, codes or Chinese names of policies/industries.yaml (e.g. digital_healthcare or 数字医疗)", example = "[\"数字医疗\"]") @Size(max = 20) List<@NotBlank @Size(max = 50) String> industryTags,
        @Schema(enumeration = {
                "STARTUP", "GROWTH",
                "MATURE"}, description = "发展阶段: STARTUP 初创期, GROWTH 成长期, MATURE 成熟期; kept as the fact enterprise.growth_stage") String sizeStage,
        @Valid ContactPerson contact){

    /** The registration without the optional fields, as the first clients send it. */
    public EnterpriseRegistration(String uscc, String name, String legalForm, String regionCode,
            LocalDate registrationDate, Map<String, Object> facts) {
        this(uscc, name, legalForm, regionCode, registrationDate, facts, null, null, null, null);
    }
}
