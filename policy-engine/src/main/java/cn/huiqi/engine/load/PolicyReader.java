package cn.huiqi.engine.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.huiqi.engine.eval.ReasonKind;
import cn.huiqi.engine.model.AllOf;
import cn.huiqi.engine.model.AnyOf;
import cn.huiqi.engine.model.ApplicantType;
import cn.huiqi.engine.model.Award;
import cn.huiqi.engine.model.AwardFormula;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.BoundWording;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.CapScope;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Comparison;
import cn.huiqi.engine.model.Condition;
import cn.huiqi.engine.model.DeliveryMode;
import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.FactOperand;
import cn.huiqi.engine.model.FactType;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.engine.model.FixedAmount;
import cn.huiqi.engine.model.Max;
import cn.huiqi.engine.model.Min;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.Not;
import cn.huiqi.engine.model.Operand;
import cn.huiqi.engine.model.Operator;
import cn.huiqi.engine.model.PerUnit;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.engine.model.RateOfBase;
import cn.huiqi.engine.model.Region;
import cn.huiqi.engine.model.Rounding;
import cn.huiqi.engine.model.Stacking;
import cn.huiqi.engine.model.Sum;
import cn.huiqi.engine.model.SumOfFacts;
import cn.huiqi.engine.model.Validity;
import cn.huiqi.engine.model.Vocabulary;
import cn.huiqi.engine.model.WorkedExample;

/** Reads one policy file into a {@link Policy}, reporting every problem to the cursor's error list. */
final class PolicyReader {

    static final Pattern POLICY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern CLAUSE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[0-9a-z.-]+");

    private static final String[] FORMULA_KINDS = {"fixed", "rate_of_base", "per_unit", "sum", "min", "max"};

    private final Vocabulary vocabulary;
    /** Facts the vocabulary declares but could not define; references to them are not reported again. */
    private final Set<String> brokenFacts;
    /** Caps read so far, for the pack-wide checks (unique ids, covered clauses). */
    private final List<PendingCap> caps;

    /** A cap with where it was declared. */
    record PendingCap(Cap cap, Cursor at) {
    }

    PolicyReader(Vocabulary vocabulary, Set<String> brokenFacts, List<PendingCap> caps) {
        this.vocabulary = vocabulary;
        this.brokenFacts = brokenFacts;
        this.caps = caps;
    }

    /** An id as declared (even in a clause or cap that failed), for the pack-wide duplicate checks. */
    record DeclaredId(String id, Cursor at) {
    }

    final List<DeclaredId> clauseIds = new ArrayList<>();
    final List<DeclaredId> capIds = new ArrayList<>();

    Policy read(Cursor root, String expectedId) {
        if (!root.object("id", "title", "issuer", "document_number", "region", "status", "delivery",
                "applicant_types", "effective", "stacking", "sources", "clauses")) {
            return null;
        }
        String id = root.field("id").text();
        if (id != null && !POLICY_ID.matcher(id).matches()) {
            root.field("id").error("a policy id is lower-case words joined by '-', got '" + id + "'");
        } else if (id != null && !id.equals(expectedId)) {
            root.field("id").error("the policy id must equal the file name without .yaml ('" + expectedId + "')");
        }
        Bilingual title = root.field("title").bilingual();
        Bilingual issuer = root.field("issuer").bilingual();
        String documentNumber = root.field("document_number").text();
        Region region = region(root.field("region"));
        PolicyStatus status = enumCode(root.field("status"), PolicyStatus.values(), PolicyStatus::code);
        DeliveryMode delivery = enumCode(root.field("delivery"), DeliveryMode.values(), DeliveryMode::code);
        List<ApplicantType> applicants = new ArrayList<>();
        for (Cursor c : root.field("applicant_types").list(true)) {
            ApplicantType t = enumCode(c, ApplicantType.values(), ApplicantType::code);
            if (t != null) {
                applicants.add(t);
            }
        }
        Validity validity = validity(root.field("effective"), status);
        Optional<Stacking> stacking = Optional.empty();
        Cursor st = root.field("stacking");
        if (st.present() && st.object("source")) {
            String s = st.field("source").text();
            stacking = s == null ? Optional.empty() : Optional.of(new Stacking(s));
        }
        List<String> sources = new ArrayList<>();
        for (Cursor c : root.field("sources").optionalList()) {
            String s = c.text();
            if (s != null) {
                sources.add(s);
            }
        }
        List<Clause> clauses = new ArrayList<>();
        for (Cursor c : root.field("clauses").list(true)) {
            Clause clause = clause(c, id, delivery, validity);
            if (clause != null) {
                clauses.add(clause);
            }
        }
        if (id == null || title == null || issuer == null || documentNumber == null || region == null
                || status == null || delivery == null || validity == null) {
            return null;
        }
        return new Policy(id, title, issuer, documentNumber, region, validity, delivery, applicants, stacking,
                sources, clauses);
    }

    private static Region region(Cursor c) {
        if (!c.object("code", "zh", "en")) {
            return null;
        }
        String code = c.field("code").text();
        String zh = c.field("zh").text();
        String en = c.field("en").text();
        return code == null || zh == null || en == null ? null : new Region(code, new Bilingual(zh, en));
    }

    private static Validity validity(Cursor c, PolicyStatus status) {
        if (!c.object("published", "from", "until", "source")) {
            return null;
        }
        Optional<LocalDate> published = dateOr(c.field("published"), "unknown");
        OptionalInt days = OptionalInt.empty();
        Optional<LocalDate> from = Optional.empty();
        Cursor f = c.field("from");
        if (f.present() && f.node().isObject()) {
            if (f.object("days_after_publication")) {
                Integer n = f.field("days_after_publication").integer();
                if (n != null && n < 0) {
                    f.field("days_after_publication").error("must not be negative");
                } else if (n != null) {
                    days = OptionalInt.of(n);
                    if (published != null && published.isPresent()) {
                        from = Optional.of(published.get().plusDays(n));
                    }
                }
            }
        } else {
            Optional<LocalDate> d = dateOr(f, "unknown");
            from = d == null ? Optional.empty() : d;
        }
        Optional<LocalDate> until = dateOr(c.field("until"), "none");
        String source = c.field("source").text();
        if (published != null && published.isPresent() && from.isPresent()
                && from.get().isBefore(published.get())) {
            f.error("a policy cannot take effect before it is published (" + published.get() + ")");
        }
        if (until != null && until.isPresent() && from.isPresent() && until.get().isBefore(from.get())) {
            c.field("until").error("ends before it takes effect (" + from.get() + ")");
        }
        if (published == null || until == null || source == null || status == null) {
            return null;
        }
        return new Validity(status, published, days, from, until, source);
    }

    /** A date, or the given word for "no date"; null after reporting a problem. */
    private static Optional<LocalDate> dateOr(Cursor c, String word) {
        if (c.present() && c.node().isTextual() && word.equals(c.node().textValue())) {
            return Optional.empty();
        }
        if (c.present() && c.node().isTextual()) {
            try {
                return Optional.of(LocalDate.parse(c.node().textValue()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (!c.present()) {
            c.error("missing value: a date (yyyy-MM-dd) or '" + word + "'");
        } else {
            c.error("expected a date (yyyy-MM-dd) or '" + word + "', got " + Cursor.kind(c.node()));
        }
        return null;
    }

    private Clause clause(Cursor at, String policyId, DeliveryMode policyDelivery, Validity validity) {
        if (!at.object("id", "number", "title", "source", "department", "delivery", "eligibility", "award",
                "examples")) {
            return null;
        }
        String id = at.field("id").text();
        Cursor c = id == null ? at : at.inClause(id);
        if (id != null) {
            clauseIds.add(new DeclaredId(id, c.field("id")));
        }
        if (id != null && !CLAUSE_ID.matcher(id).matches()) {
            c.field("id").error("a clause id is a policy short name, a dot and the clause number, e.g. "
                    + "ccxq-2023-11.12; got '" + id + "'");
        }
        String number = c.field("number").text();
        Bilingual title = c.field("title").bilingual();
        String source = c.field("source").text();
        Bilingual department = c.field("department").bilingual();
        DeliveryMode delivery = policyDelivery;
        if (c.field("delivery").present()) {
            delivery = enumCode(c.field("delivery"), DeliveryMode.values(), DeliveryMode::code);
        }
        Condition eligibility = condition(c.field("eligibility"), "eligibility");
        Award award = award(c.field("award"), id);
        List<WorkedExample> examples = new ArrayList<>();
        for (Cursor e : c.field("examples").list(true)) {
            WorkedExample ex = example(e, award);
            if (ex != null) {
                examples.add(ex);
            }
        }
        if (id == null || policyId == null || number == null || title == null || source == null
                || department == null || delivery == null || validity == null || eligibility == null
                || award == null) {
            return null;
        }
        return new Clause(id, policyId, number, title, source, department, delivery, validity, eligibility, award,
                examples);
    }

    // ---- conditions

    Condition condition(Cursor c, String rel) {
        if (!c.present()) {
            c.error("missing value");
            return null;
        }
        if (!c.node().isObject()) {
            c.error("expected a condition (a mapping), got " + Cursor.kind(c.node()));
            return null;
        }
        Set<String> groups = c.presentKeys("all", "any", "not");
        if (groups.size() > 1) {
            c.error("a condition is one of all, any, not or a comparison; got " + String.join(" and ", groups));
            return null;
        }
        if (groups.isEmpty()) {
            return comparison(c, rel);
        }
        String kind = groups.iterator().next();
        if (!c.object(kind, "label")) {
            return null;
        }
        Optional<Bilingual> label = c.field("label").optionalBilingual();
        if ("not".equals(kind)) {
            Condition inner = condition(c.field("not"), rel + ".not");
            return inner == null ? null : new Not(rel, inner, label);
        }
        List<Condition> children = new ArrayList<>();
        boolean ok = true;
        List<Cursor> items = c.field(kind).list(true);
        for (int i = 0; i < items.size(); i++) {
            Condition child = condition(items.get(i), rel + "." + kind + "[" + i + "]");
            ok &= child != null;
            children.add(child);
        }
        if (!ok || children.isEmpty()) {
            return null;
        }
        return "all".equals(kind) ? new AllOf(rel, children, label) : new AnyOf(rel, children, label);
    }

    private Comparison comparison(Cursor c, String rel) {
        if (!c.object("fact", "sum_of", "op", "value", "values", "wording", "quote", "label")) {
            return null;
        }
        Set<String> operandKeys = c.presentKeys("fact", "sum_of");
        if (operandKeys.size() != 1) {
            c.error(operandKeys.isEmpty()
                    ? "a comparison needs 'fact' (or 'sum_of'), or the condition needs all, any or not"
                    : "a comparison has either 'fact' or 'sum_of', not both");
            return null;
        }
        Operand operand = operandKeys.contains("fact") ? factOperand(c.field("fact")) : sumOperand(c.field("sum_of"));
        Operator op = null;
        String opCode = c.field("op").text();
        if (opCode != null) {
            op = Operator.fromCode(opCode).orElse(null);
            if (op == null) {
                c.field("op").error("unknown operator '" + opCode + "'; expected one of "
                        + Arrays.stream(Operator.values()).map(Operator::code).collect(Collectors.joining(", ")));
            }
        }
        Optional<BoundWording> wording = Optional.empty();
        Optional<String> token = c.field("wording").optionalText();
        if (token.isPresent()) {
            wording = BoundWording.fromToken(token.get());
            if (wording.isEmpty()) {
                c.field("wording").error("unknown bound wording '" + token.get() + "'; expected one of "
                        + Arrays.stream(BoundWording.values()).map(BoundWording::token)
                                .collect(Collectors.joining(", ")));
            } else if (op != null && !wording.get().operators().contains(op)) {
                c.field("wording").error("'" + token.get() + "' " + (wording.get().includesBound()
                        ? "includes"
                        : "excludes") + " the bound and means "
                        + wording.get().operators().stream().map(Operator::code).collect(Collectors.joining(" or "))
                        + ", not " + op.code());
                wording = Optional.empty();
            }
        }
        Optional<String> quote = c.field("quote").optionalText();
        Optional<Bilingual> label = c.field("label").optionalBilingual();
        if (operand == null || op == null) {
            return null;
        }
        if (!operatorFits(c.field("op"), op, operand)) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean ok = true;
        if (op == Operator.IN) {
            if (c.field("value").present()) {
                c.field("value").error("'in' takes a list under 'values', not 'value'");
                return null;
            }
            for (Cursor v : c.field("values").list(true)) {
                Object literal = literal(v, operand);
                ok &= literal != null;
                values.add(literal);
            }
        } else {
            if (c.field("values").present()) {
                c.field("values").error("'" + op.code() + "' takes one literal under 'value'; 'values' is for 'in'");
                return null;
            }
            Object literal = literal(c.field("value"), operand);
            ok &= literal != null;
            values.add(literal);
        }
        if (!ok || values.isEmpty()) {
            return null;
        }
        return new Comparison(rel, operand, op, values, wording, quote, label);
    }

    private Operand factOperand(Cursor c) {
        FactDefinition f = fact(c);
        return f == null ? null : new FactOperand(f);
    }

    private Operand sumOperand(Cursor c) {
        List<FactDefinition> facts = new ArrayList<>();
        boolean ok = true;
        List<Cursor> items = c.list(true);
        for (Cursor item : items) {
            FactDefinition f = fact(item);
            ok &= f != null;
            if (f != null) {
                if (!f.type().isNumeric()) {
                    item.error("sum_of adds numeric facts; " + f.name() + " is " + f.type().code());
                    ok = false;
                } else if (!facts.isEmpty() && (f.type() != facts.get(0).type()
                        || !f.unit().equals(facts.get(0).unit()))) {
                    item.error("sum_of adds facts of one type and unit; " + f.name() + " is " + f.type().code()
                            + " in " + f.unit().map(u -> u.code()).orElse("no unit") + ", "
                            + facts.get(0).name() + " is " + facts.get(0).type().code() + " in "
                            + facts.get(0).unit().map(u -> u.code()).orElse("no unit"));
                    ok = false;
                }
                facts.add(f);
            }
        }
        if (ok && items.size() < 2) {
            c.error("sum_of needs at least two facts; compare a single fact with 'fact'");
            return null;
        }
        return ok ? new SumOfFacts(facts) : null;
    }

    /** A declared fact, or null after reporting. */
    private FactDefinition fact(Cursor c) {
        String name = c.text();
        if (name == null) {
            return null;
        }
        Optional<FactDefinition> f = vocabulary.fact(name);
        if (f.isEmpty() && !brokenFacts.contains(name)) {
            c.error("unknown fact '" + name + "' (not in the vocabulary)");
        }
        return f.orElse(null);
    }

    private static boolean operatorFits(Cursor at, Operator op, Operand operand) {
        FactDefinition f = operand.first();
        String why = null;
        if (f.multiple() && op != Operator.CONTAINS) {
            why = f.name() + " holds several values; compare it with 'contains'";
        } else if (op == Operator.CONTAINS && !f.multiple()) {
            why = "'contains' is for facts holding several values; " + f.name() + " holds one";
        } else if ((op.isLowerBound() || op.isUpperBound()) && !f.type().isOrdered()) {
            why = "'" + op.code() + "' needs an ordered type (money, count, decimal, ratio, date); " + f.name()
                    + " is " + f.type().code();
        } else if (op == Operator.IN && f.type() != FactType.ENUM && f.type() != FactType.TEXT
                && f.type() != FactType.COUNT) {
            why = "'in' is for enum, text and count facts; " + f.name() + " is " + f.type().code();
        }
        if (why != null) {
            at.error(why);
            return false;
        }
        return true;
    }

    /** A literal of the operand's type, or null after reporting. Numbers must be YAML numbers, not strings. */
    private static Object literal(Cursor c, Operand operand) {
        FactDefinition f = operand.first();
        String what = operand.expression() + " is " + f.type().code();
        if (!c.present()) {
            c.error("missing value: " + what);
            return null;
        }
        if (f.type().isNumeric() && !c.node().isNumber()) {
            c.error("type mismatch: " + what + ", so the value must be a number, got " + Cursor.kind(c.node()));
            return null;
        }
        if (f.type() == FactType.BOOLEAN && !c.node().isBoolean()) {
            c.error("type mismatch: " + what + ", so the value must be true or false, got " + Cursor.kind(c.node()));
            return null;
        }
        if ((f.type() == FactType.DATE || f.type() == FactType.ENUM || f.type() == FactType.TEXT)
                && !c.node().isTextual()) {
            c.error("type mismatch: " + what + ", so the value must be text, got " + Cursor.kind(c.node()));
            return null;
        }
        try {
            if (f.multiple()) {
                // 'contains' compares one element
                Object v = c.node().textValue();
                if (!f.allows((String) v)) {
                    throw new IllegalArgumentException("expected one of " + f.allowedValues() + ", got \"" + v + "\"");
                }
                return v;
            }
            return Facts.convert(f, c.plainValue());
        } catch (IllegalArgumentException e) {
            c.error("type mismatch: " + what + ": " + e.getMessage());
            return null;
        }
    }

    // ---- award

    private Award award(Cursor c, String clauseId) {
        if (!c.object("formula", "rounding", "caps")) {
            return null;
        }
        AwardFormula formula = formula(c.field("formula"), "award.formula");
        Rounding rounding = Rounding.DEFAULT;
        Cursor r = c.field("rounding");
        if (r.present()) {
            rounding = null;
            if (r.object("mode", "to")) {
                Rounding.Mode mode = r.field("mode").present()
                        ? enumCode(r.field("mode"), Rounding.Mode.values(), Rounding.Mode::code)
                        : Rounding.Mode.DOWN;
                Rounding.Step step = r.field("to").present()
                        ? enumCode(r.field("to"), Rounding.Step.values(), Rounding.Step::code)
                        : Rounding.Step.FEN;
                rounding = mode == null || step == null ? null : new Rounding(mode, step);
            }
        }
        List<Cap> capList = new ArrayList<>();
        boolean ok = true;
        for (Cursor capAt : c.field("caps").optionalList()) {
            Cap cap = cap(capAt, clauseId);
            ok &= cap != null;
            if (cap != null) {
                capList.add(cap);
                caps.add(new PendingCap(cap, capAt));
            }
        }
        if (formula == null || rounding == null || !ok) {
            return null;
        }
        return new Award(formula, rounding, capList);
    }

    AwardFormula formula(Cursor c, String rel) {
        if (!c.present() || !c.node().isObject()) {
            c.error(c.present() ? "expected a formula (a mapping), got " + Cursor.kind(c.node()) : "missing value");
            return null;
        }
        Set<String> kinds = c.presentKeys(FORMULA_KINDS);
        if (kinds.size() != 1) {
            c.error("a formula is exactly one of " + String.join(", ", FORMULA_KINDS)
                    + (kinds.isEmpty() ? "" : "; got " + String.join(" and ", kinds)));
            if (kinds.isEmpty()) {
                c.object(FORMULA_KINDS);
            }
            return null;
        }
        String kind = kinds.iterator().next();
        if (!c.object(kind)) {
            return null;
        }
        Cursor body = c.field(kind);
        String path = rel + "." + kind;
        switch (kind) {
            case "fixed" : {
                if (!body.object("amount", "label")) {
                    return null;
                }
                BigDecimal amount = money(body.field("amount"), true);
                Optional<Bilingual> label = body.field("label").optionalBilingual();
                return amount == null ? null : new FixedAmount(path, amount, label);
            }
            case "rate_of_base" : {
                if (!body.object("rate", "base", "label")) {
                    return null;
                }
                BigDecimal rate = body.field("rate").number();
                if (rate != null && (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
                    body.field("rate").error("a rate is above 0 and at most 1 (0.4 means 40%), got "
                            + rate.toPlainString());
                    rate = null;
                }
                FactDefinition base = fact(body.field("base"));
                if (base != null && base.type() != FactType.MONEY) {
                    body.field("base").error("the base of a rate is a money fact; " + base.name() + " is "
                            + base.type().code());
                    base = null;
                }
                Optional<Bilingual> label = body.field("label").optionalBilingual();
                return rate == null || base == null ? null : new RateOfBase(path, rate, base, label);
            }
            case "per_unit" : {
                if (!body.object("amount", "quantity", "label")) {
                    return null;
                }
                BigDecimal amount = money(body.field("amount"), true);
                FactDefinition quantity = fact(body.field("quantity"));
                if (quantity != null && quantity.type() != FactType.COUNT && quantity.type() != FactType.DECIMAL) {
                    body.field("quantity").error("the quantity of a per-unit amount is a count or decimal fact; "
                            + quantity.name() + " is " + quantity.type().code());
                    quantity = null;
                }
                Optional<Bilingual> label = body.field("label").optionalBilingual();
                return amount == null || quantity == null ? null : new PerUnit(path, amount, quantity, label);
            }
            default : {
                List<Cursor> items = body.list(true);
                if (!items.isEmpty() && items.size() < 2) {
                    body.error(kind + " needs at least two parts");
                    return null;
                }
                List<AwardFormula> parts = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < items.size(); i++) {
                    AwardFormula p = formula(items.get(i), path + "[" + i + "]");
                    ok &= p != null;
                    parts.add(p);
                }
                if (!ok || parts.isEmpty()) {
                    return null;
                }
                switch (kind) {
                    case "sum" :
                        return new Sum(path, parts, Optional.empty());
                    case "min" :
                        return new Min(path, parts, Optional.empty());
                    default :
                        return new Max(path, parts, Optional.empty());
                }
            }
        }
    }

    private Cap cap(Cursor c, String clauseId) {
        if (!c.object("id", "scope", "limit", "source", "covers")) {
            return null;
        }
        String id = c.field("id").text();
        if (id != null) {
            capIds.add(new DeclaredId(id, c.field("id")));
        }
        CapScope scope = enumCode(c.field("scope"), CapScope.values(), CapScope::code);
        BigDecimal limit = money(c.field("limit"), true);
        String source = c.field("source").text();
        List<String> covers = new ArrayList<>();
        if (c.field("covers").present()) {
            if (scope == CapScope.ITEM) {
                c.field("covers").error("an item cap limits one application of this clause; 'covers' is for "
                        + "enterprise_year and enterprise_total caps");
            }
            for (Cursor item : c.field("covers").list(true)) {
                String cid = item.text();
                if (cid != null) {
                    covers.add(cid);
                }
            }
            if (clauseId != null && !covers.contains(clauseId)) {
                c.field("covers").error("a cap declared on clause " + clauseId + " must cover that clause");
            }
        } else if (clauseId != null) {
            covers.add(clauseId);
        }
        if (id == null || scope == null || limit == null || source == null || covers.isEmpty()) {
            return null;
        }
        return new Cap(id, scope, limit, covers, source);
    }

    /** A money literal: a YAML number with at most two decimals; positive unless {@code positive} is false. */
    private static BigDecimal money(Cursor c, boolean positive) {
        BigDecimal d = c.number();
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > Money.SCALE) {
            c.error("money has at most 2 decimals (fen), got " + d.toPlainString());
            return null;
        }
        if (positive ? d.signum() <= 0 : d.signum() < 0) {
            c.error("must be " + (positive ? "positive" : "zero or more") + ", got " + d.toPlainString());
            return null;
        }
        return Money.of(d);
    }

    // ---- worked examples

    private WorkedExample example(Cursor c, Award award) {
        if (!c.object("name", "as_of", "year", "facts", "history", "expect")) {
            return null;
        }
        String name = c.field("name").text();
        LocalDate asOf = c.field("as_of").date();
        Integer year = c.field("year").present() ? c.field("year").integer() : asOf == null ? null : asOf.getYear();
        Facts facts = exampleFacts(c.field("facts"));
        Map<String, Cap> historyCaps = new HashMap<>();
        if (award != null) {
            award.caps().stream().filter(cap -> cap.scope().usesHistory()).forEach(cap -> historyCaps.put(cap.id(),
                    cap));
        }
        Map<String, BigDecimal> history = new LinkedHashMap<>();
        boolean ok = true;
        if (c.field("history").present()) {
            for (Map.Entry<String, Cursor> e : c.field("history").entries()) {
                if (award != null && !historyCaps.containsKey(e.getKey())) {
                    e.getValue().error("'" + e.getKey() + "' is not a cap of this clause that counts past awards; "
                            + "expected one of " + historyCaps.keySet());
                    ok = false;
                }
                BigDecimal amount = money(e.getValue(), false);
                ok &= amount != null;
                if (amount != null) {
                    history.put(e.getKey(), amount);
                }
            }
        }
        WorkedExample.Expectation expect = expectation(c.field("expect"), award);
        if (name == null || asOf == null || year == null || facts == null || expect == null || !ok) {
            return null;
        }
        return new WorkedExample(name, asOf, year, facts, history, expect);
    }

    private Facts exampleFacts(Cursor c) {
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, Cursor> at = new HashMap<>();
        for (Map.Entry<String, Cursor> e : c.entries()) {
            if (brokenFacts.contains(e.getKey())) {
                continue;
            }
            raw.put(e.getKey(), e.getValue().plainValue());
            at.put(e.getKey(), e.getValue());
            if (!e.getValue().present()) {
                e.getValue().error("missing value; leave the fact out to say it is not provided");
            }
        }
        try {
            return Facts.of(vocabulary, raw);
        } catch (FactsException e) {
            for (FactsException.Problem p : e.problems()) {
                at.get(p.fact()).error(p.message());
            }
            return null;
        }
    }

    private static WorkedExample.Expectation expectation(Cursor c, Award award) {
        if (!c.object("eligible", "amount", "uncapped", "binding_caps", "reasons", "trace_contains")) {
            return null;
        }
        Boolean eligible = c.field("eligible").bool();
        if (eligible == null) {
            return null;
        }
        Optional<BigDecimal> amount = Optional.empty();
        Optional<BigDecimal> uncapped = Optional.empty();
        List<String> bindingCaps = new ArrayList<>();
        List<WorkedExample.ExpectedReason> reasons = new ArrayList<>();
        List<String> trace = new ArrayList<>();
        boolean ok = true;
        if (eligible) {
            amount = Optional.ofNullable(money(c.field("amount"), false));
            ok &= amount.isPresent();
            if (c.field("uncapped").present()) {
                uncapped = Optional.ofNullable(money(c.field("uncapped"), false));
                ok &= uncapped.isPresent();
            }
            for (Cursor b : c.field("binding_caps").optionalList()) {
                String capId = b.text();
                if (capId != null && award != null && award.caps().stream().noneMatch(cap -> cap.id().equals(capId))) {
                    b.error("'" + capId + "' is not a cap of this clause; expected one of "
                            + award.caps().stream().map(Cap::id).collect(Collectors.toList()));
                    ok = false;
                } else if (capId != null) {
                    bindingCaps.add(capId);
                }
            }
            for (Cursor t : c.field("trace_contains").optionalList()) {
                String s = t.text();
                ok &= s != null;
                if (s != null) {
                    trace.add(s);
                }
            }
            if (c.field("reasons").present()) {
                c.field("reasons").error("an eligible example lists no blocking reasons");
                ok = false;
            }
        } else {
            for (String key : List.of("amount", "uncapped", "binding_caps", "trace_contains")) {
                if (c.field(key).present()) {
                    c.field(key).error("an ineligible example has no " + key);
                    ok = false;
                }
            }
            for (Cursor r : c.field("reasons").list(true)) {
                WorkedExample.ExpectedReason reason = expectedReason(r);
                ok &= reason != null;
                if (reason != null) {
                    reasons.add(reason);
                }
            }
        }
        return ok ? new WorkedExample.Expectation(eligible, amount, uncapped, bindingCaps, reasons, trace) : null;
    }

    private static WorkedExample.ExpectedReason expectedReason(Cursor c) {
        if (!c.object("kind", "path", "fact", "shortfall")) {
            return null;
        }
        if (c.presentKeys("kind", "path", "fact", "shortfall").isEmpty()) {
            c.error("an expected reason gives at least one of kind, path, fact, shortfall");
            return null;
        }
        Optional<String> kind = c.field("kind").optionalText();
        if (kind.isPresent() && ReasonKind.fromCode(kind.get()).isEmpty()) {
            c.field("kind").error("unknown reason kind '" + kind.get() + "'; expected one of "
                    + Arrays.stream(ReasonKind.values()).map(ReasonKind::code).collect(Collectors.joining(", ")));
            return null;
        }
        Optional<BigDecimal> shortfall = c.field("shortfall").present()
                ? Optional.ofNullable(c.field("shortfall").number())
                : Optional.empty();
        if (c.field("shortfall").present() && shortfall.isEmpty()) {
            return null;
        }
        return new WorkedExample.ExpectedReason(kind, c.field("path").optionalText(), c.field("fact").optionalText(),
                shortfall);
    }

    // ---- helpers

    static <E> E enumCode(Cursor c, E[] values, Function<E, String> code) {
        String s = c.text();
        if (s == null) {
            return null;
        }
        for (E v : values) {
            if (code.apply(v).equals(s)) {
                return v;
            }
        }
        c.error("unknown value '" + s + "'; expected one of "
                + Arrays.stream(values).map(code).collect(Collectors.joining(", ")));
        return null;
    }
}
