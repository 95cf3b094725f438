package cn.huiqi.engine.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.coverage.QuantifiedSentences.Kind;
import cn.huiqi.engine.model.AmountBasis;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Policy;

/**
 * Which sentences of the seed texts name an amount, a rate or a cap, and for each the clause(s) of the pack that
 * encode it or the reason, recorded in {@code policies/coverage/<policy-id>.yaml}, why none does.
 *
 * <p>
 * A policy names its seeds in its {@code sources} ("seed 000_368f7d3063765867: …"); every seed so named is covered,
 * an interpretation (政策解读) as much as the document itself. A sentence is encoded by a clause whose {@code source},
 * white space and trailing punctuation aside, contains the sentence or is contained in it, or failing that shares a
 * run of at least {@value #MIN_SHARED} characters covering {@value #SHARED_PERCENT}% of the shorter of the two (an
 * interpretation that restates a clause with a typo). A sentence with a rate or a cap that is neither encoded nor
 * accounted for is a {@link #problems() problem}; so is an accounting entry that matches no sentence, or one
 * that is also encoded.
 */
public final class CoverageReport {

    /** Seeds by name, the sections of one seed by number (003…#2 before 003…#10). */
    static final Comparator<String> SEED_ORDER = Comparator.comparing((String k) -> k.contains("#")
            ? k.substring(0, k.indexOf('#'))
            : k).thenComparingInt(k -> k.contains("#") ? Integer.parseInt(k.substring(k.indexOf('#') + 1)) : 0);

    static final int MIN_SHARED = 12;
    static final int SHARED_PERCENT = 60;
    private static final Pattern SEED = Pattern.compile("^seed\\s+([0-9A-Za-z_.-]+(?:#[0-9]+)?)\\s*:");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A sentence accounted for in the coverage data, with the reason no clause computes it. */
    public record Accounting(String file, String seed, String text, CoverageReason reason, String note) {

        public Accounting {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(note, "note");
        }
    }

    /** One quantified sentence and how it is covered. */
    public record Sentence(int number, String text, Set<Kind> kinds, List<Clause> clauses, List<String> rules,
            Optional<Accounting> accounting) {

        public Sentence {
            Objects.requireNonNull(text, "text");
            kinds = Set.copyOf(kinds);
            clauses = List.copyOf(clauses);
            rules = List.copyOf(rules);
            Objects.requireNonNull(accounting, "accounting");
        }

        /** Encoded by a clause, or by a document rule: a count limit or a stacking group whose sentence it is. */
        public boolean encoded() {
            return !clauses.isEmpty() || !rules.isEmpty();
        }

        public boolean accounted() {
            return encoded() || accounting.isPresent();
        }

        /** Whether the build requires this sentence to be accounted for: it names a rate or a cap. */
        public boolean required() {
            return kinds.contains(Kind.RATE) || kinds.contains(Kind.CAP);
        }
    }

    /** The quantified sentences of one seed text. */
    public record Document(String seed, Policy policy, List<Sentence> sentences) {

        public Document {
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(policy, "policy");
            sentences = List.copyOf(sentences);
        }

        public long encoded() {
            return sentences.stream().filter(Sentence::encoded).count();
        }

        public long byReason() {
            return sentences.stream().filter(s -> !s.encoded() && s.accounting().isPresent()).count();
        }

        public long unaccounted() {
            return sentences.stream().filter(s -> !s.accounted()).count();
        }
    }

    private final List<Document> documents;
    private final List<String> problems;
    private final List<String> pending;

    private CoverageReport(List<Document> documents, List<String> problems, List<String> pending) {
        this.pending = List.copyOf(pending);
        this.documents = List.copyOf(documents);
        this.problems = List.copyOf(problems);
    }

    public List<Document> documents() {
        return documents;
    }

    /**
     * What fails the check: sentences with a rate or a cap accounted for by nothing, accounting entries that match
     * no sentence or a sentence already encoded, unreadable coverage data, seeds that are missing.
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * Sections of a seed of several documents that no policy names yet, each with its number of quantified
     * sentences: listed in the report as work not done, not checked sentence by sentence until a policy names them.
     */
    public List<String> pending() {
        return pending;
    }

    /**
     * Builds the report.
     *
     * @param pack the loaded pack
     * @param packDir the pack's folder; its {@code coverage/} subfolder holds the accounting data
     * @param seedsDir the folder of the seed texts ({@code <seed>.txt})
     */
    public static CoverageReport of(PolicyPack pack, Path packDir, Path seedsDir) {
        List<String> problems = new ArrayList<>();
        List<Accounting> accounting = readAccounting(pack, packDir.resolve("coverage"), problems);
        Map<String, Policy> seeds = new TreeMap<>(SEED_ORDER);
        Seeds seedFiles = new Seeds(seedsDir);
        for (Policy p : pack.policies()) {
            for (String source : p.sources()) {
                Matcher m = SEED.matcher(source);
                if (m.find()) {
                    seeds.put(m.group(1), p);
                }
            }
        }
        Set<Accounting> used = new LinkedHashSet<>();
        List<Document> documents = new ArrayList<>();
        for (Map.Entry<String, Policy> e : seeds.entrySet()) {
            String seed = e.getKey();
            Policy policy = e.getValue();
            Optional<String> read = seedText(seedFiles, seed, policy, problems);
            if (read.isEmpty()) {
                continue;
            }
            String text = read.get();
            List<Sentence> sentences = new ArrayList<>();
            for (String s : QuantifiedSentences.sentences(text)) {
                Set<Kind> kinds = QuantifiedSentences.kinds(s);
                if (kinds.isEmpty()) {
                    continue;
                }
                String key = QuantifiedSentences.key(s);
                List<Clause> clauses = encoding(policy, key);
                List<String> rules = clauses.isEmpty() ? rules(policy, key) : List.of();
                List<Accounting> entries = accounting.stream()
                        .filter(a -> a.seed().equals(seed) && key.contains(QuantifiedSentences.key(a.text())))
                        .collect(Collectors.toList());
                used.addAll(entries);
                if (entries.size() > 1) {
                    problems.add(seed + ": accounted for more than once: " + s);
                }
                Optional<Accounting> entry = entries.stream().findFirst();
                if ((!clauses.isEmpty() || !rules.isEmpty()) && entry.isPresent()) {
                    problems.add(
                            seed + ": both encoded (" + (clauses.isEmpty() ? String.join(", ", rules) : ids(clauses))
                                    + ") and accounted for by reason ("
                                    + entry.get().file() + "): " + s);
                }
                Sentence sentence = new Sentence(sentences.size() + 1, s, kinds, clauses, rules, entry);
                if (!sentence.accounted() && sentence.required()) {
                    problems.add(seed + " #" + sentence.number() + ": names a "
                            + (kinds.contains(Kind.RATE) ? "rate" : "cap")
                            + " but no clause's source contains it and " + packDir.getFileName()
                            + "/coverage/ gives no reason: " + s);
                }
                sentences.add(sentence);
            }
            documents.add(new Document(seed, policy, sentences));
        }
        List<String> pending = unclaimedSections(seeds.keySet(), seedFiles);
        for (Accounting a : accounting) {
            if (!used.contains(a)) {
                problems.add(a.file() + ": matches no quantified sentence of seed " + a.seed() + ": " + a.text());
            }
        }
        return new CoverageReport(documents, problems, pending);
    }

    /** The seed texts, each read (and cut into sections) once per report. */
    private static final class Seeds {
        private final Path dir;
        private final Map<String, Optional<String>> texts = new HashMap<>();
        private final Map<String, List<String>> sections = new HashMap<>();

        Seeds(Path dir) {
            this.dir = dir;
        }

        /** The seed's text, or empty when the file is missing. */
        Optional<String> text(String name) {
            return texts.computeIfAbsent(name, n -> {
                Path file = file(n);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }

        /** The documents of a seed that holds several; none when the file is missing. */
        List<String> sections(String name) {
            return sections.computeIfAbsent(name, n -> text(n).map(SeedSections::of).orElse(List.of()));
        }

        Path file(String name) {
            return dir.resolve(name + ".txt");
        }
    }

    /**
     * The text a policy's source names: a whole seed ({@code 000_…}) or one section of a seed that holds several
     * documents ({@code 003_…#2}, see {@link SeedSections}).
     */
    private static Optional<String> seedText(Seeds seeds, String seed, Policy policy, List<String> problems) {
        int hash = seed.indexOf('#');
        String name = hash < 0 ? seed : seed.substring(0, hash);
        Optional<String> text = seeds.text(name);
        if (text.isEmpty()) {
            problems.add("seed " + seed + " (named by " + policy.id() + ") not found: " + seeds.file(name));
            return Optional.empty();
        }
        if (hash < 0) {
            return text;
        }
        List<String> sections = seeds.sections(name);
        int n = Integer.parseInt(seed.substring(hash + 1));
        if (n < 1 || n > sections.size()) {
            problems.add("seed " + seed + " (named by " + policy.id() + "): " + name + " has " + sections.size()
                    + " sections");
            return Optional.empty();
        }
        return Optional.of(sections.get(n - 1));
    }

    /** Sections of seeds of several documents that have quantified sentences and that no policy names yet. */
    private static List<String> unclaimedSections(Set<String> named, Seeds seeds) {
        List<String> pending = new ArrayList<>();
        Set<String> sectioned = named.stream().filter(k -> k.contains("#"))
                .map(k -> k.substring(0, k.indexOf('#'))).collect(Collectors.toCollection(TreeSet::new));
        for (String seed : sectioned) {
            List<String> sections = seeds.sections(seed); // a missing seed is reported where it is named
            for (int i = 0; i < sections.size(); i++) {
                String key = seed + "#" + (i + 1);
                long quantified = QuantifiedSentences.sentences(sections.get(i)).stream()
                        .filter(x -> !QuantifiedSentences.kinds(x).isEmpty()).count();
                if (!named.contains(key) && quantified > 0) {
                    pending.add(key + " " + SeedSections.title(sections.get(i)) + ": " + quantified
                            + " quantified sentence(s), no policy yet");
                }
            }
        }
        return pending;
    }

    /** The count limits and stacking groups of the policy whose own sentence contains the key or lies in it. */
    private static List<String> rules(Policy policy, String key) {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (Clause c : policy.clauses()) {
            c.award().limits().forEach(l -> sources.putIfAbsent("limit " + l.id(), l.source()));
        }
        policy.stacking().ifPresent(st -> {
            st.groups().forEach(g -> g.source().ifPresent(src -> sources.putIfAbsent("group " + g.id(), src)));
            if (!st.groups().isEmpty()) {
                sources.putIfAbsent("stacking " + policy.id(), st.source());
            }
        });
        return sources.entrySet().stream().filter(e -> {
            String source = QuantifiedSentences.key(e.getValue());
            return !source.isEmpty() && (source.contains(key) || key.contains(source));
        }).map(Map.Entry::getKey).collect(Collectors.toList());
    }

    private static List<Clause> encoding(Policy policy, String key) {
        List<Clause> exact = policy.clauses().stream().filter(c -> {
            String source = QuantifiedSentences.key(c.source());
            return !source.isEmpty() && (source.contains(key) || key.contains(source));
        }).collect(Collectors.toList());
        if (!exact.isEmpty()) {
            return exact;
        }
        return policy.clauses().stream().filter(c -> {
            String source = QuantifiedSentences.key(c.source());
            int shared = longestCommonRun(source, key);
            return shared >= MIN_SHARED && shared * 100 >= SHARED_PERCENT * Math.min(source.length(), key.length());
        }).collect(Collectors.toList());
    }

    static int longestCommonRun(String a, String b) {
        int best = 0;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : 0;
                best = Math.max(best, cur[j]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return best;
    }

    private static List<Accounting> readAccounting(PolicyPack pack, Path dir, List<String> problems) {
        List<Accounting> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = "coverage/" + file.getFileName();
            JsonNode root;
            try {
                root = YAML.readTree(file.toFile());
            } catch (IOException e) {
                problems.add(name + ": not readable YAML: " + e.getMessage());
                continue;
            }
            if (root == null || !root.isObject()) {
                problems.add(name + ": expected a mapping with policy and sentences");
                continue;
            }
            unknownKeys(name, "$", root, Set.of("policy", "sentences"), problems);
            String policy = root.path("policy").asText("");
            if (pack.policy(policy).isEmpty()) {
                problems.add(name + " $.policy: no policy '" + policy + "' in the pack");
            }
            if (!(policy + ".yaml").equals(file.getFileName().toString())) {
                problems.add(name + " $.policy: the file is named after its policy, expected " + policy + ".yaml");
            }
            JsonNode sentences = root.path("sentences");
            if (!sentences.isArray()) {
                problems.add(name + " $.sentences: expected a list");
                continue;
            }
            for (int i = 0; i < sentences.size(); i++) {
                JsonNode s = sentences.get(i);
                String path = "$.sentences[" + i + "]";
                unknownKeys(name, path, s, Set.of("seed", "text", "reason", "note"), problems);
                String seed = s.path("seed").asText("");
                String text = s.path("text").asText("");
                String note = s.path("note").asText("");
                Optional<CoverageReason> reason = CoverageReason.fromCode(s.path("reason").asText(""));
                if (seed.isEmpty() || text.isEmpty() || note.isEmpty()) {
                    problems.add(name + " " + path + ": seed, text and note are required");
                } else if (reason.isEmpty()) {
                    problems.add(name + " " + path + ".reason: '" + s.path("reason").asText("")
                            + "' is not one of " + Stream.of(CoverageReason.values()).map(CoverageReason::code)
                                    .collect(Collectors.joining(", ")));
                } else {
                    out.add(new Accounting(name, seed, text, reason.get(), note));
                }
            }
        }
        return out;
    }

    private static void unknownKeys(String file, String path, JsonNode node, Set<String> allowed,
            List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(file + " " + path + "." + k + ": unknown key (allowed: " + allowed.stream().sorted()
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private static String ids(List<Clause> clauses) {
        return clauses.stream().map(Clause::id).collect(Collectors.joining(", "));
    }

    /** The report in Markdown, the same bytes for the same pack and seeds. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Coverage of the seed texts\n\n");
        md.append(
                "Generated from the seed texts and `policies/` by the policy tool; do not edit by hand. Regenerate with\n\n");
        md.append("```bash\n").append(REGENERATE).append("\n```\n\n");
        md.append(
                "Every sentence of a seed named in a policy's `sources` that names an amount (元、万元、亿元), a rate (%) or a\n")
                .append("cap (最高、最多、不超过、不高于、上限、封顶), and the clause(s) whose `source` contains it, or the reason, recorded in\n")
                .append("`policies/coverage/<policy-id>.yaml`, why no clause computes it. The build (`CoverageReportTest`) fails when a\n")
                .append("sentence with a rate or a cap is accounted for by neither, and when this file differs from the regenerated one.\n")
                .append("An interpretation (政策解读) a policy names among its sources is held to the same rule: it adds no award of its\n")
                .append("own, so its quantified sentences restate the document's and match the clauses that encode them (a restatement\n")
                .append("with a typo matches by a long shared run of text).\n\n");
        md.append("## Reasons (a closed list)\n\n| reason | 含义 | meaning |\n|---|---|---|\n");
        for (CoverageReason r : CoverageReason.values()) {
            md.append("| `").append(r.code()).append("` | ").append(r.zh()).append(" | ").append(r.en()).append(" |\n");
        }
        md.append("\nA clause that is catalogued but not computable gives one of the first four as its own\n")
                .append("`not_computable.reason`; it is shown beside the clause id below.\n\n");
        md.append(
                "## Summary\n\n| seed | policy | quantified sentences | encoded by a clause | accounted for by a reason | unaccounted |\n|---|---|---:|---:|---:|---:|\n");
        for (Document d : documents) {
            md.append("| ").append(d.seed()).append(" | `").append(d.policy().id()).append("` | ")
                    .append(d.sentences().size()).append(" | ").append(d.encoded()).append(" | ")
                    .append(d.byReason()).append(" | ").append(d.unaccounted()).append(" |\n");
        }
        if (!pending.isEmpty()) {
            md.append("\n## Not yet encoded\n\nSections of seeds of several documents that no policy names yet:\n\n");
            pending.forEach(p -> md.append("- ").append(p).append('\n'));
        }
        for (Document d : documents) {
            md.append("\n## ").append(d.seed()).append(": ").append(d.policy().title().zh()).append("\n\n");
            md.append("Policy `").append(d.policy().id()).append("`.\n\n");
            md.append("| # | sentence | names | encoded by / reason |\n|---:|---|---|---|\n");
            for (Sentence s : d.sentences()) {
                md.append("| ").append(s.number()).append(" | ").append(cell(s.text())).append(" | ")
                        .append(s.kinds().stream().sorted(Comparator.naturalOrder()).map(Kind::zh)
                                .collect(Collectors.joining("、")))
                        .append(" | ").append(coverage(s)).append(" |\n");
            }
        }
        return md.toString();
    }

    /** The command that regenerates {@code docs/coverage.md}, from the repository's root. */
    public static final String REGENERATE = "./mvnw -B -q -pl policy-engine exec:java "
            + "-Dexec.args=\"coverage --seeds ../shared/seeds --out docs/coverage.md\"";

    private static String coverage(Sentence s) {
        if (s.clauses().isEmpty() && !s.rules().isEmpty()) {
            return s.rules().stream().map(r -> {
                int sp = r.indexOf(' ');
                return r.substring(0, sp) + " `" + r.substring(sp + 1) + "`";
            }).collect(Collectors.joining(", "));
        }
        if (s.encoded()) {
            return s.clauses().stream().map(c -> {
                String id = "`" + c.id() + "`";
                if (c.award().basis() == AmountBasis.NOT_COMPUTABLE) {
                    return id + " (not computable: `" + c.award().notComputable().orElseThrow().reason().code()
                            + "`)";
                }
                if (c.award().basis() == AmountBasis.REVIEW_MAXIMUM) {
                    return id + " (maximum, left to review)";
                }
                return id;
            }).collect(Collectors.joining(", "));
        }
        if (s.accounting().isPresent()) {
            Accounting a = s.accounting().get();
            return "reason `" + a.reason().code() + "`: " + cell(a.note());
        }
        return s.required() ? "**UNACCOUNTED**" : "unaccounted (amount only)";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
