package cn.huiqi.application.credit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.huiqi.application.enterprise.EnterpriseEntity;
import cn.huiqi.application.enterprise.EnterpriseService;
import cn.huiqi.application.enterprise.UnifiedSocialCreditCode;
import cn.huiqi.support.problem.ProblemException;

/** 失信 records: recorded by government systems, and the check that blocks an application. */
@ApplicationScoped
public class CreditService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EnterpriseService enterprises;

    public CreditService(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    @Transactional
    public CreditRecord.View record(String uscc, CreditRecord.Request request, String recordedBy) {
        EnterpriseEntity enterprise = enterprises.locked(uscc);
        String code = enterprise.uscc;
        if (request.listedUntil() != null && request.listedUntil().isBefore(request.listedOn())) {
            throw new ProblemException(422, "validation", "Invalid period", "listedUntil is before listedOn",
                    Map.of("violations", List.of(Map.of("field", "listedUntil", "message",
                            "must not be before listedOn"))));
        }
        CreditRecordEntity e = new CreditRecordEntity();
        e.id = UUID.randomUUID();
        e.uscc = code;
        e.listName = request.listName().strip();
        e.authority = request.authority().strip();
        e.reference = request.reference();
        e.listedOn = request.listedOn();
        e.listedUntil = request.listedUntil();
        e.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.recordedBy = recordedBy;
        e.persist();
        enterprises.announce(enterprise, "credit");
        return CreditRecord.View.of(e, LocalDate.now(CHINA));
    }

    /** Ends a record early (once); the enterprise's profile change says whether it is still blocked. */
    @Transactional
    public CreditRecord.View end(String uscc, UUID id, CreditRecord.End request, String endedBy) {
        EnterpriseEntity enterprise = enterprises.locked(uscc);
        CreditRecordEntity e = CreditRecordEntity.findById(id);
        if (e == null || !e.uscc.equals(enterprise.uscc)) {
            throw ProblemException.notFound("credit record", id.toString());
        }
        if (e.endedOn != null) {
            throw new ProblemException(409, "credit-record-ended", "Credit record already ended",
                    "the record " + id + " ended on " + e.endedOn, Map.of("endedOn", e.endedOn.toString()));
        }
        if (request.endedOn().isBefore(e.listedOn)) {
            throw new ProblemException(422, "validation", "Invalid period", "endedOn is before listedOn",
                    Map.of("violations", List.of(Map.of("field", "endedOn", "message",
                            "must not be before listedOn " + e.listedOn))));
        }
        e.endedOn = request.endedOn();
        e.endedBy = endedBy;
        e.endedAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.endReason = request.reason().strip();
        enterprises.announce(enterprise, "credit");
        return CreditRecord.View.of(e, LocalDate.now(CHINA));
    }

    public List<CreditRecord.View> of(String uscc) {
        LocalDate today = LocalDate.now(CHINA);
        return CreditRecordEntity.<CreditRecordEntity>find("uscc = ?1 order by listedOn desc",
                UnifiedSocialCreditCode.normalize(uscc)).list().stream().map(e -> CreditRecord.View.of(e, today))
                .toList();
    }

    /** 422 {@code credit-blocked} naming the list, the authority and the period, when a record blocks today. */
    public void mustNotBeBlocked(String uscc) {
        LocalDate today = LocalDate.now(CHINA);
        CreditRecordEntity.<CreditRecordEntity>find("uscc = ?1 order by listedOn desc", uscc).list().stream()
                .filter(e -> e.blocksOn(today)).findFirst().ifPresent(e -> {
                    Map<String, Object> ext = new LinkedHashMap<>();
                    ext.put("uscc", uscc);
                    ext.put("listName", e.listName);
                    ext.put("authority", e.authority);
                    ext.put("listedOn", e.listedOn.toString());
                    if (e.lastDay() != null) {
                        ext.put("listedUntil", e.lastDay().toString());
                    }
                    throw new ProblemException(422, "credit-blocked", "Listed as dishonest (失信)",
                            "企业被列入「" + e.listName + "」（" + e.authority + "，自 " + e.listedOn
                                    + (e.lastDay() == null ? "" : " 至 " + e.lastDay()) + "），不得申报 / "
                                    + uscc + " is on a list of dishonest entities and may not apply",
                            ext);
                });
    }
}
