package cn.huiqi.application.enterprise;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of registration fields: what is absent stays as it is. */
@Schema(name = "EnterpriseUpdate")
public record EnterpriseUpdate(
        @Schema(example = "长春数实融合科技有限公司") @Size(min = 1, max = 200) String name,
        @Schema(example = "吉林省长春市长春新区硅谷大街1号") @Size(max = 300) String address,
        @Schema(description = "Industries, codes or Chinese names of policies/industries.yaml; replaces the list") @Size(max = 20) List<@NotBlank @Size(max = 50) String> industryTags,
        @Schema(enumeration = {
                "STARTUP", "GROWTH", "MATURE"}, description = "STARTUP 初创期, GROWTH 成长期, MATURE 成熟期") String sizeStage,
        @Valid ContactPerson contact){

    boolean isEmpty() {
        return name == null && address == null && industryTags == null && sizeStage == null && contact == null;
    }
}
