package cn.huiqi.application.clause;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;

/**
 * Per-clause review settings: set by officials of the clause's department, used when an official starts the 公示 or
 * sends an application to the experts. A clause without settings has the configured notice length and OPTIONAL.
 */
@ApplicationScoped
public class ClauseReviewSettings {

    private final ClauseCatalog catalog;
    private final int defaultNoticeWorkingDays;

    public ClauseReviewSettings(ClauseCatalog catalog,
            @ConfigProperty(name = "huiqi.public-notice.working-days", defaultValue = "5") int defaultNoticeWorkingDays) {
        this.catalog = catalog;
        this.defaultNoticeWorkingDays = defaultNoticeWorkingDays;
    }

    @Transactional
    public ReviewSettings.View set(String clauseId, ReviewSettings.Request request, Caller caller) {
        String department = catalog.department(clauseId).orElseThrow(() -> ProblemException.notFound("clause",
                clauseId));
        caller.mustCoverDepartment(department);
        ExpertReview expertReview = request.parsedExpertReview();
        ReviewSettingsEntity e = ReviewSettingsEntity.findById(clauseId);
        if (e == null) {
            e = new ReviewSettingsEntity();
            e.clauseId = clauseId;
        }
        e.publicNoticeWorkingDays = request.publicNoticeWorkingDays();
        e.expertReview = expertReview;
        e.setBy = caller.subject();
        e.setAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.persist();
        return ReviewSettings.View.of(e);
    }

    /** The clause's settings, or the defaults; 404 for an unknown clause. */
    public ReviewSettings.View of(String clauseId) {
        if (catalog.department(clauseId).isEmpty()) {
            throw ProblemException.notFound("clause", clauseId);
        }
        return current(clauseId);
    }

    /** The settings in force for a clause (the defaults when none were set). */
    public ReviewSettings.View current(String clauseId) {
        ReviewSettingsEntity e = ReviewSettingsEntity.findById(clauseId);
        return e != null
                ? ReviewSettings.View.of(e)
                : new ReviewSettings.View(clauseId, defaultNoticeWorkingDays, ExpertReview.OPTIONAL, false, null, null);
    }
}
