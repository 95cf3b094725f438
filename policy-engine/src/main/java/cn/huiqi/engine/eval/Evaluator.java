package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.huiqi.engine.model.AllOf;
import cn.huiqi.engine.model.AmountBasis;
import cn.huiqi.engine.model.AnyOf;
import cn.huiqi.engine.model.Award;
import cn.huiqi.engine.model.AwardFormula;
import cn.huiqi.engine.model.AwardKind;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.ByLevel;
import cn.huiqi.engine.model.ByYear;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Comparison;
import cn.huiqi.engine.model.Condition;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.FactOperand;
import cn.huiqi.engine.model.FactType;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FixedAmount;
import cn.huiqi.engine.model.ForEachItem;
import cn.huiqi.engine.model.LevelTable;
import cn.huiqi.engine.model.Max;
import cn.huiqi.engine.model.Min;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.NoAmount;
import cn.huiqi.engine.model.Not;
import cn.huiqi.engine.model.Operator;
import cn.huiqi.engine.model.PerStep;
import cn.huiqi.engine.model.PerUnit;
import cn.huiqi.engine.model.PerUnitPeriod;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.engine.model.Quantity;
import cn.huiqi.engine.model.RateOfBase;
import cn.huiqi.engine.model.Region;
import cn.huiqi.engine.model.SomeItem;
import cn.huiqi.engine.model.Sum;
import cn.huiqi.engine.model.Tiered;
import cn.huiqi.engine.model.Validity;

/**
 * Judges clauses against facts: eligibility with reasons, and awards with a trace and the caps applied. Stateless and
 * thread-safe; one instance serves every caller. {@link #decideOnly()} decides the same without writing the
 * explanation, for bulk screening.
 */
public final class Evaluator {

    private static final Evaluator DECIDE_ONLY = new Evaluator(false);

    /** The message of a reason decided without its explanation. */
    private static final Bilingual UNEXPLAINED = new Bilingual("", "");

    /** Whether reasons are written in words and awards traced. */
    private final boolean explain;

    /** An evaluator that explains every answer: each reason in words, each step of the award in its trace. */
    public Evaluator() {
        this(true);
    }

    private Evaluator(boolean explain) {
        this.explain = explain;
    }

    /**
     * An evaluator for bulk runs such as 免申即享 screening, which decides exactly what {@code new Evaluator()} decides
     * but does not write the explanation: for the whole pack, under a third of the garbage (see BENCHMARKS.md).
     * <ul>
     * <li>{@link #checkEligibility}: the same outcome and the same reasons in the same order, each with its clause id,
     * kind, condition path, fact, shortfall and source, so {@link EligibilityResult#eligibleOnceInForce()},
     * {@link EligibilityResult#blockingReasons()} and the missing facts are the same. Left out: each reason's
     * {@code message} (empty text in both languages), {@code expected} and {@code actual} (empty).</li>
     * <li>{@link #computeAward}: the same uncapped amount, amount, kind and basis, the same caps applied and count
     * limits applied with all their figures, and the same {@link MissingFactException}. Left out: the {@code trace}
     * (empty).</li>
     * </ul>
     */
    public static Evaluator decideOnly() {
        return DECIDE_ONLY;
    }

    /** Whether this evaluator writes reasons in words and the award's trace ({@code false} for {@link #decideOnly}). */
    public boolean explains() {
        return explain;
    }

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
        boolean inRegion = checkRegion(clause, facts, reasons);
        Truth truth = eval(clause, clause.eligibility(), facts, reasons);
        List<FactDefinition> formulaMissing = missingAwardFacts(clause.award(), facts);
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
        if (!inForce || !inRegion || truth == Truth.FALSE) {
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
        Award award = clause.award();
        List<FactDefinition> missing = missingAwardFacts(award, facts);
        if (missing != null) {
            throw new MissingFactException(clause.id(),
                    missing.stream().map(FactDefinition::name).collect(Collectors.toList()));
        }
        Context ctx = new Context(clause, explain);
        BigDecimal exact = compute(award.formula(), facts, ctx);
        if (exact.signum() < 0) {
            if (explain) {
                ctx.trace.add(new TraceStep("计算结果为负（" + Money.format(exact) + "），按 0.00 计",
                        "negative result (" + Money.format(exact) + ") counts as 0.00"));
            }
            exact = BigDecimal.ZERO;
        }
        // item caps inside the formula (one per item) have already cut: the uncapped amount adds their cuts back
        BigDecimal itemCuts = ctx.itemCuts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal uncappedExact = exact.add(itemCuts);
        BigDecimal uncapped = award.rounding().apply(uncappedExact);
        if (explain && uncapped.compareTo(uncappedExact) != 0) {
            ctx.trace.add(new TraceStep(
                    "按" + award.rounding().step().zh() + award.rounding().mode().zh() + "："
                            + Money.format(uncappedExact) + " → " + Money.format(uncapped),
                    award.rounding().mode().en() + " to the " + award.rounding().step().en() + ": "
                            + Money.format(uncappedExact) + " → " + Money.format(uncapped)));
        }
        List<TraceStep> trace = ctx.trace;
        BigDecimal amount = uncapped;
        List<CapApplication> applied = new ArrayList<>(award.caps().size() + ctx.itemCuts.size());
        if (!ctx.itemCuts.isEmpty()) {
            BigDecimal afterItems = award.rounding().apply(exact);
            int n = 0;
            for (Map.Entry<Cap, BigDecimal> e : ctx.itemCuts.entrySet()) {
                boolean last = ++n == ctx.itemCuts.size();
                BigDecimal cut = last
                        ? amount.subtract(afterItems)
                        : e.getValue().setScale(Money.SCALE, RoundingMode.DOWN);
                BigDecimal after = amount.subtract(cut);
                applied.add(new CapApplication(e.getKey(), e.getKey().limit(), Money.ZERO, e.getKey().limit(), amount,
                        after, cut));
                amount = after;
            }
        }
        for (Cap cap : award.caps()) {
            BigDecimal limit = capLimit(cap, facts);
            BigDecimal already = cap.scope().usesHistory() ? alreadyAwarded(history, cap, year) : Money.ZERO;
            BigDecimal remaining = limit.subtract(already).max(Money.ZERO);
            BigDecimal after = amount.min(remaining);
            BigDecimal cut = amount.subtract(after);
            applied.add(new CapApplication(cap, limit, already, remaining, amount, after, cut));
            if (explain) {
                trace.add(capStep(cap, limit, levelWords(cap, facts), already, remaining, cut, year));
            }
            amount = after;
        }
        List<LimitApplication> limits = new ArrayList<>(award.limits().size());
        for (CountLimit limit : award.limits()) {
            int counted = history.awardsCounted(limit, year);
            if (counted < 0) {
                throw new IllegalStateException("award count for limit " + limit.id() + " is negative: " + counted);
            }
            boolean reached = award.computable() && counted >= limit.atMost();
            limits.add(new LimitApplication(limit, counted, reached));
            if (explain) {
                trace.add(limitStep(limit, counted, reached, amount, year));
            }
            if (reached) {
                amount = Money.ZERO;
            }
        }
        if (explain) {
            trace.add(finalStep(award, amount));
        }
        return new AwardResult(clause.id(), year, uncapped, amount, explain ? trace : List.of(), applied, award.kind(),
                award.basis(),
                limits);
    }

    private static TraceStep limitStep(CountLimit limit, int counted, boolean reached, BigDecimal amount, int year) {
        String window = limit.years() == 1
                ? year + "年"
                : limit.firstYear(year) + "—" + year + "年";
        String enWindow = limit.years() == 1 ? "in " + year : "in " + limit.firstYear(year) + "–" + year;
        Bilingual rule = limit.describe();
        if (reached) {
            return new TraceStep(limit.source() + "（" + rule.zh() + "）：" + window + "已获 " + counted + " 项，已达上限，本项 "
                    + Money.format(amount) + " 不予支持",
                    rule.en() + ": " + counted + " already received " + enWindow + ", the limit is reached, so this "
                            + Money.format(amount) + " is refused");
        }
        return new TraceStep(limit.source() + "（" + rule.zh() + "）：" + window + "已获 " + counted + " 项，未达上限",
                rule.en() + ": " + counted + " already received " + enWindow + ", below the limit");
    }

    private static TraceStep finalStep(Award award, BigDecimal amount) {
        String a = Money.format(amount);
        if (!award.computable()) {
            Bilingual why = award.notComputable().orElseThrow().explanation();
            return new TraceStep("不计算金额（" + award.kind().zh() + "，" + award.basis().zh() + "）：" + why.zh(),
                    "no amount (" + award.kind().en() + ", " + award.basis().en() + "): " + why.en());
        }
        String zhWhat = award.kind() == AwardKind.INVESTMENT ? "投资金额" : "奖励金额";
        String enWhat = award.kind() == AwardKind.INVESTMENT ? "investment" : "award";
        String zhKind = award.kind() == AwardKind.INVESTMENT ? "（投资，非奖补）" : "";
        String enKind = award.kind() == AwardKind.INVESTMENT ? " (an investment, not a grant)" : "";
        if (award.basis() == AmountBasis.REVIEW_MAXIMUM) {
            return new TraceStep("最高" + zhWhat + " " + a + zhKind + "，具体金额由评审核定",
                    "at most " + a + " " + enWhat + enKind + "; review decides the amount");
        }
        return new TraceStep("核定" + zhWhat + " " + a + zhKind, enWhat + " " + a + enKind);
    }

    /** The cap's limit; for a cap by level, the limit of the applicant's level (zero for a level not listed). */
    private static BigDecimal capLimit(Cap cap, Facts facts) {
        if (cap.limitByLevel().isEmpty()) {
            return cap.limit();
        }
        LevelTable table = cap.limitByLevel().get();
        Object level = read(facts, table.level());
        return table.get((String) level).map(Money::of).orElse(Money.ZERO);
    }

    private static Optional<Bilingual> levelWords(Cap cap, Facts facts) {
        return cap.limitByLevel().map(t -> {
            Object level = read(facts, t.level());
            return new Bilingual(Display.plain(t.level(), level, true), Display.plain(t.level(), level, false));
        });
    }

    /**
     * What computing an award accumulates besides its value: the trace (null when not explaining) and the cuts of
     * per-item caps.
     */
    private static final class Context {
        final Clause clause;
        final List<TraceStep> trace;
        final Map<Cap, BigDecimal> itemCuts = new LinkedHashMap<>(2);

        Context(Clause clause, boolean explain) {
            this.clause = clause;
            this.trace = explain ? new ArrayList<>(8) : null;
        }
    }

    private static BigDecimal alreadyAwarded(AwardHistory history, Cap cap, int year) {
        BigDecimal already = history.alreadyAwarded(cap, year);
        if (already == null || already.signum() < 0 || already.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalStateException("award history for cap " + cap.id() + " must be a non-negative amount "
                    + "with at most 2 decimals, got " + already);
        }
        return already.setScale(Money.SCALE);
    }

    private static TraceStep capStep(Cap cap, BigDecimal limitAmount, Optional<Bilingual> level, BigDecimal already,
            BigDecimal remaining, BigDecimal cut, int year) {
        String zhLimit = level.map(l -> l.zh() + " ").orElse("") + Money.format(limitAmount);
        String enLimit = Money.format(limitAmount) + level.map(l -> " (" + l.en() + ")").orElse("");
        String zhCut = cut.signum() > 0 ? "核减 " + Money.format(cut) : "未超限";
        String enCut = cut.signum() > 0 ? "cut " + Money.format(cut) : "not reached";
        switch (cap.scope()) {
            case ITEM :
                return new TraceStep(cap.source() + "（单项上限 " + zhLimit + "）：" + zhCut,
                        "per-item cap " + enLimit + ": " + enCut);
            case ENTERPRISE_YEAR :
                return new TraceStep(cap.source() + "（每家企业每年上限 " + zhLimit + "）：" + year + "年已奖励 "
                        + Money.format(already) + "，剩余额度 " + Money.format(remaining) + "，" + zhCut,
                        "cap per enterprise per year " + enLimit + ": already awarded in " + year + " "
                                + Money.format(already) + ", remaining " + Money.format(remaining) + ", " + enCut);
            case ENTERPRISE_TOTAL :
                return new TraceStep(cap.source() + "（每家企业累计上限 " + zhLimit + "）：累计已奖励 "
                        + Money.format(already) + "，剩余额度 " + Money.format(remaining) + "，" + zhCut,
                        "cumulative cap per enterprise " + enLimit + ": already awarded " + Money.format(already)
                                + ", remaining " + Money.format(remaining) + ", " + enCut);
            default :
                throw new IllegalStateException("unhandled cap scope " + cap.scope());
        }
    }

    // ---- validity

    private boolean checkValidity(Clause clause, LocalDate asOf, List<Reason> reasons) {
        Validity v = clause.validity();
        String path = "validity";
        if (v.status() == PolicyStatus.DRAFT_FOR_COMMENT) {
            reasons.add(validityReason(clause, ReasonKind.NOT_IN_FORCE,
                    new Bilingual("政策为征求意见稿，尚未施行", "the policy is a draft for comment and not in force")));
            return false;
        }
        if (v.effectiveFrom().isPresent() && asOf.isBefore(v.effectiveFrom().get())) {
            LocalDate from = v.effectiveFrom().get();
            Optional<BigDecimal> days = Optional.of(BigDecimal.valueOf(ChronoUnit.DAYS.between(asOf, from)));
            reasons.add(reason(clause.id(), ReasonKind.NOT_IN_FORCE, path, Optional.empty(), days, v.source(),
                    () -> new Words(Optional.of("≥ " + from), Optional.of(asOf.toString()),
                            new Bilingual("政策自" + from + "起施行，" + asOf + "尚未施行",
                                    "the policy is in force from " + from + ", not yet on " + asOf))));
            return false;
        }
        if (v.effectiveUntil().isPresent() && asOf.isAfter(v.effectiveUntil().get())) {
            LocalDate until = v.effectiveUntil().get();
            Optional<BigDecimal> days = Optional.of(BigDecimal.valueOf(ChronoUnit.DAYS.between(until, asOf)));
            reasons.add(reason(clause.id(), ReasonKind.NOT_IN_FORCE, path, Optional.empty(), days, v.source(),
                    () -> new Words(Optional.of("≤ " + until), Optional.of(asOf.toString()),
                            new Bilingual("政策有效期至" + until + "，" + asOf + "已失效",
                                    "the policy was in force until " + until + ", no longer on " + asOf))));
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

    /** The fact holding the enterprise's registered division (GB/T 2260), when the vocabulary declares it. */
    static final String REGION_FACT = "enterprise.region_code";

    /**
     * Whether the enterprise's registered division lies in the policy's area; without the fact, or without the
     * area's divisions, nothing is decided here (the region is matched where the facts come from).
     */
    private boolean checkRegion(Clause clause, Facts facts, List<Reason> reasons) {
        if (clause.region().isEmpty() || !facts.has(REGION_FACT)) {
            return true;
        }
        Region region = clause.region().get();
        Object value = facts.get(REGION_FACT).orElse(null);
        String division = value == null ? "" : value.toString();
        Region.Match match = region.match(division);
        switch (match) {
            case OUT :
                reasons.add(reason(clause.id(), ReasonKind.NOT_IN_REGION, "region", Optional.of(REGION_FACT),
                        Optional.empty(), clause.source(),
                        () -> new Words(Optional.of(region.divisionsInWords()), Optional.of(division),
                                new Bilingual("企业注册地（" + division + "）不在政策适用区域" + region.name().zh() + "内",
                                        "the enterprise is registered in " + division + ", outside "
                                                + region.name().en() + ", where the policy applies"))));
                return false;
            case PARTLY :
                reasons.add(reason(clause.id(), ReasonKind.NOTE, "region", Optional.of(REGION_FACT),
                        Optional.empty(), clause.source(),
                        () -> new Words(Optional.of(region.divisionsInWords()), Optional.of(division),
                                new Bilingual("企业注册地（" + division + "）部分属于" + region.name().zh()
                                        + "，是否在政策适用区域内由审核确认" + region.note().map(n -> "：" + n.zh()).orElse(""),
                                        "the enterprise's division " + division + " is partly in "
                                                + region.name().en() + "; review confirms it is inside the area"
                                                + region.note().map(n -> ": " + n.en()).orElse("")))));
                return true;
            default :
                return true;
        }
    }

    private Reason validityReason(Clause clause, ReasonKind kind, Bilingual message) {
        return reason(clause.id(), kind, "validity", Optional.empty(), Optional.empty(), clause.validity().source(),
                () -> Words.of(message));
    }

    /** The words of a reason: the bound required, the value found and the message. */
    private record Words(Optional<String> expected, Optional<String> actual, Bilingual message) {
        static Words of(Bilingual message) {
            return new Words(Optional.empty(), Optional.empty(), message);
        }
    }

    /**
     * A reason: what decides it (clause, kind, path, fact, shortfall, source) always; its words only when this
     * evaluator explains, so {@link #decideOnly()} never builds them.
     */
    private Reason reason(String clauseId, ReasonKind kind, String path, Optional<String> fact,
            Optional<BigDecimal> shortfall, String source, Supplier<Words> words) {
        if (!explain) {
            return new Reason(clauseId, kind, path, fact, Optional.empty(), Optional.empty(), shortfall, UNEXPLAINED,
                    source);
        }
        Words w = words.get();
        return new Reason(clauseId, kind, path, fact, w.expected(), w.actual(), shortfall, w.message(), source);
    }

    // ---- conditions

    private Truth eval(Clause clause, Condition c, Facts facts, List<Reason> reasons) {
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
                reasons.add(reason(clause.id(), ReasonKind.CONDITION_NOT_MET, any.path(), Optional.empty(),
                        Optional.empty(), clause.source(), () -> {
                            Bilingual what = any.label().orElse(new Bilingual("以下条件", "the following conditions"));
                            return Words.of(new Bilingual(what.zh() + "须至少满足一项，均未满足",
                                    "at least one of " + what.en() + " must hold; none does"));
                        }));
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
        if (c instanceof SomeItem) {
            return someItem(clause, (SomeItem) c, facts, reasons);
        }
        if (c instanceof Not) {
            Not not = (Not) c;
            List<Reason> childReasons = new ArrayList<>(2);
            Truth t = eval(clause, not.condition(), facts, childReasons);
            if (t == Truth.TRUE) {
                reasons.add(reason(clause.id(), ReasonKind.CONDITION_NOT_MET, not.path(), Optional.empty(),
                        Optional.empty(), clause.source(), () -> {
                            Bilingual what = not.label().orElseGet(() -> describe(not.condition()));
                            return Words.of(new Bilingual("不得符合：" + what.zh(), "must not hold: " + what.en()));
                        }));
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

    /** True when some item meets the condition; every failing item's reasons are kept, named by the item. */
    private Truth someItem(Clause clause, SomeItem some, Facts facts, List<Reason> reasons) {
        @SuppressWarnings("unchecked")
        List<Facts> items = (List<Facts>) read(facts, some.items());
        if (items == null) {
            reasons.add(missing(clause, some.path(), some.items()));
            return Truth.UNKNOWN;
        }
        List<Reason> itemReasons = new ArrayList<>();
        Truth result = Truth.FALSE;
        for (int i = 0; i < items.size(); i++) {
            List<Reason> child = new ArrayList<>(2);
            Truth t = eval(clause, some.where(), items.get(i), child);
            if (t == Truth.TRUE) {
                return Truth.TRUE;
            }
            if (t == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
            for (Reason r : child) {
                if (t == Truth.FALSE || r.kind() == ReasonKind.FACT_MISSING) {
                    itemReasons.add(ofItem(r, some.items(), i));
                }
            }
        }
        if (result == Truth.FALSE) {
            reasons.add(reason(clause.id(), ReasonKind.CONDITION_NOT_MET, some.path(),
                    Optional.of(some.items().name()), Optional.of(BigDecimal.ONE), clause.source(), () -> {
                        Bilingual what = some.label().orElse(some.items().label());
                        return new Words(Optional.of("≥ 1"), Optional.of("0"),
                                new Bilingual(what.zh() + "：须至少一项符合条件，申报的" + items.size() + "项均不符合",
                                        what.en() + ": at least one item must qualify; none of the " + items.size()
                                                + " does"));
                    }));
            reasons.addAll(itemReasons);
        } else {
            itemReasons.stream().filter(r -> r.kind() == ReasonKind.FACT_MISSING).forEach(reasons::add);
        }
        return result;
    }

    /** A reason about an item's field, renamed to the item: {@code item.sales} → {@code claim.products[1].sales}. */
    private Reason ofItem(Reason r, FactDefinition items, int index) {
        String prefix = items.name() + "[" + index + "].";
        return reason(r.clauseId(), r.kind(), r.conditionPath(),
                r.fact().map(f -> f.startsWith("item.") ? prefix + f.substring("item.".length()) : f), r.shortfall(),
                r.source(), () -> new Words(r.expected(), r.actual(),
                        new Bilingual(items.label().zh() + "第" + (index + 1) + "项：" + r.message().zh(),
                                items.label().en() + " #" + (index + 1) + ": " + r.message().en())));
    }

    private Truth compare(Clause clause, Comparison cmp, Facts facts, List<Reason> reasons) {
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
            case ITEMS :
                fits = v instanceof List;
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

    private Reason missing(Clause clause, String path, FactDefinition f) {
        return reason(clause.id(), ReasonKind.FACT_MISSING, path, Optional.of(f.name()), Optional.empty(),
                clause.source(), () -> Words.of(new Bilingual("未提供" + f.label().zh() + "（" + f.name() + "）",
                        "fact " + f.name() + " (" + f.label().en() + ") not provided")));
    }

    private Reason failure(Clause clause, Comparison cmp, Object actual) {
        Optional<BigDecimal> shortfall = shortfall(cmp.operator(), cmp.operand().type(), actual, cmp.value());
        return reason(clause.id(), ReasonKind.CONDITION_NOT_MET, cmp.path(), Optional.of(cmp.operand().expression()),
                shortfall, clause.source(), () -> failureWords(cmp, actual, shortfall));
    }

    /** A failed comparison in words: required and found, and by how much. */
    private static Words failureWords(Comparison cmp, Object actual, Optional<BigDecimal> shortfall) {
        FactDefinition unitOf = cmp.operand().first();
        FactType type = cmp.operand().type();
        Operator op = cmp.operator();
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
        return new Words(Optional.of(expectedSymbolic), Optional.of(Display.plain(type, actual, false)),
                new Bilingual(zh.toString(), en.toString()));
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
    public static Bilingual describe(Condition c) {
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
        } else if (c instanceof SomeItem) {
            SomeItem some = (SomeItem) c;
            Bilingual inner = describe(some.where());
            return new Bilingual(some.items().label().zh() + "中有一项" + inner.zh(),
                    "some item of " + some.items().label().en() + ": " + inner.en());
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
        formulaFacts(clause.award().formula()).forEach(f -> out.add(f.name()));
        for (Cap cap : clause.award().caps()) {
            cap.limitByLevel().ifPresent(t -> out.add(t.level().name()));
        }
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
        } else if (c instanceof SomeItem) {
            out.add(((SomeItem) c).items().name());
        }
    }

    /** The facts a formula reads from the claim itself (for items: the items fact, not their fields), in order. */
    private static List<FactDefinition> formulaFacts(AwardFormula f) {
        List<FactDefinition> out = new ArrayList<>(4);
        addFormulaFacts(f, out);
        return out;
    }

    private static void addFormulaFacts(AwardFormula f, List<FactDefinition> out) {
        if (f instanceof RateOfBase) {
            out.add(((RateOfBase) f).base());
        } else if (f instanceof PerUnit) {
            out.add(((PerUnit) f).quantity());
        } else if (f instanceof ByLevel) {
            out.add(((ByLevel) f).level());
        } else if (f instanceof Tiered) {
            out.add(((Tiered) f).base());
        } else if (f instanceof PerStep) {
            out.add(((PerStep) f).base());
            ((PerStep) f).aboveFact().ifPresent(out::add);
        } else if (f instanceof PerUnitPeriod) {
            PerUnitPeriod p = (PerUnitPeriod) f;
            for (Quantity q : List.of(p.price(), p.quantity(), p.periods())) {
                q.fact().ifPresent(out::add);
                q.atMostByLevel().ifPresent(t -> out.add(t.level()));
            }
        } else if (f instanceof ForEachItem) {
            out.add(((ForEachItem) f).items());
        } else if (f instanceof ByYear) {
            out.add(((ByYear) f).year());
            ((ByYear) f).years().values().forEach(p -> addFormulaFacts(p, out));
        } else {
            parts(f).forEach(p -> addFormulaFacts(p, out));
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

    /**
     * The facts an award needs that are not provided (formula, items' fields, caps' levels); null (no allocation) when
     * none is missing.
     */
    private static List<FactDefinition> missingAwardFacts(Award award, Facts facts) {
        List<FactDefinition> out = missingFormulaFacts(award.formula(), facts, null);
        for (Cap cap : award.caps()) {
            if (cap.limitByLevel().isPresent()) {
                out = missing(cap.limitByLevel().get().level(), facts, out);
            }
        }
        return out;
    }

    private static List<FactDefinition> missingFormulaFacts(AwardFormula f, Facts facts, List<FactDefinition> out) {
        if (f instanceof FixedAmount || f instanceof NoAmount) {
            return out;
        }
        if (f instanceof Sum || f instanceof Min || f instanceof Max) {
            for (AwardFormula p : parts(f)) {
                out = missingFormulaFacts(p, facts, out);
            }
            return out;
        }
        if (f instanceof ByYear) {
            // only the year the claim is in is computed, so only its formula's facts are needed
            ByYear by = (ByYear) f;
            if (!facts.has(by.year().name())) {
                return missing(by.year(), facts, out);
            }
            int y = ((BigDecimal) read(facts, by.year())).intValueExact();
            Optional<AwardFormula> formula = by.forYear(y);
            return formula.isPresent() ? missingFormulaFacts(formula.get(), facts, out) : out;
        }
        for (FactDefinition read : formulaFacts(f)) {
            out = missing(read, facts, out);
        }
        if (f instanceof ForEachItem) {
            ForEachItem each = (ForEachItem) f;
            Set<String> whereFacts = new LinkedHashSet<>();
            each.where().ifPresent(w -> collectFacts(w, whereFacts));
            for (Facts item : facts.items(each.items().name()).orElse(List.of())) {
                // an item whose qualifying facts are missing cannot be counted in or out
                for (String name : whereFacts) {
                    out = missing(item.vocabulary().require(name), item, out);
                }
                out = missingFormulaFacts(each.formula(), item, out);
            }
        }
        return out;
    }

    private static List<FactDefinition> missing(FactDefinition read, Facts facts, List<FactDefinition> out) {
        if (!facts.has(read.name())) {
            out = out == null ? new ArrayList<>(2) : out;
            if (!out.contains(read)) {
                out.add(read);
            }
        }
        return out;
    }

    /** The formula's exact value; each step is added to {@code ctx.trace} unless that is null (not explaining). */
    private BigDecimal compute(AwardFormula f, Facts facts, Context ctx) {
        List<TraceStep> trace = ctx.trace;
        if (f instanceof FixedAmount) {
            FixedAmount fixed = (FixedAmount) f;
            if (trace == null) {
                return fixed.amount();
            }
            Bilingual label = fixed.label().orElse(new Bilingual("定额", "fixed amount"));
            trace.add(new TraceStep(label.zh() + " " + Money.format(fixed.amount()),
                    label.en() + " " + Money.format(fixed.amount())));
            return fixed.amount();
        }
        if (f instanceof RateOfBase) {
            RateOfBase rate = (RateOfBase) f;
            BigDecimal base = (BigDecimal) read(facts, rate.base());
            BigDecimal result = base.multiply(rate.rate());
            if (trace == null) {
                return result;
            }
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
            if (trace == null) {
                return result;
            }
            Bilingual label = per.label().orElse(per.quantity().label());
            String q = Display.plain(per.quantity().type(), quantity, true);
            String tail = " × " + Money.format(per.amountPerUnit()) + " = " + Money.format(result);
            String zhUnit = per.quantity().unit().isPresent() ? " " + per.quantity().unitZh() : "";
            String enUnit = per.quantity().unit().isPresent() ? " " + per.quantity().unitEn() : "";
            trace.add(new TraceStep(label.zh() + " " + q + zhUnit + tail, label.en() + " " + q + enUnit + tail));
            return result;
        }
        if (f instanceof ByLevel) {
            return byLevel((ByLevel) f, facts, trace);
        }
        if (f instanceof Tiered) {
            return tiered((Tiered) f, facts, trace);
        }
        if (f instanceof PerStep) {
            return perStep((PerStep) f, facts, trace);
        }
        if (f instanceof PerUnitPeriod) {
            return perUnitPeriod((PerUnitPeriod) f, facts, trace);
        }
        if (f instanceof ForEachItem) {
            return forEachItem((ForEachItem) f, facts, ctx);
        }
        if (f instanceof ByYear) {
            ByYear by = (ByYear) f;
            int y = ((BigDecimal) read(facts, by.year())).intValueExact();
            Optional<AwardFormula> formula = by.forYear(y);
            if (formula.isEmpty()) {
                if (trace == null) {
                    return BigDecimal.ZERO;
                }
                trace.add(new TraceStep(by.source() + "：第" + y + "年不在支持年限（第1—" + by.lastYear() + "年）内 → 0.00",
                        "year " + y + " of support is outside the schedule (years 1–" + by.lastYear() + ") → 0.00"));
                return BigDecimal.ZERO;
            }
            if (trace != null) {
                trace.add(new TraceStep(by.source() + "：按第" + y + "年的标准计算",
                        "year " + y + " of support under the schedule"));
            }
            return compute(formula.get(), facts, ctx);
        }
        if (f instanceof NoAmount) {
            if (trace == null) {
                return BigDecimal.ZERO;
            }
            Award award = ctx.clause.award();
            Bilingual why = award.notComputable().map(Award.NonComputable::explanation)
                    .orElse(new Bilingual("文本未给出金额", "the text gives no amount"));
            trace.add(new TraceStep(award.kind().zh() + "，" + award.basis().zh() + "：" + why.zh() + "，按 0.00 计",
                    award.kind().en() + ", " + award.basis().en() + ": " + why.en() + "; counts as 0.00"));
            return BigDecimal.ZERO;
        }
        if (!(f instanceof Sum || f instanceof Min || f instanceof Max)) {
            throw new IllegalStateException("unhandled formula " + f.getClass());
        }
        List<AwardFormula> parts = parts(f);
        List<BigDecimal> values = new ArrayList<>(parts.size());
        for (AwardFormula p : parts) {
            values.add(compute(p, facts, ctx));
        }
        BigDecimal result = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            BigDecimal v = values.get(i);
            result = f instanceof Sum ? result.add(v) : f instanceof Min ? result.min(v) : result.max(v);
        }
        if (trace == null) {
            return result;
        }
        Bilingual label;
        if (f instanceof Sum) {
            label = ((Sum) f).label().orElse(new Bilingual("合计", "total"));
        } else if (f instanceof Min) {
            label = ((Min) f).label().orElse(new Bilingual("取最小值", "smallest"));
        } else {
            label = ((Max) f).label().orElse(new Bilingual("取最大值", "largest"));
        }
        List<String> formatted = values.stream().map(Money::format).collect(Collectors.toList());
        String shown = f instanceof Sum ? String.join(" + ", formatted) : "(" + String.join(", ", formatted) + ")";
        String op = f instanceof Sum ? "" : f instanceof Min ? "min" : "max";
        String tail = " " + op + shown + " = " + Money.format(result);
        trace.add(new TraceStep(label.zh() + tail, label.en() + tail));
        return result;
    }

    private static BigDecimal byLevel(ByLevel by, Facts facts, List<TraceStep> trace) {
        String level = (String) read(facts, by.level());
        Optional<BigDecimal> amount = by.amountFor(level);
        if (trace == null) {
            return amount.orElse(BigDecimal.ZERO);
        }
        Bilingual label = by.label().orElse(by.level().label());
        String zhLevel = Display.plain(by.level(), level, true);
        String enLevel = Display.plain(by.level(), level, false);
        if (amount.isEmpty()) {
            trace.add(new TraceStep(label.zh() + "：" + zhLevel + "，不在所列级别（" + levels(by.amounts(), true)
                    + "）之中 → 0.00",
                    label.en() + ": " + enLevel + ", not among the levels listed ("
                            + levels(by.amounts(), false) + ") → 0.00"));
            return BigDecimal.ZERO;
        }
        String a = Money.format(amount.get());
        trace.add(new TraceStep(label.zh() + "：" + zhLevel + " → " + a, label.en() + ": " + enLevel + " → " + a));
        return amount.get();
    }

    private static String levels(LevelTable table, boolean zh) {
        return table.values().entrySet().stream()
                .map(e -> Display.plain(table.level(), e.getKey(), zh) + " " + Money.format(e.getValue()))
                .collect(Collectors.joining(zh ? "、" : ", "));
    }

    private static BigDecimal tiered(Tiered tiered, Facts facts, List<TraceStep> trace) {
        BigDecimal base = (BigDecimal) read(facts, tiered.base());
        if (trace == null) {
            return tiered.bandFor(base).map(t -> t.amount().orElseGet(() -> base.multiply(t.rate().get())))
                    .orElse(BigDecimal.ZERO);
        }
        Bilingual label = tiered.label().orElse(tiered.base().label());
        String b = Display.withUnit(tiered.base(), base, true);
        String bEn = Display.withUnit(tiered.base(), base, false);
        Optional<Tiered.Band> band = tiered.bandFor(base);
        if (band.isEmpty()) {
            Tiered.Band first = tiered.bands().get(0);
            String bound = (first.inclusive() ? "≥ " : "> ") + Display.withUnit(tiered.base(), first.from(), true);
            String boundEn = (first.inclusive() ? "≥ " : "> ") + Display.withUnit(tiered.base(), first.from(), false);
            trace.add(new TraceStep(label.zh() + " " + b + "，未达最低档（" + bound + "）→ 0.00",
                    label.en() + " " + bEn + ", below the lowest band (" + boundEn + ") → 0.00"));
            return BigDecimal.ZERO;
        }
        Tiered.Band t = band.get();
        String zhBand = t.quote().orElse((t.inclusive() ? "≥ " : "> ") + Display.withUnit(tiered.base(), t.from(),
                true));
        String enBand = (t.inclusive() ? "≥ " : "> ") + Display.withUnit(tiered.base(), t.from(), false);
        if (t.amount().isPresent()) {
            String a = Money.format(t.amount().get());
            trace.add(new TraceStep(label.zh() + " " + b + "，属“" + zhBand + "”档 → " + a,
                    label.en() + " " + bEn + ", in the band " + enBand + " → " + a));
            return t.amount().get();
        }
        BigDecimal result = base.multiply(t.rate().get());
        String tail = " × " + Display.percent(t.rate().get()) + " = " + Money.format(result);
        trace.add(new TraceStep(label.zh() + " " + b + "，属“" + zhBand + "”档：" + Money.format(base) + tail,
                label.en() + " " + bEn + ", in the band " + enBand + ": " + Money.format(base) + tail));
        return result;
    }

    private static BigDecimal perStep(PerStep per, Facts facts, List<TraceStep> trace) {
        BigDecimal value = (BigDecimal) read(facts, per.base());
        BigDecimal start = per.aboveFact().map(f -> (BigDecimal) read(facts, f)).orElse(per.above());
        BigDecimal steps = per.steps(value, start);
        BigDecimal result = per.amountPerStep().multiply(steps);
        if (trace == null) {
            return result;
        }
        Bilingual label = per.label().orElse(per.base().label());
        FactDefinition u = per.base();
        String over = start.signum() == 0
                ? Display.withUnit(u, value, true)
                : Display.withUnit(u, value, true) + " − " + Display.withUnit(u, start, true) + " = "
                        + Display.withUnit(u, value.subtract(start).max(BigDecimal.ZERO), true);
        String overEn = start.signum() == 0
                ? Display.withUnit(u, value, false)
                : Display.withUnit(u, value, false) + " − " + Display.withUnit(u, start, false) + " = "
                        + Display.withUnit(u, value.subtract(start).max(BigDecimal.ZERO), false);
        String capped = per.maxSteps().map(m -> "（至多 " + m.toPlainString() + " 档）").orElse("");
        String cappedEn = per.maxSteps().map(m -> " (at most " + m.toPlainString() + ")").orElse("");
        trace.add(new TraceStep(label.zh() + " " + over + "，每满 " + Display.withUnit(u, per.step(), true) + " 计一档，共 "
                + steps.toPlainString() + " 档" + capped + " × " + Money.format(per.amountPerStep()) + " = "
                + Money.format(result),
                label.en() + " " + overEn + ", one step per full "
                        + Display.withUnit(u, per.step(), false) + ": " + steps.toPlainString() + " step(s)" + cappedEn
                        + " × " + Money.format(per.amountPerStep()) + " = " + Money.format(result)));
        return result;
    }

    private static BigDecimal perUnitPeriod(PerUnitPeriod p, Facts facts, List<TraceStep> trace) {
        BigDecimal price = quantity(p.price(), new Bilingual("单价", "price"), true, facts, trace);
        BigDecimal quantity = quantity(p.quantity(), new Bilingual("数量", "quantity"), false, facts, trace);
        BigDecimal periods = quantity(p.periods(), new Bilingual("期数", "periods"), false, facts, trace);
        BigDecimal product = price.multiply(quantity).multiply(periods);
        BigDecimal result = p.rate().map(product::multiply).orElse(product);
        if (trace == null) {
            return result;
        }
        Bilingual label = p.label().orElse(new Bilingual("按单价、数量和期数计算", "price × quantity × periods"));
        String share = p.rate().map(r -> " × " + Display.percent(r)).orElse("");
        String shown = Money.format(price) + " × " + unitValue(p.quantity(), quantity, true) + " × "
                + unitValue(p.periods(), periods, true) + share + " = " + Money.format(result);
        String shownEn = Money.format(price) + " × " + unitValue(p.quantity(), quantity, false) + " × "
                + unitValue(p.periods(), periods, false) + share + " = " + Money.format(result);
        trace.add(new TraceStep(label.zh() + " " + shown, label.en() + " " + shownEn));
        return result;
    }

    /** A factor's value, limited as the text says; each limit that binds is a trace step (unless trace is null). */
    private static BigDecimal quantity(Quantity q, Bilingual fallback, boolean money, Facts facts,
            List<TraceStep> trace) {
        BigDecimal value = q.fact().map(f -> (BigDecimal) read(facts, f)).orElseGet(() -> q.value().orElseThrow());
        BigDecimal limit = null;
        String level = null;
        if (q.atMost().isPresent()) {
            limit = q.atMost().get();
        }
        if (q.atMostByLevel().isPresent()) {
            LevelTable t = q.atMostByLevel().get();
            level = (String) read(facts, t.level());
            BigDecimal l = t.get(level).orElse(BigDecimal.ZERO);
            limit = limit == null ? l : limit.min(l);
        }
        if (limit == null || value.compareTo(limit) <= 0 || trace == null) {
            return limit == null ? value : value.min(limit);
        }
        Bilingual label = q.effectiveLabel(fallback);
        String zhWhy = "";
        String enWhy = "";
        if (q.atMostByLevel().isPresent()) {
            FactDefinition levelFact = q.atMostByLevel().get().level();
            zhWhy = Display.plain(levelFact, level, true);
            enWhy = Display.plain(levelFact, level, false);
        }
        String source = q.source().map(s -> "；" + s).orElse("");
        String zhLimit = zhWhy.isEmpty() ? "" : zhWhy;
        trace.add(new TraceStep(label.zh() + " " + unitValue(q, value, true, money) + "，上限 "
                + unitValue(q, limit, true, money) + "（" + zhLimit + (zhLimit.isEmpty()
                        ? source.substring(
                                Math.min(1, source.length()))
                        : source)
                + "）→ " + unitValue(q, limit, true, money),
                label.en() + " " + unitValue(q, value, false, money) + ", at most " + unitValue(q, limit, false, money)
                        + (enWhy.isEmpty() ? "" : " (" + enWhy + ")") + " → " + unitValue(q, limit, false, money)));
        return limit;
    }

    private static String unitValue(Quantity q, BigDecimal v, boolean zh) {
        return unitValue(q, v, zh, false);
    }

    private static String unitValue(Quantity q, BigDecimal v, boolean zh, boolean money) {
        if (money) {
            return Money.format(v);
        }
        return q.fact().map(f -> Display.withUnit(f, v, zh)).orElse(v.stripTrailingZeros().toPlainString());
    }

    private BigDecimal forEachItem(ForEachItem each, Facts facts, Context ctx) {
        @SuppressWarnings("unchecked")
        List<Facts> items = (List<Facts>) read(facts, each.items());
        Bilingual label = each.label().orElse(each.items().label());
        List<BigDecimal> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Facts item = items.get(i);
            String zhName = explain ? label.zh() + (i + 1) : null;
            String enName = explain ? label.en() + " #" + (i + 1) : null;
            if (each.where().isPresent()) {
                List<Reason> why = new ArrayList<>(2);
                Truth t = eval(ctx.clause, each.where().get(), item, why);
                if (t != Truth.TRUE) {
                    if (explain) {
                        String zhWhy = why.stream().map(r -> r.message().zh().replaceAll("。$", ""))
                                .collect(Collectors.joining("；"));
                        String enWhy = why.stream().map(r -> r.message().en().replaceAll("\\.$", ""))
                                .collect(Collectors.joining("; "));
                        ctx.trace.add(new TraceStep(zhName + "：不符合条件（" + zhWhy + "），不计",
                                enName + ": does not qualify (" + enWhy + "), counts nothing"));
                    }
                    values.add(BigDecimal.ZERO);
                    continue;
                }
            }
            Context inner = new Context(ctx.clause, explain);
            BigDecimal v = compute(each.formula(), item, inner);
            if (explain) {
                for (TraceStep s : inner.trace) {
                    ctx.trace.add(new TraceStep(zhName + "：" + s.zh(), enName + ": " + s.en()));
                }
            }
            inner.itemCuts.forEach((cap, cut) -> ctx.itemCuts.merge(cap, cut, BigDecimal::add));
            if (each.itemCap().isPresent()) {
                Cap cap = each.itemCap().get();
                BigDecimal capped = v.min(cap.limit());
                BigDecimal cut = v.subtract(capped).max(BigDecimal.ZERO);
                ctx.itemCuts.merge(cap, cut, BigDecimal::add);
                if (explain) {
                    String zhCut = cut.signum() > 0
                            ? "核减 " + Money.format(cut) + " → " + Money.format(capped)
                            : "未超限";
                    String enCut = cut.signum() > 0
                            ? "cut " + Money.format(cut) + " → " + Money.format(capped)
                            : "not reached";
                    ctx.trace.add(new TraceStep(zhName + "：" + cap.source() + "（单项上限 " + Money.format(cap.limit())
                            + "）：" + zhCut, enName + ": per-item cap " + Money.format(cap.limit()) + ": " + enCut));
                }
                v = capped;
            }
            values.add(v);
        }
        BigDecimal result = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!explain) {
            return result;
        }
        String shown = values.isEmpty()
                ? "0.00"
                : values.stream().map(Money::format).collect(Collectors.joining(" + ")) + " = "
                        + Money.format(result);
        ctx.trace.add(new TraceStep(label.zh() + "合计 " + shown, label.en() + " total " + shown));
        return result;
    }
}
