package cn.huiqi.application.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.application.credit.CreditRecordEntity;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.EnterpriseCreditPeriodV1;
import cn.huiqi.events.payload.EnterpriseProfileChangedV1;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.support.outbox.Outbox;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.problem.UniqueViolation;

/**
 * The enterprise registry: registration, facts with provenance and history, registration fields; every change is
 * announced with {@code enterprise.profile-changed} carrying the whole profile.
 */
@ApplicationScoped
public class EnterpriseService {

    static final String SOURCE = "huiqi/application-service";
    static final String QUALIFICATIONS = "enterprise.qualifications";
    /** Facts named by the policy vocabulary; the only ones projected to eligibility. */
    static final String VOCABULARY = "enterprise.";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Outbox outbox;
    private final ClauseCatalog catalog;
    private final IndustryTags industries;

    public EnterpriseService(Outbox outbox, ClauseCatalog catalog, IndustryTags industries) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.industries = industries;
    }

    @Transactional
    public EnterpriseView register(EnterpriseRegistration request, Provenance provenance) {
        String uscc = UnifiedSocialCreditCode.normalize(request.uscc());
        UnifiedSocialCreditCode.check(uscc).ifPresent(v -> {
            throw new ProblemException(422, "invalid-uscc", "Invalid 统一社会信用代码",
                    "uscc " + request.uscc().trim() + " breaks rule '" + v.rule() + "': " + v.message(),
                    Map.of("rule", v.rule(), "uscc", request.uscc().trim()));
        });
        if (EnterpriseEntity.findById(uscc) != null) {
            throw alreadyRegistered(uscc);
        }
        Map<String, Object> facts = new TreeMap<>(request.facts() == null ? Map.of() : request.facts());
        SizeStage stage = SizeStage.parse(request.sizeStage(), "sizeStage");
        if (stage != null) {
            facts.put(SizeStage.FACT, stage.factValue());
        }
        // The registration fields are facts too: the legal form must be one the policies know.
        Map<String, Object> asFacts = new TreeMap<>(facts);
        asFacts.put("enterprise.legal_form", request.legalForm());
        catalog.checkedProfile(withoutNulls(asFacts));
        List<String> tags = industries.checked(request.industryTags());
        EnterpriseEntity e = new EnterpriseEntity();
        e.uscc = uscc;
        e.name = request.name().trim();
        e.legalForm = request.legalForm();
        e.regionCode = request.regionCode();
        e.registrationDate = request.registrationDate();
        e.facts = facts;
        e.registeredAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.address = request.address() == null ? null : request.address().strip();
        e.industryTags = tags == null ? List.of() : tags;
        e.contact = request.contact() == null ? null : request.contact().toColumn();
        e.profileVersion = 1;
        try {
            e.persistAndFlush();
        } catch (PersistenceException ex) {
            // A concurrent registration of the same code committed first.
            throw UniqueViolation.in(ex) ? alreadyRegistered(uscc) : ex;
        }
        append(uscc, facts, null, provenance, e.registeredAt);
        outbox.publish(Topics.ENTERPRISE, EventEnvelope.of(EventTypes.ENTERPRISE_REGISTERED, SOURCE, uscc,
                new EnterpriseRegisteredV1(uscc, e.name, e.legalForm, e.regionCode, e.registrationDate, facts)));
        return EnterpriseView.of(e, true);
    }

    private static ProblemException alreadyRegistered(String uscc) {
        return new ProblemException(409, "enterprise-exists", "Enterprise already registered",
                "an enterprise with uscc " + uscc + " is already registered", Map.of("uscc", uscc));
    }

    public EnterpriseView get(String uscc, boolean contactInFull) {
        return EnterpriseView.of(find(uscc), contactInFull);
    }

    /** Records new values of facts (validated against the vocabulary first: a refusal stores nothing). */
    @Transactional
    public List<FactView> recordFacts(String uscc, FactsUpdate update, Provenance provenance) {
        EnterpriseEntity e = locked(uscc);
        catalog.checkedProfile(withoutNulls(update.facts()));
        append(e.uscc, update.facts(), update.period(), provenance, OffsetDateTime.now(ZoneOffset.UTC));
        announce(e, "facts");
        return effective(e.uscc);
    }

    /** The effective value of every fact, with its provenance. */
    public List<FactView> facts(String uscc) {
        return effective(find(uscc).uscc);
    }

    /** Every value a fact has had, newest first. */
    public List<FactView> history(String uscc, String name) {
        return EnterpriseFactEntity.<EnterpriseFactEntity>find("uscc = ?1 and name = ?2 order by id desc",
                find(uscc).uscc, name).list().stream().map(FactView::of).toList();
    }

    /** Changes registration fields; the size stage is recorded as the fact enterprise.growth_stage. */
    @Transactional
    public EnterpriseView update(String uscc, EnterpriseUpdate update, Provenance provenance) {
        EnterpriseEntity e = locked(uscc);
        if (update.isEmpty()) {
            throw new ProblemException(400, "validation", "Nothing to change", "the body changes no field",
                    Map.of("violations", List.of(Map.of("field", "body", "message", "must change a field"))));
        }
        if (update.name() != null && update.name().isBlank()) {
            throw new ProblemException(400, "validation", "Invalid field", "name must not be blank",
                    Map.of("violations", List.of(Map.of("field", "name", "message", "must not be blank"))));
        }
        List<String> tags = industries.checked(update.industryTags());
        SizeStage stage = SizeStage.parse(update.sizeStage(), "sizeStage");
        if (update.name() != null) {
            e.name = update.name().strip();
        }
        if (update.address() != null) {
            e.address = update.address().strip();
        }
        if (tags != null) {
            e.industryTags = tags;
        }
        if (update.contact() != null) {
            e.contact = update.contact().toColumn();
        }
        if (stage != null) {
            append(e.uscc, Map.of(SizeStage.FACT, stage.factValue()), null, provenance,
                    OffsetDateTime.now(ZoneOffset.UTC));
        }
        announce(e, "registration");
        return EnterpriseView.of(e, true);
    }

    /**
     * Announces a change of the profile of a (locked) enterprise: recomputes the effective facts, bumps the profile
     * version and publishes {@code enterprise.profile-changed} in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(EnterpriseEntity e, String change) {
        announce(e, change, LocalDate.now(CHINA));
    }

    /**
     * Announces the profile again if a recognition or a 失信 record started or lapsed by {@code today} since the last
     * announcement; the enterprise is locked and checked, so concurrent sweeps announce it once.
     *
     * @return whether it was announced
     */
    @Transactional
    public boolean announceIfDue(String uscc, LocalDate today) {
        EnterpriseEntity e = locked(uscc);
        if (e.profileChangesOn == null || e.profileChangesOn.isAfter(today)) {
            return false;
        }
        announce(e, "validity", today);
        return true;
    }

    private void announce(EnterpriseEntity e, String change, LocalDate today) {
        // Only vocabulary facts are projected; registry facts (financials ...) are kept and shown here.
        Map<String, Object> facts = new TreeMap<>();
        effective(e.uscc).stream().filter(f -> f.name().startsWith(VOCABULARY))
                .forEach(f -> facts.put(f.name(), f.value()));
        // Recognitions valid today feed enterprise.qualifications, beside the values given for it directly.
        List<Qualification.View> recognitions = qualifications(e.uscc, today).stream()
                .filter(q -> q.vocabularyValue() != null).toList();
        SortedSet<String> held = new TreeSet<>();
        recognitions.stream().filter(Qualification.View::validToday).forEach(q -> held.add(q.vocabularyValue()));
        if (!held.isEmpty()) {
            if (facts.get(QUALIFICATIONS) instanceof Collection<?> given) {
                given.forEach(v -> held.add(String.valueOf(v)));
            }
            facts.put(QUALIFICATIONS, List.copyOf(held));
        }
        e.facts = facts;
        e.profileVersion++;
        List<CreditRecordEntity> credit = CreditRecordEntity.<CreditRecordEntity>find("uscc = ?1 order by listedOn",
                e.uscc).list();
        List<EnterpriseCreditPeriodV1> periods = credit.stream().map(c -> new EnterpriseCreditPeriodV1(c.listName,
                c.authority, c.listedOn, c.lastDay())).toList();
        boolean blocked = credit.stream().anyMatch(c -> c.blocksOn(today));
        e.profileChangesOn = nextChange(today, Stream.concat(
                recognitions.stream().map(q -> new LocalDate[]{q.validFrom(), q.validUntil()}),
                credit.stream().map(c -> new LocalDate[]{c.listedOn, c.lastDay()})));
        EnterpriseView view = EnterpriseView.of(e, false);
        outbox.publish(Topics.ENTERPRISE, EventEnvelope.of(EventTypes.ENTERPRISE_PROFILE_CHANGED, SOURCE, e.uscc,
                new EnterpriseProfileChangedV1(e.uscc, e.profileVersion, e.name, e.legalForm, e.regionCode,
                        e.registrationDate, e.address, view.industryTags(),
                        view.sizeStage() == null ? null : view.sizeStage().name(), facts, blocked, periods, change,
                        OffsetDateTime.now(CHINA))));
    }

    /**
     * The first day after {@code today} on which one of the periods (first day, last day or null when open) starts or
     * has ended; null when none does.
     */
    static LocalDate nextChange(LocalDate today, Stream<LocalDate[]> periods) {
        return periods.flatMap(p -> Stream.of(p[0], p[1] == null ? null : p[1].plusDays(1)))
                .filter(d -> d != null && d.isAfter(today))
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The enterprise, locked for this transaction so its changes (and profile versions) follow one another. */
    public EnterpriseEntity locked(String uscc) {
        EnterpriseEntity e = EnterpriseEntity.findById(UnifiedSocialCreditCode.normalize(uscc),
                LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("enterprise", uscc);
        }
        return e;
    }

    private static EnterpriseEntity find(String uscc) {
        EnterpriseEntity e = EnterpriseEntity.findById(UnifiedSocialCreditCode.normalize(uscc));
        if (e == null) {
            throw ProblemException.notFound("enterprise", uscc);
        }
        return e;
    }

    /** The facts, sorted; 422 {@code invalid-fact} naming every fact sent without a value. */
    private static Map<String, Object> withoutNulls(Map<String, Object> facts) {
        List<Map<String, String>> missing = facts.entrySet().stream().filter(f -> f.getValue() == null)
                .map(f -> Map.of("fact", f.getKey(), "message", "must have a value")).toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "invalid-fact", "Invalid profile fact", missing.stream()
                    .map(m -> m.get("fact") + ": must have a value").reduce((a, b) -> a + "; " + b).orElseThrow(),
                    Map.of("violations", missing));
        }
        return new TreeMap<>(facts);
    }

    private static void append(String uscc, Map<String, Object> facts, String period, Provenance provenance,
            OffsetDateTime at) {
        for (Map.Entry<String, Object> fact : new TreeMap<>(facts).entrySet()) {
            EnterpriseFactEntity f = new EnterpriseFactEntity();
            f.uscc = uscc;
            f.name = fact.getKey();
            f.value = fact.getValue();
            f.source = provenance.source();
            f.recordedBy = provenance.recordedBy();
            f.recordedAt = at;
            f.period = period;
            f.persist();
        }
    }

    /**
     * Per fact: the latest value pushed by a system if there is one, else the latest declared one. A vocabulary fact
     * ({@code enterprise.*}) has one effective value whatever period it was given for; a registry fact (e.g. the
     * financials) has one per period.
     */
    private static List<FactView> effective(String uscc) {
        Map<String, EnterpriseFactEntity> system = new LinkedHashMap<>();
        Map<String, EnterpriseFactEntity> declared = new LinkedHashMap<>();
        for (EnterpriseFactEntity f : EnterpriseFactEntity.<EnterpriseFactEntity>list("uscc = ?1 order by name, id",
                uscc)) {
            String key = f.name.startsWith(VOCABULARY) ? f.name : f.name + "|" + (f.period == null ? "" : f.period);
            (EnterpriseFactEntity.SYSTEM.equals(f.source) ? system : declared).put(key, f);
        }
        Map<String, EnterpriseFactEntity> result = new TreeMap<>(declared);
        result.putAll(system);
        return new ArrayList<>(result.values().stream().map(FactView::of).toList());
    }

    /** Records an enterprise's financials for a year or quarter, as registry facts with provenance. */
    @Transactional
    public Financials.View recordFinancials(String uscc, String period, Financials.Request request,
            Provenance provenance) {
        if (period == null || !period.matches(FactsUpdate.PERIOD)) {
            throw new ProblemException(400, "validation", "Invalid period", "period " + period
                    + " must be a year (2025) or a quarter (2025Q3)",
                    Map.of("violations", List.of(Map.of("field", "period", "message",
                            "must be a year (2025) or a quarter (2025Q3)"))));
        }
        Map<String, Object> facts = request.asFacts();
        if (facts.isEmpty()) {
            throw new ProblemException(400, "validation", "Nothing to record", "the body has no figure",
                    Map.of("violations", List.of(Map.of("field", "body", "message",
                            "must give revenue, rdExpense, employees or taxPaid"))));
        }
        EnterpriseEntity e = locked(uscc);
        append(e.uscc, facts, period, provenance, OffsetDateTime.now(ZoneOffset.UTC));
        announce(e, "financials");
        return financials(e.uscc).stream().filter(f -> f.period().equals(period)).findFirst().orElseThrow();
    }

    /** The financials of every period given, the latest period first. */
    public List<Financials.View> financials(String uscc) {
        Map<String, Map<String, FactView>> byPeriod = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (FactView f : effective(find(uscc).uscc)) {
            if (f.name().startsWith(Financials.PREFIX) && f.period() != null) {
                byPeriod.computeIfAbsent(f.period(), k -> new LinkedHashMap<>()).put(f.name(), f);
            }
        }
        List<Financials.View> views = new ArrayList<>();
        byPeriod.forEach((period, figures) -> {
            Map<String, Financials.Provenance> sources = new LinkedHashMap<>();
            Map<String, String> fields = Map.of(Financials.REVENUE, "revenue", Financials.RD_EXPENSE, "rdExpense",
                    Financials.EMPLOYEES, "employees", Financials.TAX_PAID, "taxPaid");
            figures.forEach((name, f) -> sources.put(fields.get(name), new Financials.Provenance(f.source(),
                    f.recordedBy(), f.recordedAt())));
            views.add(new Financials.View(period, Financials.money(value(figures, Financials.REVENUE)),
                    Financials.money(value(figures, Financials.RD_EXPENSE)),
                    value(figures, Financials.EMPLOYEES) == null
                            ? null
                            : ((Number) value(figures, Financials.EMPLOYEES)).intValue(),
                    Financials.money(value(figures, Financials.TAX_PAID)), sources));
        });
        return views;
    }

    /** Records a recognition; a later one of the same kind replaces it (e.g. 高新 re-recognized). */
    @Transactional
    public Qualification.View recordQualification(String uscc, Qualification.Request request,
            Provenance provenance) {
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            throw new ProblemException(422, "validation", "Invalid period", "validUntil is before validFrom",
                    Map.of("violations", List.of(Map.of("field", "validUntil", "message",
                            "must not be before validFrom"))));
        }
        Qualification.Kind kind = Qualification.Kind.parse(request.kind());
        EnterpriseEntity e = locked(uscc);
        append(e.uscc, Map.of(Qualification.PREFIX + kind.name(), request.asValue(kind)), null, provenance,
                OffsetDateTime.now(ZoneOffset.UTC));
        announce(e, "qualifications");
        return qualifications(e.uscc).stream().filter(q -> q.kind() == kind).findFirst().orElseThrow();
    }

    /** The recognitions held, one per kind (the effective record), with whether each is valid today. */
    public List<Qualification.View> qualifications(String uscc) {
        return qualifications(uscc, LocalDate.now(CHINA));
    }

    private List<Qualification.View> qualifications(String uscc, LocalDate today) {
        return effective(find(uscc).uscc).stream().filter(f -> f.name().startsWith(Qualification.PREFIX))
                .map(f -> Qualification.View.of(f, today)).toList();
    }

    /** Records support received from another programme (each record its own registry fact). */
    @Transactional
    public AwardReceived.View recordAwardReceived(String uscc, AwardReceived.Request request,
            Provenance provenance) {
        Map<String, Object> value = request.asValue();
        EnterpriseEntity e = locked(uscc);
        String name = AwardReceived.PREFIX + java.util.UUID.randomUUID();
        append(e.uscc, Map.of(name, value), String.valueOf(request.year()), provenance,
                OffsetDateTime.now(ZoneOffset.UTC));
        announce(e, "awards-received");
        return awardsReceived(e.uscc).stream().filter(a -> name.endsWith(a.id().toString())).findFirst()
                .orElseThrow();
    }

    /** Support received from other programmes, the latest year first. */
    public List<AwardReceived.View> awardsReceived(String uscc) {
        return effective(find(uscc).uscc).stream().filter(f -> f.name().startsWith(AwardReceived.PREFIX))
                .map(AwardReceived.View::of)
                .sorted(java.util.Comparator.comparing(AwardReceived.View::year).reversed()
                        .thenComparing(AwardReceived.View::recordedAt))
                .toList();
    }

    private static Object value(Map<String, FactView> figures, String name) {
        FactView f = figures.get(name);
        return f == null ? null : f.value();
    }
}
