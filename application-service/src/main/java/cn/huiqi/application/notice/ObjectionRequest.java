package cn.huiqi.application.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 异议: anyone may object during a public notice, with a name and a way to be reached. */
@Schema(name = "ObjectionRequest")
public record ObjectionRequest(
        @Schema(description = "Who objects (kept for officials, never shown publicly)", example = "王某") @NotBlank @Size(max = 100) String name,
        @Schema(description = "Phone or e-mail (kept for officials, never shown publicly)", example = "13800000000") @NotBlank @Size(max = 200) String contact,
        @Schema(description = "What is wrong", example = "该企业申报的博士人数与实际不符") @NotBlank @Size(max = 2000) String reason) {
}
