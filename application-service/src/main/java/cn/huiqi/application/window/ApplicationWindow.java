package cn.huiqi.application.window;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 申报期 as the API takes and shows it. */
public final class ApplicationWindow {

    private ApplicationWindow() {
    }

    @Schema(name = "ApplicationWindowRequest")
    public record Request(@Schema(example = "2026-03-01") @NotNull LocalDate opensOn,
            @Schema(example = "2026-03-31") @NotNull LocalDate closesOn) {
    }

    @Schema(name = "ApplicationWindow")
    public record View(String clauseId, int year, LocalDate opensOn, LocalDate closesOn, String setBy,
            OffsetDateTime setAt) {

        static View of(ApplicationWindowEntity e) {
            return new View(e.clauseId, e.year, e.opensOn, e.closesOn, e.setBy, e.setAt);
        }
    }
}
