package cn.huiqi.application.window;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;

/** 申报期 per clause and year: set by officials of the clause's department, checked on submission. */
@ApplicationScoped
public class ApplicationWindows {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ClauseCatalog catalog;

    public ApplicationWindows(ClauseCatalog catalog) {
        this.catalog = catalog;
    }

    @Transactional
    public ApplicationWindow.View set(String clauseId, int year, ApplicationWindow.Request request, Caller caller) {
        String department = catalog.department(clauseId).orElseThrow(() -> ProblemException.notFound("clause",
                clauseId));
        caller.mustCoverDepartment(department);
        if (year < 2000 || year > 2100 || request.closesOn().isBefore(request.opensOn())) {
            throw new ProblemException(400, "validation", "Invalid window",
                    "a window is a year from 2000 to 2100 and closesOn not before opensOn",
                    Map.of("violations", List.of(Map.of("field", "closesOn", "message", "not before opensOn"))));
        }
        ApplicationWindowEntity w = ApplicationWindowEntity.findById(new ApplicationWindowEntity.Key(clauseId, year));
        if (w == null) {
            w = new ApplicationWindowEntity();
            w.clauseId = clauseId;
            w.year = year;
        }
        w.opensOn = request.opensOn();
        w.closesOn = request.closesOn();
        w.setBy = caller.subject();
        w.setAt = OffsetDateTime.now(ZoneOffset.UTC);
        w.persist();
        return ApplicationWindow.View.of(w);
    }

    public List<ApplicationWindow.View> of(String clauseId) {
        if (catalog.department(clauseId).isEmpty()) {
            throw ProblemException.notFound("clause", clauseId);
        }
        return ApplicationWindowEntity.<ApplicationWindowEntity>find("clauseId = ?1 order by year desc", clauseId)
                .list().stream().map(ApplicationWindow.View::of).toList();
    }

    /** 422 {@code outside-application-window} when the clause has a window for the year and today is outside it. */
    public void mustBeOpen(String clauseId, int year) {
        ApplicationWindowEntity w = ApplicationWindowEntity.findById(new ApplicationWindowEntity.Key(clauseId, year));
        LocalDate today = LocalDate.now(CHINA);
        if (w != null && (today.isBefore(w.opensOn) || today.isAfter(w.closesOn))) {
            throw new ProblemException(422, "outside-application-window", "Outside the application window",
                    clauseId + " 的 " + year + " 年度申报期为 " + w.opensOn + " 至 " + w.closesOn
                            + "，未在规定时间内提交视为自动放弃 / applications for " + year + " are taken from "
                            + w.opensOn + " to " + w.closesOn,
                    Map.of("clauseId", clauseId, "year", year, "opensOn", w.opensOn.toString(), "closesOn",
                            w.closesOn.toString()));
        }
    }
}
