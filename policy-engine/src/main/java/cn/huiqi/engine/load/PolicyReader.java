package cn.huiqi.engine.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
import cn.huiqi.engine.model.AmountBasis;
import cn.huiqi.engine.model.AnyOf;
import cn.huiqi.engine.model.ApplicantType;
import cn.huiqi.engine.model.Award;
import cn.huiqi.engine.model.AwardFormula;
import cn.huiqi.engine.model.AwardKind;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.BoundWording;
import cn.huiqi.engine.model.ByLevel;
import cn.huiqi.engine.model.ByYear;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.CapScope;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Comparison;
import cn.huiqi.engine.model.Condition;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.DeliveryMode;
import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.FactOperand;
import cn.huiqi.engine.model.FactType;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.engine.model.FixedAmount;
import cn.huiqi.engine.model.ForEachItem;
import cn.huiqi.engine.model.LevelTable;
import cn.huiqi.engine.model.Max;
import cn.huiqi.engine.model.Min;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.NoAmount;
import cn.huiqi.engine.model.NonComputableReason;
import cn.huiqi.engine.model.Not;
import cn.huiqi.engine.model.Operand;
import cn.huiqi.engine.model.Operator;
import cn.huiqi.engine.model.PerStep;
import cn.huiqi.engine.model.PerUnit;
import cn.huiqi.engine.model.PerUnitPeriod;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.engine.model.Quantity;
import cn.huiqi.engine.model.RateOfBase;
import cn.huiqi.engine.model.Region;
import cn.huiqi.engine.model.Rounding;
import cn.huiqi.engine.model.SomeItem;
import cn.huiqi.engine.model.Stacking;
import cn.huiqi.engine.model.StackingGroup;
import cn.huiqi.engine.model.StackingRule;
import cn.huiqi.engine.model.Sum;
import cn.huiqi.engine.model.SumOfFacts;
import cn.huiqi.engine.model.Tiered;
import cn.huiqi.engine.model.Validity;
import cn.huiqi.engine.model.Vocabulary;
import cn.huiqi.engine.model.WorkedExample;

/** Reads one policy file into a {@link Policy}, reporting every problem to the cursor's error list. */
final class PolicyReader {

    static final Pattern POLICY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern CLAUSE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[0-9a-z.-]+");

    private static final String[] FORMULA_KINDS = {"fixed", "rate_of_base", "per_unit", "sum", "min", "max",
            "by_level", "tiered", "per_step", "per_unit_period", "for_each_item", "by_year"};

    private final Vocabulary vocabulary;
    /** The pack's areas by code, when it declares them; null for a pack without a regions file. */
    private final Map<String, Region> regions;
    /** Facts the vocabulary declares but could not define; references to them are not reported again. */
    private final Set<String> brokenFacts;
    /** Caps read so far, for the pack-wide checks (unique ids, covered clauses). */
    private final List<PendingCap> caps;
    /** While reading the inside of for_each_item or some_item: the item's fields, referred to as item.*. */
    private FactDefinition itemScope;
    /** The id of the clause being read, for the caps declared inside its formula. */
    private String currentClause;

    /** A cap with where it was declared. */
    record PendingCap(Cap cap, Cursor at) {
    }

    PolicyReader(Vocabulary vocabulary, Set<String> brokenFacts, List<PendingCap> caps, Map<String, Region> regions) {
        this.regions = regions;
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
                "applicant_types", "effective", "stacking", "limits", "sources", "clauses")) {
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
        List<String> sources = new ArrayList<>();
        for (Cursor c : root.field("sources").optionalList()) {
            String s = c.text();
            if (s != null) {
                sources.add(s);
            }
        }
        List<CountLimit> limits = limits(root.field("limits"));
        List<Clause> clauses = new ArrayList<>();
        Set<String> allIds = new HashSet<>();
        for (Cursor c : root.field("clauses").list(true)) {
            Clause clause = clause(c, id, delivery, validity, limits, region);
            if (clause != null) {
                clauses.add(clause);
            }
            if (c.field("id").present()) {
                allIds.add(c.field("id").node().asText());
            }
        }
        checkLimitClauses(root.field("limits"), limits, allIds);
        Optional<Stacking> stacking = stacking(root.field("stacking"), clauses);
        if (id == null || title == null || issuer == null || documentNumber == null || region == null
                || status == null || delivery == null || validity == null) {
            return null;
        }
        return new Policy(id, title, issuer, documentNumber, region, validity, delivery, applicants, stacking,
                sources, clauses);
    }

    /** The document's count limits ("连续3年只能获得一次", "同一年度最多不超过2项"); their clauses are checked later. */
    private List<CountLimit> limits(Cursor list) {
        List<CountLimit> out = new ArrayList<>();
        if (!list.present()) {
            return out;
        }
        for (Cursor l : list.list(true)) {
            if (!l.object("id", "clauses", "at_most", "years", "source")) {
                continue;
            }
            String limitId = l.field("id").text();
            if (limitId != null) {
                capIds.add(new DeclaredId(limitId, l.field("id")));
            }
            List<String> members = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Cursor c : l.field("clauses").list(true)) {
                String clauseId = c.text();
                if (clauseId != null && !seen.add(clauseId)) {
                    c.error("clause '" + clauseId + "' is listed twice");
                } else if (clauseId != null) {
                    members.add(clauseId);
                }
            }
            Integer atMost = l.field("at_most").integer();
            Integer years = l.field("years").integer();
            if (atMost != null && atMost < 1) {
                l.field("at_most").error("a limit allows at least one award, got " + atMost);
                atMost = null;
            }
            if (years != null && years < 1) {
                l.field("years").error("a limit's window is at least one year, got " + years);
                years = null;
            }
            String source = l.field("source").text();
            if (limitId != null && !members.isEmpty() && atMost != null && years != null && source != null) {
                out.add(new CountLimit(limitId, members, atMost, years, source));
            }
        }
        return out;
    }

    private static void checkLimitClauses(Cursor list, List<CountLimit> limits, Set<String> clauseIds) {
        if (!list.present()) {
            return;
        }
        for (Cursor l : list.optionalList()) {
            String limitId = l.field("id").present() ? l.field("id").node().asText() : null;
            if (limits.stream().noneMatch(x -> x.id().equals(limitId))) {
                continue;
            }
            for (Cursor c : l.field("clauses").optionalList()) {
                if (c.present() && c.node().isTextual() && !clauseIds.contains(c.node().asText())) {
                    c.error("no clause '" + c.node().asText() + "' in this policy");
                }
            }
        }
    }

    /** The document's rule and its groups; a group may only name clauses of this document, each in one group. */
    private static Optional<Stacking> stacking(Cursor st, List<Clause> clauses) {
        if (!st.present() || !st.object("source", "groups")) {
            return Optional.empty();
        }
        String source = st.field("source").text();
        Set<String> known = new HashSet<>();
        clauses.forEach(c -> known.add(c.id()));
        Set<String> grouped = new HashSet<>();
        Set<String> groupIds = new HashSet<>();
        List<StackingGroup> groups = new ArrayList<>();
        for (Cursor g : st.field("groups").optionalList()) {
            if (!g.object("id", "rule", "clauses", "matter", "source")) {
                continue;
            }
            String groupId = g.field("id").text();
            if (groupId != null && !groupIds.add(groupId)) {
                g.field("id").error("duplicate stacking group id '" + groupId + "'");
            }
            StackingRule rule = enumCode(g.field("rule"), StackingRule.values(), StackingRule::code);
            Bilingual matter = g.field("matter").bilingual();
            List<String> members = new ArrayList<>();
            for (Cursor c : g.field("clauses").list(true)) {
                String clauseId = c.text();
                if (clauseId == null) {
                    continue;
                }
                if (!known.contains(clauseId)) {
                    c.error("no clause '" + clauseId + "' in this policy");
                } else if (!grouped.add(clauseId)) {
                    c.error("clause '" + clauseId + "' is already in another stacking group");
                } else {
                    members.add(clauseId);
                }
            }
            if (members.size() < 2) {
                g.field("clauses").error("a stacking group holds at least two clauses of this policy");
            } else if (groupId != null && rule != null && matter != null) {
                groups.add(new StackingGroup(groupId, rule, members, matter, g.field("source").optionalText()));
            }
        }
        return source == null ? Optional.empty() : Optional.of(new Stacking(source, groups));
    }

    private Region region(Cursor c) {
        if (!c.object("code", "zh", "en")) {
            return null;
        }
        String code = c.field("code").text();
        String zh = c.field("zh").text();
        String en = c.field("en").text();
        if (code == null || zh == null || en == null) {
            return null;
        }
        if (regions == null) {
            return new Region(code, new Bilingual(zh, en));
        }
        Region known = regions.get(code);
        if (known == null) {
            c.field("code").error("unknown region '" + code + "'; declare it with its GB/T 2260 divisions in the "
                    + "pack's regions file (known: " + String.join(", ", new java.util.TreeSet<>(regions.keySet()))
                    + ")");
            return null;
        }
        return new Region(code, new Bilingual(zh, en), known.divisions(), known.partial(), known.note());
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

    private Clause clause(Cursor at, String policyId, DeliveryMode policyDelivery, Validity validity,
            List<CountLimit> policyLimits, Region region) {
        if (!at.object("id", "number", "title", "source", "department", "delivery", "eligibility", "award",
                "examples")) {
            return null;
        }
        String id = at.field("id").text();
        currentClause = id;
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
        if (award != null && id != null) {
            List<CountLimit> mine = policyLimits.stream().filter(l -> l.clauseIds().contains(id))
                    .collect(Collectors.toList());
            award = new Award(award.formula(), award.rounding(), award.caps(), award.kind(), award.basis(),
                    award.notComputable(), mine);
        }
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
                examples, Optional.ofNullable(region));
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
        Set<String> groups = c.presentKeys("all", "any", "not", "some_item");
        if (groups.size() > 1) {
            c.error("a condition is one of all, any, not, some_item or a comparison; got "
                    + String.join(" and ", groups));
            return null;
        }
        if (groups.isEmpty()) {
            return comparison(c, rel);
        }
        String kind = groups.iterator().next();
        if ("some_item".equals(kind)) {
            return someItem(c, rel);
        }
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

    private Condition someItem(Cursor c, String rel) {
        if (!c.object("some_item", "label")) {
            return null;
        }
        Cursor body = c.field("some_item");
        if (!body.object("items", "where")) {
            return null;
        }
        FactDefinition items = itemsFact(body.field("items"));
        Optional<Bilingual> label = c.field("label").optionalBilingual();
        if (items == null) {
            return null;
        }
        Condition where = inItems(items, () -> condition(body.field("where"), rel + ".some_item.where"));
        return where == null ? null : new SomeItem(rel, items, where, label);
    }

    /** An items fact, or null after reporting; not inside another item. */
    private FactDefinition itemsFact(Cursor c) {
        FactDefinition f = fact(c);
        if (f != null && f.type() != FactType.ITEMS) {
            c.error(f.name() + " is " + f.type().code() + ", not a list of items");
            return null;
        }
        if (f != null && itemScope != null) {
            c.error("items cannot be nested inside the items of " + itemScope.name());
            return null;
        }
        return f;
    }

    private <T> T inItems(FactDefinition items, java.util.function.Supplier<T> read) {
        itemScope = items;
        try {
            return read.get();
        } finally {
            itemScope = null;
        }
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
        if (name.startsWith("item.")) {
            if (itemScope == null) {
                c.error("'" + name + "' is an item's field; use it inside for_each_item or some_item");
                return null;
            }
            Optional<FactDefinition> field = itemScope.itemFields().orElseThrow().fact(name);
            if (field.isEmpty()) {
                c.error("unknown field '" + name + "' of the items of " + itemScope.name() + "; expected one of "
                        + itemScope.itemFields().orElseThrow().facts().stream().map(FactDefinition::name)
                                .collect(Collectors.joining(", ")));
            }
            return field.orElse(null);
        }
        Optional<FactDefinition> f = vocabulary.fact(name);
        if (f.isEmpty() && !brokenFacts.contains(name)) {
            c.error("unknown fact '" + name + "' (not in the vocabulary)");
        }
        if (f.isPresent() && itemScope != null) {
            c.error("inside the items of " + itemScope.name() + " only their fields (item.*) can be read; "
                    + name + " belongs to the claim");
            return null;
        }
        return f.orElse(null);
    }

    private static boolean operatorFits(Cursor at, Operator op, Operand operand) {
        FactDefinition f = operand.first();
        String why = null;
        if (f.type() == FactType.ITEMS) {
            why = f.name() + " is a list of items; compare their fields with some_item";
        } else if (f.multiple() && op != Operator.CONTAINS) {
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
        if (!c.object("kind", "basis", "not_computable", "formula", "rounding", "caps")) {
            return null;
        }
        AwardKind kind = c.field("kind").present()
                ? enumCode(c.field("kind"), AwardKind.values(), AwardKind::code)
                : AwardKind.GRANT;
        AmountBasis basis = c.field("basis").present()
                ? enumCode(c.field("basis"), AmountBasis.values(), AmountBasis::code)
                : kind == AwardKind.NON_MONETARY ? AmountBasis.NOT_COMPUTABLE : AmountBasis.COMPUTED;
        if (kind == null || basis == null) {
            return null;
        }
        if (kind == AwardKind.NON_MONETARY && basis != AmountBasis.NOT_COMPUTABLE) {
            c.field("basis").error("a non-monetary measure has no amount: its basis is not_computable");
            return null;
        }
        boolean computes = basis != AmountBasis.NOT_COMPUTABLE && kind != AwardKind.NON_MONETARY;
        Optional<Award.NonComputable> notComputable = Optional.empty();
        Cursor nc = c.field("not_computable");
        if (computes && nc.present()) {
            nc.error("only an award that computes nothing (basis not_computable, or kind non_monetary) says why");
            return null;
        }
        if (!computes) {
            if (!nc.present()) {
                nc.error("an award that computes nothing says why: not_computable: {reason, explanation}");
                return null;
            }
            if (!nc.object("reason", "explanation")) {
                return null;
            }
            NonComputableReason reason = enumCode(nc.field("reason"), NonComputableReason.values(),
                    NonComputableReason::code);
            Bilingual explanation = nc.field("explanation").bilingual();
            for (String key : List.of("formula", "rounding", "caps")) {
                if (c.field(key).present()) {
                    c.field(key).error("an award that computes nothing has no " + key);
                    return null;
                }
            }
            if (reason == null || explanation == null) {
                return null;
            }
            return new Award(new NoAmount("award", Optional.empty()), Rounding.DEFAULT, List.of(), kind, basis,
                    Optional.of(new Award.NonComputable(reason, explanation)));
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
        return new Award(formula, rounding, capList, kind, basis, notComputable);
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
            case "by_level" : {
                if (!body.object("level", "amounts", "label")) {
                    return null;
                }
                LevelTable t = levelTable(body, "amounts", true);
                Optional<Bilingual> label = body.field("label").optionalBilingual();
                return t == null ? null : new ByLevel(path, t, label);
            }
            case "tiered" :
                return tiered(body, path);
            case "per_step" :
                return perStep(body, path);
            case "per_unit_period" : {
                if (!body.object("price", "quantity", "periods", "rate", "label")) {
                    return null;
                }
                Quantity price = quantity(body.field("price"), true);
                Quantity quantity = quantity(body.field("quantity"), false);
                Quantity periods = quantity(body.field("periods"), false);
                Optional<BigDecimal> rate = Optional.empty();
                boolean rateOk = true;
                if (body.field("rate").present()) {
                    BigDecimal r = body.field("rate").number();
                    if (r != null && (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) > 0)) {
                        body.field("rate").error("a rate is above 0 and at most 1 (0.5 means 50%), got "
                                + r.toPlainString());
                        r = null;
                    }
                    rate = Optional.ofNullable(r);
                    rateOk = r != null;
                }
                Optional<Bilingual> label = body.field("label").optionalBilingual();
                return price == null || quantity == null || periods == null || !rateOk
                        ? null
                        : new PerUnitPeriod(path, price, quantity, periods, rate, label);
            }
            case "for_each_item" :
                return forEachItem(body, path, rel);
            case "by_year" :
                return byYear(body, path);
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

    /** {year: count fact, years: {1: formula, 2: formula, …}, source: the schedule's words}. */
    private AwardFormula byYear(Cursor body, String path) {
        if (!body.object("year", "years", "source", "label")) {
            return null;
        }
        FactDefinition year = fact(body.field("year"));
        if (year != null && year.type() != FactType.COUNT) {
            body.field("year").error("the year of a schedule is a count fact (1 for the first year of support); "
                    + year.name() + " is " + year.type().code());
            year = null;
        }
        Map<Integer, AwardFormula> years = new LinkedHashMap<>();
        boolean ok = true;
        List<Map.Entry<String, Cursor>> entries = body.field("years").entries();
        if (body.field("years").present() && entries.isEmpty()) {
            body.field("years").error("a schedule lists at least one year");
            ok = false;
        }
        for (Map.Entry<String, Cursor> e : entries) {
            int y;
            try {
                y = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                e.getValue().error("a year of support is a whole number from 1, got '" + e.getKey() + "'");
                ok = false;
                continue;
            }
            if (y < 1) {
                e.getValue().error("a year of support is a whole number from 1, got " + y);
                ok = false;
                continue;
            }
            AwardFormula f = formula(e.getValue(), path + ".years." + y);
            ok &= f != null;
            years.put(y, f);
        }
        String source = body.field("source").text();
        Optional<Bilingual> label = body.field("label").optionalBilingual();
        if (!ok || year == null || source == null || years.isEmpty()) {
            return null;
        }
        return new ByYear(path, year, years, source, label);
    }

    /**
     * {level: enum fact, key: {value: number}}; money amounts when {@code money}. Values must be levels of the fact.
     */
    private LevelTable levelTable(Cursor c, String key, boolean money) {
        FactDefinition level = fact(c.field("level"));
        if (level != null && (level.type() != FactType.ENUM || level.multiple())) {
            c.field("level").error("a level is a single-valued enum fact; " + level.name() + " is not");
            return null;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Cursor> e : c.field(key).entries()) {
            if (level != null && !level.allows(e.getKey())) {
                e.getValue().error("'" + e.getKey() + "' is not a value of " + level.name() + "; expected one of "
                        + level.allowedValues());
                ok = false;
            }
            BigDecimal v = money ? money(e.getValue(), true) : positive(e.getValue());
            ok &= v != null;
            if (v != null) {
                values.put(e.getKey(), v);
            }
        }
        if (level == null || !ok || values.isEmpty()) {
            return null;
        }
        return new LevelTable(level, values);
    }

    private static BigDecimal positive(Cursor c) {
        BigDecimal d = c.number();
        if (d != null && d.signum() <= 0) {
            c.error("must be positive, got " + d.toPlainString());
            return null;
        }
        return d;
    }

    private AwardFormula tiered(Cursor body, String path) {
        if (!body.object("base", "bands", "label")) {
            return null;
        }
        FactDefinition base = fact(body.field("base"));
        if (base != null && !base.type().isNumeric()) {
            body.field("base").error("bands are over a numeric fact; " + base.name() + " is " + base.type().code());
            base = null;
        }
        List<Tiered.Band> bands = new ArrayList<>();
        boolean ok = true;
        BigDecimal previous = null;
        for (Cursor b : body.field("bands").list(true)) {
            if (!b.object("from", "wording", "amount", "rate", "quote")) {
                ok = false;
                continue;
            }
            BigDecimal from = b.field("from").number();
            boolean inclusive = true;
            Optional<String> token = b.field("wording").optionalText();
            if (token.isPresent()) {
                Optional<BoundWording> w = BoundWording.fromToken(token.get());
                if (w.isEmpty() || !(w.get().operators().contains(Operator.GE) || w.get().operators().contains(
                        Operator.GT))) {
                    b.field("wording").error("a band's lower bound is worded as 以上/达到/满/不低于 (included) or "
                            + "超过/高于 (excluded); got '" + token.get() + "'");
                    ok = false;
                } else {
                    inclusive = w.get().operators().contains(Operator.GE);
                }
            }
            Set<String> gives = b.presentKeys("amount", "rate");
            if (gives.size() != 1) {
                b.error("a band gives exactly one of amount, rate");
                ok = false;
                continue;
            }
            Optional<BigDecimal> amount = Optional.empty();
            Optional<BigDecimal> rate = Optional.empty();
            if (gives.contains("amount")) {
                BigDecimal a = money(b.field("amount"), false);
                ok &= a != null;
                amount = Optional.ofNullable(a);
            } else {
                BigDecimal r = b.field("rate").number();
                if (r != null && (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0)) {
                    b.field("rate").error("a rate is between 0 and 1 (0.4 means 40%), got " + r.toPlainString());
                    r = null;
                } else if (r != null && base != null && base.type() != FactType.MONEY) {
                    b.field("rate").error("a band rate is a share of a money base; " + base.name() + " is "
                            + base.type().code());
                    r = null;
                }
                ok &= r != null;
                rate = Optional.ofNullable(r);
            }
            if (from != null && previous != null && from.compareTo(previous) <= 0) {
                b.field("from").error("bands ascend: " + from.toPlainString() + " is not above "
                        + previous.toPlainString());
                ok = false;
            }
            ok &= from != null;
            if (from != null) {
                previous = from;
                if (amount.isPresent() || rate.isPresent()) {
                    bands.add(new Tiered.Band(from, inclusive, amount, rate, b.field("quote").optionalText()));
                }
            }
        }
        Optional<Bilingual> label = body.field("label").optionalBilingual();
        return !ok || base == null || bands.isEmpty() ? null : new Tiered(path, base, bands, label);
    }

    private AwardFormula perStep(Cursor body, String path) {
        if (!body.object("base", "step", "amount", "above", "max_steps", "label")) {
            return null;
        }
        FactDefinition base = fact(body.field("base"));
        if (base != null && !base.type().isNumeric()) {
            body.field("base").error("steps are counted over a numeric fact; " + base.name() + " is "
                    + base.type().code());
            base = null;
        }
        BigDecimal step = positive(body.field("step"));
        BigDecimal amount = money(body.field("amount"), true);
        Optional<FactDefinition> aboveFact = Optional.empty();
        BigDecimal above = BigDecimal.ZERO;
        Cursor a = body.field("above");
        boolean ok = true;
        if (a.present() && a.node().isTextual()) {
            FactDefinition f = fact(a);
            if (f != null && base != null && (f.type() != base.type() || !f.unit().equals(base.unit()))) {
                a.error("counting starts from a fact of the base's type and unit; " + f.name() + " is not");
                f = null;
            }
            ok = f != null;
            aboveFact = Optional.ofNullable(f);
        } else if (a.present()) {
            above = a.number();
            ok = above != null;
        }
        Optional<BigDecimal> maxSteps = Optional.empty();
        if (body.field("max_steps").present()) {
            Integer m = body.field("max_steps").integer();
            ok &= m != null;
            maxSteps = m == null ? Optional.empty() : Optional.of(BigDecimal.valueOf(m));
        }
        Optional<Bilingual> label = body.field("label").optionalBilingual();
        if (base == null || step == null || amount == null || !ok) {
            return null;
        }
        return new PerStep(path, base, step, amount, aboveFact, above == null ? BigDecimal.ZERO : above, maxSteps,
                label);
    }

    /** {value: n} or {fact: f}, with at_most: n or at_most_by: {level, limits}, source and label. */
    private Quantity quantity(Cursor c, boolean money) {
        if (!c.object("value", "fact", "at_most", "at_most_by", "source", "label")) {
            return null;
        }
        Set<String> what = c.presentKeys("value", "fact");
        if (what.size() != 1) {
            c.error("a quantity is exactly one of value, fact");
            return null;
        }
        Optional<FactDefinition> fact = Optional.empty();
        Optional<BigDecimal> value = Optional.empty();
        boolean ok = true;
        if (what.contains("fact")) {
            FactDefinition f = fact(c.field("fact"));
            if (f != null && (money ? f.type() != FactType.MONEY : !f.type().isNumeric())) {
                c.field("fact").error((money ? "a price is a money fact" : "a quantity is a numeric fact") + "; "
                        + f.name() + " is " + f.type().code());
                f = null;
            }
            ok = f != null;
            fact = Optional.ofNullable(f);
        } else {
            BigDecimal v = money ? money(c.field("value"), true) : positive(c.field("value"));
            ok = v != null;
            value = Optional.ofNullable(v);
        }
        Optional<BigDecimal> atMost = Optional.empty();
        if (c.field("at_most").present()) {
            BigDecimal m = money ? money(c.field("at_most"), true) : positive(c.field("at_most"));
            ok &= m != null;
            atMost = Optional.ofNullable(m);
        }
        Optional<LevelTable> atMostBy = Optional.empty();
        if (c.field("at_most_by").present()) {
            if (!c.field("at_most_by").object("level", "limits")) {
                return null;
            }
            LevelTable t = levelTable(c.field("at_most_by"), "limits", money);
            ok &= t != null;
            atMostBy = Optional.ofNullable(t);
        }
        Optional<String> source = c.field("source").optionalText();
        Optional<Bilingual> label = c.field("label").optionalBilingual();
        return ok ? new Quantity(fact, value, atMost, atMostBy, source, label) : null;
    }

    private AwardFormula forEachItem(Cursor body, String path, String rel) {
        if (!body.object("items", "where", "formula", "item_cap", "label")) {
            return null;
        }
        if (!rel.equals("award.formula") && !rel.matches("award\\.formula\\.sum\\[\\d+]")) {
            body.error("for_each_item is the whole formula or a part of a top-level sum (its item caps add up)");
            return null;
        }
        FactDefinition items = itemsFact(body.field("items"));
        if (items == null) {
            return null;
        }
        Optional<Condition> where = Optional.empty();
        boolean ok = true;
        if (body.field("where").present()) {
            Condition w = inItems(items, () -> condition(body.field("where"), path + ".where"));
            ok = w != null;
            where = Optional.ofNullable(w);
        }
        AwardFormula inner = inItems(items, () -> formula(body.field("formula"), path + ".formula"));
        Optional<Cap> itemCap = Optional.empty();
        Cursor ic = body.field("item_cap");
        if (ic.present() && ic.object("id", "limit", "source")) {
            String id = ic.field("id").text();
            if (id != null) {
                capIds.add(new DeclaredId(id, ic.field("id")));
            }
            BigDecimal limit = money(ic.field("limit"), true);
            String source = ic.field("source").text();
            ok &= id != null && limit != null && source != null;
            if (id != null && limit != null && source != null) {
                itemCap = Optional.of(new Cap(id, CapScope.ITEM, limit, List.of(currentClause == null
                        ? "?"
                        : currentClause), source));
            }
        } else if (ic.present()) {
            ok = false;
        }
        Optional<Bilingual> label = body.field("label").optionalBilingual();
        return !ok || inner == null ? null : new ForEachItem(path, items, where, inner, itemCap, label);
    }

    private Cap cap(Cursor c, String clauseId) {
        if (!c.object("id", "scope", "limit", "limit_by", "source", "covers")) {
            return null;
        }
        String id = c.field("id").text();
        if (id != null) {
            capIds.add(new DeclaredId(id, c.field("id")));
        }
        CapScope scope = enumCode(c.field("scope"), CapScope.values(), CapScope::code);
        Optional<LevelTable> byLevel = Optional.empty();
        BigDecimal limit;
        if (c.field("limit_by").present()) {
            if (c.field("limit").present()) {
                c.field("limit").error("a cap by level gives its limits under limit_by, not limit");
                return null;
            }
            if (!c.field("limit_by").object("level", "limits")) {
                return null;
            }
            LevelTable t = levelTable(c.field("limit_by"), "limits", true);
            if (t == null) {
                return null;
            }
            byLevel = Optional.of(t);
            limit = t.highest();
        } else {
            limit = money(c.field("limit"), true);
        }
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
        return new Cap(id, scope, limit, covers, source, byLevel);
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
        Map<String, CountLimit> historyLimits = new HashMap<>();
        if (award != null) {
            award.limits().forEach(l -> historyLimits.put(l.id(), l));
        }
        Map<String, BigDecimal> history = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean ok = true;
        if (c.field("history").present()) {
            for (Map.Entry<String, Cursor> e : c.field("history").entries()) {
                if (historyLimits.containsKey(e.getKey())) {
                    Integer n = e.getValue().integer();
                    if (n != null && n < 0) {
                        e.getValue().error("a count of past awards is 0 or more, got " + n);
                        n = null;
                    }
                    ok &= n != null;
                    if (n != null) {
                        counts.put(e.getKey(), n);
                    }
                    continue;
                }
                if (award != null && !historyCaps.containsKey(e.getKey())) {
                    Set<String> expected = new java.util.TreeSet<>(historyCaps.keySet());
                    expected.addAll(historyLimits.keySet());
                    e.getValue().error("'" + e.getKey() + "' is not a cap or limit of this clause that counts past "
                            + "awards; expected one of " + expected);
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
        return new WorkedExample(name, asOf, year, facts, history, counts, expect);
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
        if (!c.object("eligible", "amount", "uncapped", "binding_caps", "reasons", "trace_contains",
                "preview_amount")) {
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
        Optional<BigDecimal> previewAmount = Optional.empty();
        boolean ok = true;
        if (eligible) {
            if (c.field("preview_amount").present()) {
                c.field("preview_amount").error("an eligible example gives its amount under amount");
                ok = false;
            }
            amount = Optional.ofNullable(money(c.field("amount"), false));
            ok &= amount.isPresent();
            if (c.field("uncapped").present()) {
                uncapped = Optional.ofNullable(money(c.field("uncapped"), false));
                ok &= uncapped.isPresent();
            }
            for (Cursor b : c.field("binding_caps").optionalList()) {
                String capId = b.text();
                if (capId != null && award != null
                        && allCaps(award).stream().noneMatch(cap -> cap.id().equals(capId))
                        && award.limits().stream().noneMatch(l -> l.id().equals(capId))) {
                    List<String> ids = allCaps(award).stream().map(Cap::id).collect(Collectors.toList());
                    award.limits().forEach(l -> ids.add(l.id()));
                    b.error("'" + capId + "' is not a cap or limit of this clause; expected one of " + ids);
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
            if (c.field("preview_amount").present()) {
                previewAmount = Optional.ofNullable(money(c.field("preview_amount"), false));
                ok &= previewAmount.isPresent();
            }
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
        return ok
                ? new WorkedExample.Expectation(eligible, amount, uncapped, bindingCaps, reasons, trace, previewAmount)
                : null;
    }

    /** The award's caps and the per-item caps inside its formula. */
    static List<Cap> allCaps(Award award) {
        List<Cap> out = new ArrayList<>(award.caps());
        addItemCaps(award.formula(), out);
        return out;
    }

    private static void addItemCaps(AwardFormula f, List<Cap> out) {
        if (f instanceof ForEachItem) {
            ((ForEachItem) f).itemCap().ifPresent(out::add);
            addItemCaps(((ForEachItem) f).formula(), out);
        } else if (f instanceof Sum) {
            ((Sum) f).parts().forEach(p -> addItemCaps(p, out));
        }
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
