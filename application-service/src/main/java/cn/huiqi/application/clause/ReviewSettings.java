package cn.huiqi.application.clause;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.support.problem.ProblemException;

/** A clause's review settings as the API takes and shows them. */
public final class ReviewSettings {

    private ReviewSettings() {
    }

    @Schema(name = "ReviewSettingsRequest")
    public record Request(
            @Schema(description = "公示 length in working days, 1 to 30", example = "7") @NotNull @Min(1) @Max(30) Integer publicNoticeWorkingDays,
            @Schema(description = "专家评审: REQUIRED, OPTIONAL (the official decides) or NOT_USED", enumeration = {
                    "REQUIRED", "OPTIONAL", "NOT_USED"}, example = "REQUIRED") @NotNull String expertReview){

        /** The expert-review setting named, or a 400 listing the values there are. */
        ExpertReview parsedExpertReview() {
            try {
                return ExpertReview.valueOf(expertReview.strip());
            } catch (IllegalArgumentException e) {
                String message = "one of " + Arrays.toString(ExpertReview.values()) + ", not " + expertReview;
                throw new ProblemException(400, "validation", "Unknown expert-review setting",
                        "expertReview: " + message,
                        Map.of("violations", List.of(Map.of("field", "expertReview", "message", message))));
            }
        }
    }

    @Schema(name = "ReviewSettings")
    public record View(@Schema(example = "ccxq-2023-11.12") String clauseId,
            @Schema(description = "公示 length in working days", example = "5") int publicNoticeWorkingDays,
            @Schema(description = "专家评审", example = "OPTIONAL") ExpertReview expertReview,
            @Schema(description = "Whether an official set them (false: the defaults)") boolean set,
            @Schema(description = "The official who set them; absent for the defaults") String setBy,
            OffsetDateTime setAt) {

        static View of(ReviewSettingsEntity e) {
            return new View(e.clauseId, e.publicNoticeWorkingDays, e.expertReview, true, e.setBy, e.setAt);
        }
    }
}
