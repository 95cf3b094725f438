package cn.huiqi.engine.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.coverage.CoverageReport;
import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.CapApplication;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.MissingFactException;
import cn.huiqi.engine.eval.Reason;
import cn.huiqi.engine.eval.TraceStep;
import cn.huiqi.engine.eval.WorkedExampleRunner;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.load.PolicyValidationException;
import cn.huiqi.engine.load.ValidationError;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;

/**
 * The policy authors' command line (like {@code openfisca test}): validate the pack, run its worked examples,
 * evaluate clauses on a facts file, report the coverage of the seed texts. No services needed. From the repository's
 * root, after {@code ./mvnw -B install -DskipTests}:
 *
 * <pre>
 * ./mvnw -q -pl policy-engine exec:java -Dexec.args="test"
 * </pre>
 *
 * Exit status: 0 when all is well, 1 when the pack has errors, an example fails or the coverage check fails, 2 on
 * a usage error.
 */
public final class PolicyTool {

    static final String USAGE = String.join("\n", "usage: PolicyTool <command> [options]",
            "  validate [--pack DIR]                 load the pack; print every error with file, clause and path",
            "  test [--pack DIR]                     run every worked example; end with 'N passed, M failed'",
            "  eval --facts FILE.json [--clause ID]... [--as-of yyyy-MM-dd] [--year N] [--pack DIR]",
            "                                        evaluate clauses (default: all) on the facts; JSON out",
            "  coverage --seeds DIR [--out FILE] [--check] [--pack DIR]",
            "                                        Markdown report of the seeds' quantified sentences; with",
            "                                        --check nothing is written and the command fails on",
            "                                        unaccounted sentences or when --out FILE differs",
            "The pack defaults to policies/ beside the nearest mvnw above the working directory.");

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;

    PolicyTool(PrintStream out, PrintStream err, Path workingDir) {
        this.out = out;
        this.err = err;
        this.workingDir = workingDir;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = new PolicyTool(out, err, Path.of("").toAbsolutePath()).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status. */
    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Options o;
        try {
            o = Options.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "validate" :
                    return validate(o);
                case "test" :
                    return test(o);
                case "eval" :
                    return eval(o);
                case "coverage" :
                    return coverage(o);
                case "help" :
                case "--help" :
                case "-h" :
                    out.println(USAGE);
                    return 0;
                default :
                    err.println("unknown command: " + args[0]);
                    err.println(USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (PolicyValidationException e) {
            printErrors(e);
            return 1;
        }
    }

    private int validate(Options o) {
        Path dir = packDir(o);
        try {
            PolicyPack pack = PolicyPackLoader.fromDirectory(dir);
            out.println(dir + ": " + pack.policies().size() + " policies, " + pack.clauses().size() + " clauses, "
                    + pack.clauses().stream().mapToInt(c -> c.examples().size()).sum() + " worked examples; no errors");
            return 0;
        } catch (PolicyValidationException e) {
            printErrors(e);
            return 1;
        }
    }

    private void printErrors(PolicyValidationException e) {
        for (ValidationError error : e.errors()) {
            err.println(error.file() + "  clause " + error.clauseId().orElse("-") + "  " + error.path() + ": "
                    + error.message());
        }
        err.println(e.errors().size() + " error(s)");
    }

    private int test(Options o) {
        PolicyPack pack = PolicyPackLoader.fromDirectory(packDir(o));
        int passed = 0;
        int failed = 0;
        for (WorkedExampleRunner.Outcome outcome : new WorkedExampleRunner().runAll(pack)) {
            if (outcome.passed()) {
                passed++;
                out.println("PASS  " + outcome.clauseId() + ": " + outcome.exampleName());
            } else {
                failed++;
                out.println("FAIL  " + outcome.clauseId() + ": " + outcome.exampleName());
                outcome.failures().forEach(f -> out.println("      " + f));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private int eval(Options o) {
        PolicyPack pack = PolicyPackLoader.fromDirectory(packDir(o));
        String factsFile = o.single("facts").orElseThrow(() -> new UsageException("eval needs --facts FILE.json"));
        ObjectMapper json = json();
        Map<String, Object> raw;
        try {
            raw = json.readValue(workingDir.resolve(factsFile).toFile(), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UsageException("cannot read the facts file " + factsFile + ": " + e.getMessage());
        }
        Facts facts;
        try {
            facts = pack.facts(raw);
        } catch (FactsException e) {
            err.println(e.getMessage());
            return 1;
        }
        LocalDate asOf;
        try {
            asOf = o.single("as-of").map(LocalDate::parse).orElse(LocalDate.now());
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of is a date yyyy-MM-dd: " + e.getParsedString());
        }
        int year;
        try {
            year = o.single("year").map(Integer::parseInt).orElse(asOf.getYear());
        } catch (NumberFormatException e) {
            throw new UsageException("--year is a year, e.g. 2025");
        }
        List<Clause> clauses = new ArrayList<>();
        if (o.all("clause").isEmpty()) {
            clauses.addAll(pack.clauses());
        } else {
            for (String id : o.all("clause")) {
                clauses.add(pack.clause(id).orElseThrow(() -> new UsageException("no clause " + id + " in the pack")));
            }
        }
        Evaluator evaluator = new Evaluator();
        ObjectNode root = json.createObjectNode();
        root.put("as_of", asOf.toString());
        root.put("year", year);
        root.put("history", "none: every cap counts from zero");
        ArrayNode results = root.putArray("results");
        for (Clause c : clauses) {
            results.add(evalClause(json, evaluator, c, facts, asOf, year));
        }
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    private static ObjectNode evalClause(ObjectMapper json, Evaluator evaluator, Clause c, Facts facts,
            LocalDate asOf, int year) {
        ObjectNode node = json.createObjectNode();
        node.put("clause", c.id());
        node.put("policy", c.policyId());
        node.put("number", c.number());
        node.put("title", c.title().zh());
        node.put("source", c.source());
        EligibilityResult e = evaluator.checkEligibility(c, facts, asOf);
        node.put("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT));
        node.put("eligible_once_in_force", e.eligibleOnceInForce());
        ArrayNode reasons = node.putArray("reasons");
        for (Reason r : e.reasons()) {
            ObjectNode rn = reasons.addObject();
            rn.put("kind", r.kind().code());
            rn.put("path", r.conditionPath());
            rn.put("fact", r.fact().orElse(null));
            rn.put("expected", r.expected().orElse(null));
            rn.put("actual", r.actual().orElse(null));
            rn.put("shortfall", r.shortfall().orElse(null));
            ObjectNode messages = rn.putObject("messages");
            messages.put("zh", r.message().zh());
            messages.put("en", r.message().en());
            rn.put("source", r.source());
        }
        if (!e.eligibleOnceInForce()) {
            return node;
        }
        AwardResult a;
        try {
            a = evaluator.computeAward(c, facts, AwardHistory.none(), year);
        } catch (MissingFactException ex) {
            node.put("award_error", ex.getMessage());
            return node;
        }
        ObjectNode award = node.putObject("award");
        award.put("preview", !e.eligible());
        award.put("amount", a.amount());
        award.put("uncapped_amount", a.uncappedAmount());
        award.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
        award.put("basis", a.basis().name().toLowerCase(java.util.Locale.ROOT));
        award.put("review_determined", a.reviewDetermined());
        ArrayNode trace = award.putArray("trace");
        for (TraceStep t : a.trace()) {
            ObjectNode tn = trace.addObject();
            tn.put("zh", t.zh());
            tn.put("en", t.en());
        }
        ArrayNode binding = award.putArray("binding_caps");
        ArrayNode caps = award.putArray("caps_applied");
        for (CapApplication ca : a.capsApplied()) {
            ObjectNode cn = caps.addObject();
            cn.put("id", ca.cap().id());
            cn.put("scope", ca.cap().scope().name().toLowerCase(java.util.Locale.ROOT));
            cn.put("limit", ca.limit());
            cn.put("already_awarded", ca.alreadyAwarded());
            cn.put("amount_before", ca.amountBefore());
            cn.put("amount_after", ca.amountAfter());
            cn.put("cut", ca.cut());
            cn.put("binding", ca.binding());
            cn.put("source", ca.cap().source());
            if (ca.binding()) {
                binding.add(ca.cap().id());
            }
        }
        return node;
    }

    private int coverage(Options o) {
        Path dir = packDir(o);
        String seeds = o.single("seeds").orElseThrow(() -> new UsageException("coverage needs --seeds DIR"));
        PolicyPack pack = PolicyPackLoader.fromDirectory(dir);
        CoverageReport report = CoverageReport.of(pack, dir, workingDir.resolve(seeds));
        String md = report.markdown();
        report.problems().forEach(p -> err.println("coverage: " + p));
        boolean ok = report.problems().isEmpty();
        Optional<Path> target = o.single("out").map(workingDir::resolve);
        try {
            if (o.flag("check")) {
                if (target.isPresent()) {
                    String committed = Files.isRegularFile(target.get())
                            ? Files.readString(target.get(), StandardCharsets.UTF_8)
                            : "";
                    if (!committed.equals(md)) {
                        err.println("coverage: " + target.get() + " differs from the regenerated report; regenerate: "
                                + CoverageReport.REGENERATE);
                        ok = false;
                    }
                } else {
                    out.print(md);
                }
            } else if (target.isPresent()) {
                Files.writeString(target.get(), md, StandardCharsets.UTF_8);
                err.println("coverage: wrote " + target.get());
            } else {
                out.print(md);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.documents().forEach(d -> err.println("coverage: " + d.seed() + ": " + d.sentences().size()
                + " quantified sentences, " + d.encoded() + " encoded, " + d.byReason() + " by reason, "
                + d.unaccounted() + " unaccounted"));
        return ok ? 0 : 1;
    }

    private Path packDir(Options o) {
        Optional<String> given = o.single("pack");
        if (given.isPresent()) {
            return workingDir.resolve(given.get()).normalize();
        }
        for (Path p = workingDir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("policies"))) {
                return p.resolve("policies");
            }
        }
        throw new UsageException("no mvnw with a policies/ folder above " + workingDir + "; give --pack DIR");
    }

    static ObjectMapper json() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** A usage error: exit status 2. */
    static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} options (repeatable) and {@code --flag}s. */
    static final class Options {

        private static final List<String> FLAGS = List.of("check");
        private static final List<String> VALUED = List.of("pack", "facts", "clause", "as-of", "year", "seeds", "out");

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String name = a.startsWith("--") ? a.substring(2) : null;
                if (name != null && FLAGS.contains(name)) {
                    o.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (name != null && VALUED.contains(name)) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(args.get(++i));
                } else {
                    throw new IllegalArgumentException("unknown argument: " + a);
                }
            }
            return o;
        }

        Optional<String> single(String name) {
            List<String> v = values.getOrDefault(name, List.of());
            if (v.size() > 1) {
                throw new UsageException("--" + name + " given more than once");
            }
            return v.stream().findFirst();
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }
    }
}
