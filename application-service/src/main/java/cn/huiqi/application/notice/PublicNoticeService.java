package cn.huiqi.application.notice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.huiqi.application.apply.ApplicationEntity;
import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.application.enterprise.EnterpriseEntity;
import cn.huiqi.application.lifecycle.Action;
import cn.huiqi.application.lifecycle.Actor;
import cn.huiqi.application.lifecycle.State;
import cn.huiqi.application.review.Transitions;
import cn.huiqi.support.problem.ProblemException;

/** 公示: the public list of applications under notice, and objections (异议) raised against them. */
@ApplicationScoped
public class PublicNoticeService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final List<State> UNDER_NOTICE = List.of(State.PUBLIC_NOTICE, State.OBJECTION_RAISED);

    private final Transitions transitions;
    private final ClauseCatalog catalog;

    public PublicNoticeService(Transitions transitions, ClauseCatalog catalog) {
        this.transitions = transitions;
        this.catalog = catalog;
    }

    /** Applications under notice, the notices ending first listed first. */
    public List<PublicNotice> list(String clauseId, int offset, int limit) {
        String query = "status in ?1" + (clauseId == null ? "" : " and clauseId = ?2")
                + " order by noticeEndsOn, submittedAt, id";
        var found = clauseId == null
                ? ApplicationEntity.<ApplicationEntity>find(query, UNDER_NOTICE)
                : ApplicationEntity.<ApplicationEntity>find(query, UNDER_NOTICE, clauseId);
        return found.range(offset, offset + limit - 1).list().stream().map(a -> {
            EnterpriseEntity e = EnterpriseEntity.findById(a.uscc);
            return new PublicNotice(a.id, e == null ? null : e.name, a.uscc, a.clauseId, a.year,
                    catalog.department(a.clauseId).orElse(null), a.amount, a.noticeEndsOn,
                    a.status == State.OBJECTION_RAISED);
        }).toList();
    }

    /**
     * Records an objection. The first one during the notice holds the application (RAISE_OBJECTION); later ones join
     * it. An application that is not under notice is not found, whatever its state: the public sees only notices.
     */
    @Transactional
    public Objection object(UUID applicationId, ObjectionRequest request) {
        ApplicationEntity a = ApplicationEntity.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !UNDER_NOTICE.contains(a.status)) {
            throw new ProblemException(404, "not-found", "public notice not found",
                    "no public notice for application " + applicationId, Map.of("id", applicationId.toString()));
        }
        if (a.noticeEndsOn != null && LocalDate.now(CHINA).isAfter(a.noticeEndsOn)) {
            throw new ProblemException(409, "public-notice-over", "The public notice is over",
                    "公示期已于 " + a.noticeEndsOn + " 结束，不再受理异议 / the notice ended on " + a.noticeEndsOn,
                    Map.of("noticeEndsOn", a.noticeEndsOn.toString()));
        }
        ObjectionEntity o = new ObjectionEntity();
        o.id = UUID.randomUUID();
        o.applicationId = a.id;
        o.name = request.name().strip();
        o.contact = request.contact().strip();
        o.reason = request.reason().strip();
        o.raisedAt = OffsetDateTime.now(ZoneOffset.UTC);
        o.persist();
        if (a.status == State.PUBLIC_NOTICE) {
            transitions.take(a, Action.RAISE_OBJECTION, Actor.PUBLIC,
                    new Transitions.Details(null, o.reason, null, null));
        }
        return new Objection(o.id, a.id, o.raisedAt, a.status.name());
    }
}
