package cn.huiqi.application.enterprise;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.support.outbox.Outbox;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.problem.UniqueViolation;

/** Registers enterprises and announces them with {@code enterprise.registered}. */
@ApplicationScoped
public class EnterpriseService {

    static final String SOURCE = "huiqi/application-service";

    private final Outbox outbox;
    private final ClauseCatalog catalog;

    public EnterpriseService(Outbox outbox, ClauseCatalog catalog) {
        this.outbox = outbox;
        this.catalog = catalog;
    }

    @Transactional
    public EnterpriseView register(EnterpriseRegistration request) {
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
        // The registration fields are facts too: the legal form must be one the policies know.
        Map<String, Object> asFacts = new TreeMap<>(facts);
        asFacts.put("enterprise.legal_form", request.legalForm());
        catalog.checkedProfile(asFacts);
        EnterpriseEntity e = new EnterpriseEntity();
        e.uscc = uscc;
        e.name = request.name().trim();
        e.legalForm = request.legalForm();
        e.regionCode = request.regionCode();
        e.registrationDate = request.registrationDate();
        e.facts = facts;
        e.registeredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            e.persistAndFlush();
        } catch (PersistenceException ex) {
            // A concurrent registration of the same code committed first.
            throw UniqueViolation.in(ex) ? alreadyRegistered(uscc) : ex;
        }
        outbox.publish(Topics.ENTERPRISE, EventEnvelope.of(EventTypes.ENTERPRISE_REGISTERED, SOURCE, uscc,
                new EnterpriseRegisteredV1(uscc, e.name, e.legalForm, e.regionCode, e.registrationDate, facts)));
        return EnterpriseView.of(e);
    }

    private static ProblemException alreadyRegistered(String uscc) {
        return new ProblemException(409, "enterprise-exists", "Enterprise already registered",
                "an enterprise with uscc " + uscc + " is already registered", Map.of("uscc", uscc));
    }

    public EnterpriseView get(String uscc) {
        EnterpriseEntity e = EnterpriseEntity.findById(UnifiedSocialCreditCode.normalize(uscc));
        if (e == null) {
            throw ProblemException.notFound("enterprise", uscc);
        }
        return EnterpriseView.of(e);
    }
}
