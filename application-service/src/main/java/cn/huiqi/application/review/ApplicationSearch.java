package cn.huiqi.application.review;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;

import cn.huiqi.application.apply.ApplicationEntity;
import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.application.enterprise.EnterpriseEntity;
import cn.huiqi.application.lifecycle.State;
import cn.huiqi.support.problem.ProblemException;

/** Officials' lists of applications: filtered, newest first, paginated; and the finance bureau's CSV. */
@ApplicationScoped
public class ApplicationSearch {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ClauseCatalog catalog;

    public ApplicationSearch(ClauseCatalog catalog) {
        this.catalog = catalog;
    }

    public List<ApplicationEntity> find(ApplicationQuery q, int offset, int limit) {
        if (q.minAmount != null && q.maxAmount != null && q.minAmount.compareTo(q.maxAmount) > 0
                || q.submittedFrom != null && q.submittedTo != null && q.submittedFrom.isAfter(q.submittedTo)) {
            throw new ProblemException(400, "validation", "Empty range", "a range's lower end is above its upper end",
                    Map.of("violations", List.of(Map.of("field", "minAmount/maxAmount or submittedFrom/submittedTo",
                            "message", "lower end above upper end"))));
        }
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        // Drafts (and drafts withdrawn) are the enterprise's alone.
        where.add("submittedAt is not null");
        if (q.clauseId != null && !q.clauseId.isBlank()) {
            where.add("clauseId = :clauseId");
            p.and("clauseId", q.clauseId.strip());
        }
        if (q.state != null && !q.state.isBlank()) {
            where.add("status = :state");
            p.and("state", state(q.state));
        }
        if (q.department != null && !q.department.isBlank()) {
            List<String> clauses = catalog.clausesOf(q.department.strip());
            if (clauses.isEmpty()) {
                return List.of();
            }
            where.add("clauseId in :clauses");
            p.and("clauses", clauses);
        }
        if (q.submittedFrom != null) {
            where.add("submittedAt >= :from");
            p.and("from", q.submittedFrom.atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (q.submittedTo != null) {
            where.add("submittedAt < :to");
            p.and("to", q.submittedTo.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (q.minAmount != null) {
            where.add("amount >= :min");
            p.and("min", q.minAmount);
        }
        if (q.maxAmount != null) {
            where.add("amount <= :max");
            p.and("max", q.maxAmount);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by submittedAt desc, id";
        return ApplicationEntity.<ApplicationEntity>find(query, p).range(offset, offset + limit - 1).list();
    }

    private static State state(String name) {
        try {
            return State.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "validation", "Unknown state", "no state " + name + "; the states are "
                    + Arrays.toString(State.values()),
                    Map.of("violations", List.of(Map.of("field", "state",
                            "message", "unknown state " + name))));
        }
    }

    /** The CSV the finance bureau imports: one line per application, UTF-8, RFC 4180 quoting. */
    public String csv(List<ApplicationEntity> applications) {
        StringBuilder out = new StringBuilder("application_id,uscc,enterprise_name,clause_id,department,year,status,"
                + "proposed_amount,approved_amount,disbursed_amount,clawback_amount,notice_ends_on,submitted_at\r\n");
        for (ApplicationEntity a : applications) {
            EnterpriseEntity e = EnterpriseEntity.findById(a.uscc);
            out.append(String.join(",", cell(a.id), cell(a.uscc), cell(e == null ? null : e.name), cell(a.clauseId),
                    cell(catalog.department(a.clauseId).orElse(null)), cell(a.year), cell(a.status),
                    cell(a.amount == null ? null : a.amount.toPlainString()),
                    cell(a.approvedAmount == null ? null : a.approvedAmount.toPlainString()),
                    cell(a.disbursedAmount == null ? null : a.disbursedAmount.toPlainString()),
                    cell(a.clawbackAmount == null ? null : a.clawbackAmount.toPlainString()), cell(a.noticeEndsOn),
                    cell(a.submittedAt))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // Quote what CSV needs quoted; a leading = + - @ would be a formula in a spreadsheet, so it is prefixed.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
