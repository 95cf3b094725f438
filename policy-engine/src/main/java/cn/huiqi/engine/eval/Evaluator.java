package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huiqi.engine.model.AllOf;
import cn.huiqi.engine.model.AnyOf;
import cn.huiqi.engine.model.AwardFormula;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Comparison;
import cn.huiqi.engine.model.Condition;
import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.FactOperand;
import cn.huiqi.engine.model.FactType;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FixedAmount;
import cn.huiqi.engine.model.Max;
import cn.huiqi.engine.model.Min;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.Not;
import cn.huiqi.engine.model.Operator;
import cn.huiqi.engine.model.PerUnit;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.engine.model.RateOfBase;
import cn.huiqi.engine.model.Sum;
import cn.huiqi.engine.model.Validity;

/**
 * Judges clauses against facts: eligibility with reasons, and awards with a trace and the caps applied. Stateless and
 * thread-safe; one instance serves every caller.
 */
public final class Evaluator {

    /** Three-valued truth: a condition on a fact that was not provided is unknown, not false. */
    private enum Truth {
        TRUE, FALSE, UNKNOWN
    }

    /**
     * Whether the clause applies on {@code asOf}: the policy must be in force and the eligibility condition hold, and
     * every fact the award formula reads must be provided. Missing facts are reasons, not exceptions.
     */
    public EligibilityResult checkEligibility(Clause clause, Facts facts, LocalDate asOf) {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        List<Reason> reasons = new ArrayList<>(4);
        boolean inForce = checkValidity(clause, asOf, reasons);
        Truth truth = eval(clause, clause.eligibility(), facts, reasons);
        List<FactDefinition> formulaMissing = missingFormulaFacts(clause.award().formula(), facts, null);
        boolean formulaFactsMissing = formulaMissing != null;
        if (formulaFactsMissing) {
            for (FactDefinition f : formulaMissing) {
                if (reasons.stream().noneMatch(r -> r.kind() == ReasonKind.FACT_MISSING
                        && r.fact().equals(Optional.of(f.name())))) {
                    reasons.add(missing(clause, "award.formula", f));
                }
            }
        }
        EligibilityResult.Outcome outcome;
        if (!inForce || truth == Truth.FALSE) {
            outcome = EligibilityResult.Outcome.NOT_ELIGIBLE;
        } else if (truth == Truth.UNKNOWN || formulaFactsMissing) {
            outcome = EligibilityResult.Outcome.INCOMPLETE;
        } else {
            outcome = EligibilityResult.Outcome.ELIGIBLE;
        }
        return new EligibilityResult(clause.id(), asOf, outcome, reasons);
    }

    /**
     * The award under the clause for one application in {@code year}: the formula's exact result, rounded as the
     * clause says, then cut by each cap against what {@code history} reports as already awarded. Does not check
     * eligibility; call {@link #checkEligibility} first.
     *
     * @throws MissingFactException if a fact the formula reads was not provided
     */
    public AwardResult computeAward(Clause clause, Facts facts, AwardHistory history, int year) {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(history, "history");
        List<FactDefinition> missing = missingFormulaFacts(clause.award().formula(), facts, null);
        if (missing != null) {
            throw new MissingFactException(clause.id(),
                    missing.stream().map(FactDefinition::name).collect(Collectors.toList()));
        }
        List<TraceStep> trace = new ArrayList<>(8);
        BigDecimal exact = compute(clause.award().formula(), facts, trace);
        if (exact.signum() < 0) {
            trace.add(new TraceStep("计算结果为负（" + Money.format(exact) + "），按 0.00 计",
                    "negative result (" + Money.format(exact) + ") counts as 0.00"));
            exact = BigDecimal.ZERO;
        }
        BigDecimal uncapped = clause.award().rounding().apply(exact);
        if (uncapped.compareTo(exact) != 0) {
            trace.add(new TraceStep(
                    "按" + clause.award().rounding().step().zh() + clause.award().rounding().mode().zh() + "："
                            + Money.format(exact) + " → " + Money.format(uncapped),
                    clause.award().rounding().mode().en() + " to the " + clause.award().rounding().step().en() + ": "
                            + Money.format(exact) + " → " + Money.format(uncapped)));
        }
        BigDecimal amount = uncapped;
        List<CapApplication> applied = new ArrayList<>(clause.award().caps().size());
        for (Cap cap : clause.award().caps()) {
            BigDecimal already = cap.scope().usesHistory() ? alreadyAwarded(history, cap, year) : Money.ZERO;
            BigDecimal remaining = cap.limit().subtract(already).max(Money.ZERO);
            BigDecimal after = amount.min(remaining);
            BigDecimal cut = amount.subtract(after);
            applied.add(new CapApplication(cap, cap.limit(), already, remaining, amount, after, cut));
            trace.add(capStep(cap, already, remaining, cut, year));
            amount = after;
        }
        trace.add(new TraceStep("核定奖励金额 " + Money.format(amount), "award " + Money.format(amount)));
        return new AwardResult(clause.id(), year, uncapped, amount, trace, applied);
    }

    private static BigDecimal alreadyAwarded(AwardHistory history, Cap cap, int year) {
        BigDecimal already = history.alreadyAwarded(cap, year);
        if (already == null || already.signum() < 0 || already.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalStateException("award history for cap " + cap.id() + " must be a non-negative amount "
                    + "with at most 2 decimals, got " + already);
        }
        return already.setScale(Money.SCALE);
    }

    private static TraceStep capStep(Cap cap, BigDecimal already, BigDecimal remaining, BigDecimal cut, int year) {
        String limit = Money.format(cap.limit());
        String zhCut = cut.signum() > 0 ? "核减 " + Money.format(cut) : "未超限";
        String enCut = cut.signum() > 0 ? "cut " + Money.format(cut) : "not reached";
        switch (cap.scope()) {
            case ITEM :
                return new TraceStep(cap.source() + "（单项上限 " + limit + "）：" + zhCut,
                        "per-item cap " + limit + ": " + enCut);
            case ENTERPRISE_YEAR :
                return new TraceStep(cap.source() + "（每家企业每年上限 " + limit + "）：" + year + "年已奖励 "
                        + Money.format(already) + "，剩余额度 " + Money.format(remaining) + "，" + zhCut,
                        "cap per enterprise per year " + limit + ": already awarded in " + year + " "
                                + Money.format(already) + ", remaining " + Money.format(remaining) + ", " + enCut);
            case ENTERPRISE_TOTAL :
                return new TraceStep(cap.source() + "（每家企业累计上限 " + limit + "）：累计已奖励 "
                        + Money.format(already) + "，剩余额度 " + Money.format(remaining) + "，" + zhCut,
                        "cumulative cap per enterprise " + limit + ": already awarded " + Money.format(already)
                                + ", remaining " + Money.format(remaining) + ", " + enCut);
            default :
                throw new IllegalStateException("unhandled cap scope " + cap.scope());
        }
    }

    // ---- validity

    private static boolean checkValidity(Clause clause, LocalDate asOf, List<Reason> reasons) {
        Validity v = clause.validity();
        String path = "validity";
        if (v.status() == PolicyStatus.DRAFT_FOR_COMMENT) {
            reasons.add(validityReason(clause, ReasonKind.NOT_IN_FORCE,
                    new Bilingual("政策为征求意见稿，尚未施行", "the policy is a draft for comment and not in force")));
            return false;
        }
        if (v.effectiveFrom().isPresent() && asOf.isBefore(v.effectiveFrom().get())) {
            LocalDate from = v.effectiveFrom().get();
            reasons.add(new Reason(clause.id(), ReasonKind.NOT_IN_FORCE, path, Optional.empty(),
                    Optional.of("≥ " + from), Optional.of(asOf.toString()),
                    Optional.of(BigDecimal.valueOf(ChronoUnit.DAYS.between(asOf, from))),
                    new Bilingual("政策自" + from + "起施行，" + asOf + "尚未施行",
                            "the policy is in force from " + from + ", not yet on " + asOf),
                    v.source()));
            return false;
        }
        if (v.effectiveUntil().isPresent() && asOf.isAfter(v.effectiveUntil().get())) {
            LocalDate until = v.effectiveUntil().get();
            reasons.add(new Reason(clause.id(), ReasonKind.NOT_IN_FORCE, path, Optional.empty(),
                    Optional.of("≤ " + until), Optional.of(asOf.toString()),
                    Optional.of(BigDecimal.valueOf(ChronoUnit.DAYS.between(until, asOf))),
                    new Bilingual("政策有效期至" + until + "，" + asOf + "已失效",
                            "the policy was in force until " + until + ", no longer on " + asOf),
                    v.source()));
            return false;
        }
        if ((v.status() == PolicyStatus.EXPIRED || v.status() == PolicyStatus.REPEALED)
                && v.effectiveUntil().isEmpty()) {
            reasons.add(validityReason(clause, ReasonKind.NOT_IN_FORCE, v.status() == PolicyStatus.EXPIRED
                    ? new Bilingual("政策已失效", "the policy has expired")
                    : new Bilingual("政策已废止", "the policy has been repealed")));
            return false;
        }
        if (v.effectiveFrom().isEmpty()) {
            reasons.add(validityReason(clause, ReasonKind.NOTE, new Bilingual(
                    "政策施行日期未知（来源未载明发布日期），按政策状态“现行有效”判断",
                    "the policy's effective date is unknown (the sources do not give the publication date); "
                            + "judged in force from its status")));
        }
        return true;
    }

    private static Reason validityReason(Clause clause, ReasonKind kind, Bilingual message) {
        return new Reason(clause.id(), kind, "validity", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), message, clause.validity().source());
    }

    // ---- conditions

    private static Truth eval(Clause clause, Condition c, Facts facts, List<Reason> reasons) {
        if (c instanceof Comparison) {
            return compare(clause, (Comparison) c, facts, reasons);
        }
        if (c instanceof AllOf) {
            Truth result = Truth.TRUE;
            for (Condition child : ((AllOf) c).conditions()) {
                Truth t = eval(clause, child, facts, reasons);
                if (t == Truth.FALSE) {
                    result = Truth.FALSE;
                } else if (t == Truth.UNKNOWN && result == Truth.TRUE) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
        if (c instanceof AnyOf) {
            AnyOf any = (AnyOf) c;
            List<Reason> childReasons = new ArrayList<>(any.conditions().size());
            Truth result = Truth.FALSE;
            for (Condition child : any.conditions()) {
                Truth t = eval(clause, child, facts, childReasons);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            if (result == Truth.FALSE) {
                Bilingual what = any.label().orElse(new Bilingual("以下条件", "the following conditions"));
                reasons.add(new Reason(clause.id(), ReasonKind.CONDITION_NOT_MET, any.path(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(),
                        new Bilingual(what.zh() + "须至少满足一项，均未满足",
                                "at least one of " + what.en() + " must hold; none does"),
                        clause.source()));
                reasons.addAll(childReasons);
            } else {
                // undecided: what is missing matters; the alternatives that failed do not block
                for (Reason r : childReasons) {
                    if (r.kind() == ReasonKind.FACT_MISSING) {
                        reasons.add(r);
                    }
                }
            }
            return result;
        }
        if (c instanceof Not) {
            Not not = (Not) c;
            List<Reason> childReasons = new ArrayList<>(2);
            Truth t = eval(clause, not.condition(), facts, childReasons);
            if (t == Truth.TRUE) {
                Bilingual what = not.label().orElseGet(() -> describe(not.condition()));
                reasons.add(new Reason(clause.id(), ReasonKind.CONDITION_NOT_MET, not.path(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(),
                        new Bilingual("不得符合：" + what.zh(), "must not hold: " + what.en()), clause.source()));
                return Truth.FALSE;
            }
            if (t == Truth.UNKNOWN) {
                for (Reason r : childReasons) {
                    if (r.kind() == ReasonKind.FACT_MISSING) {
                        reasons.add(r);
                    }
                }
                return Truth.UNKNOWN;
            }
            return Truth.TRUE;
        }
        throw new IllegalStateException("unhandled condition " + c.getClass());
    }

    private static Truth compare(Clause clause, Comparison cmp, Facts facts, List<Reason> reasons) {
        Object actual;
        if (cmp.operand() instanceof FactOperand) {
            FactDefinition f = ((FactOperand) cmp.operand()).fact();
            actual = read(facts, f);
            if (actual == null) {
                reasons.add(missing(clause, cmp.path(), f));
                return Truth.UNKNOWN;
            }
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            boolean complete = true;
            for (FactDefinition f : cmp.operand().facts()) {
                Object v = read(facts, f);
                if (v == null) {
                    reasons.add(missing(clause, cmp.path(), f));
                    complete = false;
                } else {
                    sum = sum.add((BigDecimal) v);
                }
            }
            if (!complete) {
                return Truth.UNKNOWN;
            }
            actual = sum;
        }
        if (holds(cmp.operator(), actual, cmp.values())) {
            return Truth.TRUE;
        }
        reasons.add(failure(clause, cmp, actual));
        return Truth.FALSE;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean holds(Operator op, Object actual, List<Object> values) {
        switch (op) {
            case EQ :
                return same(actual, values.get(0));
            case NE :
                return !same(actual, values.get(0));
            case IN :
                for (Object v : values) {
                    if (same(actual, v)) {
                        return true;
                    }
                }
                return false;
            case CONTAINS :
                return ((Set<?>) actual).contains(values.get(0));
            default :
                int c = ((Comparable) actual).compareTo(values.get(0));
                switch (op) {
                    case GT :
                        return c > 0;
                    case GE :
                        return c >= 0;
                    case LT :
                        return c < 0;
                    case LE :
                        return c <= 0;
                    default :
                        throw new IllegalStateException("unhandled operator " + op);
                }
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        }
        return a.equals(b);
    }

    /**
     * The fact's value, or null if not provided; refuses a value of another type (facts built with another pack's
     * vocabulary) instead of failing on a cast.
     */
    private static Object read(Facts facts, FactDefinition f) {
        Object v = facts.valueOrNull(f.name());
        if (v == null) {
            return null;
        }
        boolean fits;
        switch (f.type()) {
            case MONEY :
            case COUNT :
            case DECIMAL :
            case RATIO :
                fits = v instanceof BigDecimal;
                break;
            case BOOLEAN :
                fits = v instanceof Boolean;
                break;
            case DATE :
                fits = v instanceof LocalDate;
                break;
            default :
                fits = f.multiple() ? v instanceof Set : v instanceof String;
        }
        if (!fits) {
            throw new IllegalArgumentException("fact " + f.name() + " holds a " + v.getClass().getSimpleName()
                    + " but the clause reads it as " + f.type().code()
                    + "; build Facts with the vocabulary of the clause's pack");
        }
        return v;
    }

    private static Reason missing(Clause clause, String path, FactDefinition f) {
        return new Reason(clause.id(), ReasonKind.FACT_MISSING, path, Optional.of(f.name()), Optional.empty(),
                Optional.empty(), Optional.empty(),
                new Bilingual("未提供" + f.label().zh() + "（" + f.name() + "）",
                        "fact " + f.name() + " (" + f.label().en() + ") not provided"),
                clause.source());
    }

    private static Reason failure(Clause clause, Comparison cmp, Object actual) {
        FactDefinition unitOf = cmp.operand().first();
        FactType type = cmp.operand().type();
        Operator op = cmp.operator();
        Optional<BigDecimal> shortfall = shortfall(op, type, actual, cmp.value());
        String expectedZh = values(cmp, unitOf, true);
        String expectedEn = values(cmp, unitOf, false);
        String actualZh = Display.withUnit(unitOf, actual, true);
        String actualEn = Display.withUnit(unitOf, actual, false);
        Bilingual label = cmp.effectiveLabel();
        StringBuilder zh = new StringBuilder(64).append(label.zh()).append("：需").append(op.zh()).append(expectedZh)
                .append("，实际").append(actualZh);
        StringBuilder en = new StringBuilder(96).append(label.en()).append(": required ").append(op.en()).append(' ')
                .append(expectedEn).append(", actual ").append(actualEn);
        if (shortfall.isPresent()) {
            String s = type == FactType.DATE ? shortfall.get().toPlainString() : null;
            String szh = s != null ? s + "天" : Display.withUnit(unitOf, shortfall.get(), true);
            String sen = s != null ? s + " day(s)" : Display.withUnit(unitOf, shortfall.get(), false);
            if (op.isUpperBound()) {
                zh.append("，超出").append(szh);
                en.append(", over by ").append(sen);
            } else {
                zh.append("，差").append(szh);
                en.append(", short by ").append(sen);
            }
        }
        zh.append('。');
        en.append('.');
        String expectedSymbolic = op.symbol() + " " + cmp.values().stream()
                .map(v -> Display.plain(type, v, false)).collect(Collectors.joining(", "));
        return new Reason(clause.id(), ReasonKind.CONDITION_NOT_MET, cmp.path(),
                Optional.of(cmp.operand().expression()), Optional.of(expectedSymbolic),
                Optional.of(Display.plain(type, actual, false)), shortfall,
                new Bilingual(zh.toString(), en.toString()), clause.source());
    }

    private static String values(Comparison cmp, FactDefinition unitOf, boolean zh) {
        if (cmp.values().size() == 1) {
            return Display.withUnit(unitOf, cmp.value(), zh);
        }
        return cmp.values().stream().map(v -> Display.plain(unitOf, v, zh))
                .collect(Collectors.joining(zh ? "、" : ", "));
    }

    /** How far {@code actual} is from meeting a bound; for strict bounds on whole steps, the step is added. */
    private static Optional<BigDecimal> shortfall(Operator op, FactType type, Object actual, Object bound) {
        if (!op.isLowerBound() && !op.isUpperBound()) {
            return Optional.empty();
        }
        BigDecimal gap;
        if (type == FactType.DATE) {
            long days = ChronoUnit.DAYS.between((LocalDate) actual, (LocalDate) bound);
            gap = BigDecimal.valueOf(op.isLowerBound() ? days : -days);
        } else if (type.isNumeric()) {
            BigDecimal a = (BigDecimal) actual;
            BigDecimal b = (BigDecimal) bound;
            gap = op.isLowerBound() ? b.subtract(a) : a.subtract(b);
        } else {
            return Optional.empty();
        }
        if (op.isStrict()) {
            gap = gap.add(step(type));
        }
        return gap.signum() > 0 ? Optional.of(gap) : Optional.empty();
    }

    private static BigDecimal step(FactType type) {
        switch (type) {
            case COUNT :
            case DATE :
                return BigDecimal.ONE;
            case MONEY :
                return new BigDecimal("0.01");
            default :
                return BigDecimal.ZERO;
        }
    }

    /** A condition in words, for "must not hold" reasons. */
    private static Bilingual describe(Condition c) {
        if (c instanceof Comparison) {
            Comparison cmp = (Comparison) c;
            FactDefinition unitOf = cmp.operand().first();
            Bilingual label = cmp.effectiveLabel();
            return new Bilingual(label.zh() + cmp.operator().zh() + values(cmp, unitOf, true),
                    label.en() + " " + cmp.operator().en() + " " + values(cmp, unitOf, false));
        }
        List<Condition> children;
        String zhJoin;
        String enJoin;
        if (c instanceof AllOf) {
            children = ((AllOf) c).conditions();
            zhJoin = "且";
            enJoin = " and ";
        } else if (c instanceof AnyOf) {
            children = ((AnyOf) c).conditions();
            zhJoin = "或";
            enJoin = " or ";
        } else {
            Bilingual inner = describe(((Not) c).condition());
            return new Bilingual("非（" + inner.zh() + "）", "not (" + inner.en() + ")");
        }
        List<Bilingual> parts = children.stream().map(Evaluator::describe).collect(Collectors.toList());
        return new Bilingual(parts.stream().map(Bilingual::zh).collect(Collectors.joining(zhJoin, "（", "）")),
                parts.stream().map(Bilingual::en).collect(Collectors.joining(enJoin, "(", ")")));
    }

    // ---- formulas

    /**
     * The names of every fact a clause reads (conditions and award formula), in order of first use: what to collect
     * from an enterprise before judging it.
     */
    public static Set<String> factsRead(Clause clause) {
        Set<String> out = new LinkedHashSet<>();
        collectFacts(clause.eligibility(), out);
        collectFacts(clause.award().formula(), out);
        return Collections.unmodifiableSet(out);
    }

    private static void collectFacts(Condition c, Set<String> out) {
        if (c instanceof Comparison) {
            ((Comparison) c).operand().facts().forEach(f -> out.add(f.name()));
        } else if (c instanceof AllOf) {
            ((AllOf) c).conditions().forEach(child -> collectFacts(child, out));
        } else if (c instanceof AnyOf) {
            ((AnyOf) c).conditions().forEach(child -> collectFacts(child, out));
        } else if (c instanceof Not) {
            collectFacts(((Not) c).condition(), out);
        }
    }

    private static void collectFacts(AwardFormula f, Set<String> out) {
        if (f instanceof RateOfBase) {
            out.add(((RateOfBase) f).base().name());
        } else if (f instanceof PerUnit) {
            out.add(((PerUnit) f).quantity().name());
        } else {
            parts(f).forEach(p -> collectFacts(p, out));
        }
    }

    /** The parts of a sum, min or max; none for the leaves. */
    private static List<AwardFormula> parts(AwardFormula f) {
        if (f instanceof Sum) {
            return ((Sum) f).parts();
        }
        if (f instanceof Min) {
            return ((Min) f).parts();
        }
        if (f instanceof Max) {
            return ((Max) f).parts();
        }
        return List.of();
    }

    /** The formula's facts that are not provided, added to {@code out}; null (no allocation) when none is missing. */
    private static List<FactDefinition> missingFormulaFacts(AwardFormula f, Facts facts, List<FactDefinition> out) {
        FactDefinition read = f instanceof RateOfBase
                ? ((RateOfBase) f).base()
                : f instanceof PerUnit ? ((PerUnit) f).quantity() : null;
        if (read != null) {
            if (!facts.has(read.name())) {
                out = out == null ? new ArrayList<>(2) : out;
                if (!out.contains(read)) {
                    out.add(read);
                }
            }
            return out;
        }
        for (AwardFormula p : parts(f)) {
            out = missingFormulaFacts(p, facts, out);
        }
        return out;
    }

    private static BigDecimal compute(AwardFormula f, Facts facts, List<TraceStep> trace) {
        if (f instanceof FixedAmount) {
            FixedAmount fixed = (FixedAmount) f;
            Bilingual label = fixed.label().orElse(new Bilingual("定额", "fixed amount"));
            trace.add(new TraceStep(label.zh() + " " + Money.format(fixed.amount()),
                    label.en() + " " + Money.format(fixed.amount())));
            return fixed.amount();
        }
        if (f instanceof RateOfBase) {
            RateOfBase rate = (RateOfBase) f;
            BigDecimal base = (BigDecimal) read(facts, rate.base());
            BigDecimal result = base.multiply(rate.rate());
            Bilingual label = rate.label().orElse(rate.base().label());
            String tail = " × " + Display.percent(rate.rate()) + " = " + Money.format(result);
            trace.add(new TraceStep(label.zh() + " " + Money.format(base) + tail,
                    label.en() + " " + Money.format(base) + tail));
            return result;
        }
        if (f instanceof PerUnit) {
            PerUnit per = (PerUnit) f;
            BigDecimal quantity = (BigDecimal) read(facts, per.quantity());
            BigDecimal result = per.amountPerUnit().multiply(quantity);
            Bilingual label = per.label().orElse(per.quantity().label());
            String q = Display.plain(per.quantity().type(), quantity, true);
            String tail = " × " + Money.format(per.amountPerUnit()) + " = " + Money.format(result);
            String zhUnit = per.quantity().unit().isPresent() ? " " + per.quantity().unitZh() : "";
            String enUnit = per.quantity().unit().isPresent() ? " " + per.quantity().unitEn() : "";
            trace.add(new TraceStep(label.zh() + " " + q + zhUnit + tail, label.en() + " " + q + enUnit + tail));
            return result;
        }
        List<AwardFormula> parts;
        Bilingual label;
        if (f instanceof Sum) {
            parts = ((Sum) f).parts();
            label = ((Sum) f).label().orElse(new Bilingual("合计", "total"));
        } else if (f instanceof Min) {
            parts = ((Min) f).parts();
            label = ((Min) f).label().orElse(new Bilingual("取最小值", "smallest"));
        } else if (f instanceof Max) {
            parts = ((Max) f).parts();
            label = ((Max) f).label().orElse(new Bilingual("取最大值", "largest"));
        } else {
            throw new IllegalStateException("unhandled formula " + f.getClass());
        }
        List<BigDecimal> values = new ArrayList<>(parts.size());
        for (AwardFormula p : parts) {
            values.add(compute(p, facts, trace));
        }
        BigDecimal result = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            BigDecimal v = values.get(i);
            result = f instanceof Sum ? result.add(v) : f instanceof Min ? result.min(v) : result.max(v);
        }
        List<String> formatted = values.stream().map(Money::format).collect(Collectors.toList());
        String shown = f instanceof Sum ? String.join(" + ", formatted) : "(" + String.join(", ", formatted) + ")";
        String op = f instanceof Sum ? "" : f instanceof Min ? "min" : "max";
        String tail = " " + op + shown + " = " + Money.format(result);
        trace.add(new TraceStep(label.zh() + tail, label.en() + tail));
        return result;
    }
}
