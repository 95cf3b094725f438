package cn.huiqi.engine.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.FactDefinition;
import cn.huiqi.engine.model.FactPeriod;
import cn.huiqi.engine.model.FactType;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.Region;
import cn.huiqi.engine.model.Unit;
import cn.huiqi.engine.model.Vocabulary;

/** Reads a whole pack (index, vocabulary, policy files), checks what spans files, and collects every error. */
final class PackReader {

    /** Where the pack's files come from. */
    interface Source {
        /** The file's text, or null if it does not exist. */
        String read(String name) throws IOException;

        /** The YAML files at the pack's root, when the source can list them; otherwise null. */
        List<String> yamlFiles() throws IOException;

        String describe();
    }

    static final String INDEX = "index.yaml";
    private static final Pattern FACT_NAME = Pattern.compile("(enterprise|claim)(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern DIVISION = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}");
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*\\.yaml");

    private final ObjectMapper yaml;
    private final List<ValidationError> errors = new ArrayList<>();

    PackReader() {
        yaml = new ObjectMapper(new YAMLFactory());
        yaml.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        yaml.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    PolicyPack read(Source source) {
        Cursor index = parse(source, INDEX);
        if (index == null) {
            // without its index there is no pack to speak of
            throw new PolicyValidationException(errors);
        }
        List<String> vocabularyFiles = new ArrayList<>(List.of("vocabulary.yaml"));
        List<String> policyFiles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String regionsFile = null;
        String industriesFile = null;
        if (index.object("vocabulary", "regions", "industries", "policies")) {
            industriesFile = optionalFile(index.field("industries"), seen);
            regionsFile = optionalFile(index.field("regions"), seen);
            Cursor v = index.field("vocabulary");
            if (v.present() && v.node().isArray()) {
                vocabularyFiles.clear();
                for (Cursor c : v.list(true)) {
                    String f = fileName(c);
                    if (f != null && !seen.add(f)) {
                        c.error("'" + f + "' is listed twice");
                    } else if (f != null) {
                        vocabularyFiles.add(f);
                    }
                }
            } else if (v.present()) {
                String f = fileName(v);
                vocabularyFiles.clear();
                if (f != null) {
                    vocabularyFiles.add(f);
                    seen.add(f);
                }
            }
            for (Cursor c : index.field("policies").list(true)) {
                String f = fileName(c);
                if (f != null && !seen.add(f)) {
                    c.error("'" + f + "' is listed twice");
                } else if (f != null && f.equals(INDEX)) {
                    c.error("the index cannot list itself");
                } else if (f != null) {
                    policyFiles.add(f);
                }
            }
            List<String> listed = new ArrayList<>(vocabularyFiles);
            Stream.of(regionsFile, industriesFile).filter(Objects::nonNull).forEach(listed::add);
            checkUnlisted(source, index, listed, policyFiles);
        }
        Map<String, Region> regions = regionsFile == null ? null : regions(source, regionsFile);
        Set<String> brokenFacts = new HashSet<>();
        Vocabulary vocabulary = vocabularyFiles.isEmpty() ? null : vocabulary(source, vocabularyFiles, brokenFacts);
        List<Policy> policies = new ArrayList<>();
        if (vocabulary != null) {
            List<PolicyReader.PendingCap> caps = new ArrayList<>();
            PolicyReader reader = new PolicyReader(vocabulary, brokenFacts, caps, regions);
            for (String file : policyFiles) {
                Cursor root = parse(source, file);
                if (root != null) {
                    Policy p = reader.read(root, file.substring(0, file.length() - ".yaml".length()));
                    if (p != null) {
                        policies.add(p);
                    }
                }
            }
            checkAcrossFiles(reader, caps);
        }
        Map<String, Bilingual> industries = new LinkedHashMap<>();
        if (industriesFile != null && vocabulary != null) {
            policies = classify(source, industriesFile, policies, policyFiles, industries);
        }
        if (!errors.isEmpty()) {
            throw new PolicyValidationException(errors);
        }
        return new PolicyPack(vocabulary, policies, industries);
    }

    /** The file an optional index key names (and remembered as listed), or null. */
    private String optionalFile(Cursor c, Set<String> seen) {
        String f = c.present() ? fileName(c) : null;
        if (f != null) {
            seen.add(f);
        }
        return f;
    }

    private String fileName(Cursor c) {
        String f = c.text();
        if (f != null && !FILE_NAME.matcher(f).matches()) {
            c.error("expected a file name in the pack's directory ending in .yaml, got '" + f + "'");
            return null;
        }
        return f;
    }

    private void checkUnlisted(Source source, Cursor index, List<String> vocabularyFiles, List<String> policyFiles) {
        List<String> present;
        try {
            present = source.yamlFiles();
        } catch (IOException e) {
            index.error("cannot list the pack directory: " + e.getMessage());
            return;
        }
        if (present == null) {
            return;
        }
        for (String f : present) {
            if (!f.equals(INDEX) && !vocabularyFiles.contains(f) && !policyFiles.contains(f)) {
                index.field("policies").error("'" + f + "' is in the pack directory but not listed here");
            }
        }
    }

    private Cursor parse(Source source, String file) {
        String text;
        try {
            text = source.read(file);
        } catch (IOException e) {
            errors.add(new ValidationError(file, Optional.empty(), "$", "cannot read: " + e.getMessage()));
            return null;
        }
        if (text == null) {
            errors.add(new ValidationError(file, Optional.empty(), "$", "file not found in " + source.describe()));
            return null;
        }
        JsonNode node;
        try {
            node = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            errors.add(new ValidationError(file, Optional.empty(), "$",
                    "not valid YAML" + where + ": " + e.getOriginalMessage()));
            return null;
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            errors.add(new ValidationError(file, Optional.empty(), "$", "the file is empty"));
            return null;
        }
        return Cursor.root(errors, file, node);
    }

    // ---- industries

    /**
     * {industries: {code: {zh, en}}, policies: {policy-id: [code, …]}}: every policy of the pack is classified, with
     * [] for one open to every industry.
     */
    private List<Policy> classify(Source source, String file, List<Policy> policies, List<String> policyFiles,
            Map<String, Bilingual> industries) {
        Cursor root = parse(source, file);
        if (root == null || !root.object("industries", "policies")) {
            return policies;
        }
        for (Map.Entry<String, Cursor> e : root.field("industries").entries()) {
            if (!CODE.matcher(e.getKey()).matches()) {
                e.getValue().error("an industry code is a lower-case code, got '" + e.getKey() + "'");
                continue;
            }
            Bilingual name = e.getValue().bilingual();
            if (name != null) {
                industries.put(e.getKey(), name);
            }
        }
        Map<String, List<String>> byPolicy = new LinkedHashMap<>();
        for (Map.Entry<String, Cursor> e : root.field("policies").entries()) {
            List<String> codes = new ArrayList<>();
            for (Cursor c : e.getValue().list(false)) {
                String code = c.text();
                if (code != null && !industries.containsKey(code)) {
                    c.error("unknown industry '" + code + "'; declare it under industries");
                } else if (code != null) {
                    codes.add(code);
                }
            }
            byPolicy.put(e.getKey(), codes);
            boolean known = policies.stream().anyMatch(p -> p.id().equals(e.getKey()))
                    || policyFiles.contains(e.getKey() + ".yaml");
            if (!known) {
                e.getValue().error("no policy '" + e.getKey() + "' in the pack");
            }
        }
        List<Policy> out = new ArrayList<>();
        for (Policy p : policies) {
            List<String> codes = byPolicy.get(p.id());
            if (codes == null) {
                root.field("policies").error("policy '" + p.id() + "' is not classified; list its industries, or [] "
                        + "for a policy open to every industry");
                out.add(p);
            } else {
                out.add(p.withIndustries(codes));
            }
        }
        return out;
    }

    // ---- regions

    /** {regions: {code: {zh, en, divisions: [...], partial: [...], note: {zh, en}}}}. */
    private Map<String, Region> regions(Source source, String file) {
        Map<String, Region> out = new LinkedHashMap<>();
        Cursor root = parse(source, file);
        if (root == null || !root.object("regions")) {
            return out;
        }
        for (Map.Entry<String, Cursor> e : root.field("regions").entries()) {
            Cursor r = e.getValue();
            if (!r.object("zh", "en", "divisions", "partial", "note")) {
                continue;
            }
            if (!PolicyReader.POLICY_ID.matcher(e.getKey()).matches()) {
                r.error("a region code is lower-case words joined by '-', got '" + e.getKey() + "'");
                continue;
            }
            String zh = r.field("zh").text();
            String en = r.field("en").text();
            List<String> divisions = divisionCodes(r.field("divisions"));
            List<String> partial = divisionCodes(r.field("partial"));
            if (divisions.isEmpty() && partial.isEmpty()) {
                r.error("a region lists at least one division under divisions or partial");
                continue;
            }
            Optional<Bilingual> note = r.field("note").optionalBilingual();
            if (zh != null && en != null) {
                out.put(e.getKey(), new Region(e.getKey(), new Bilingual(zh, en), divisions, partial, note));
            }
        }
        return out;
    }

    private static List<String> divisionCodes(Cursor c) {
        List<String> out = new ArrayList<>();
        for (Cursor d : c.optionalList()) {
            String code = d.text();
            if (code != null && !DIVISION.matcher(code).matches()) {
                d.error("a GB/T 2260 division is 2, 4 or 6 digits (a province, a city, a county), got '" + code + "'");
            } else if (code != null) {
                out.add(code);
            }
        }
        return out;
    }

    // ---- vocabulary

    /**
     * The vocabulary from its files, in the order listed: each may declare units and facts; a unit or fact is declared
     * once in the whole pack, and a file may use the units of the files before it.
     */
    private Vocabulary vocabulary(Source source, List<String> files, Set<String> brokenFacts) {
        List<Cursor> roots = new ArrayList<>();
        boolean ok = true;
        for (String file : files) {
            Cursor root = parse(source, file);
            if (root == null || !root.object("units", "facts")) {
                ok = false;
            } else {
                roots.add(root);
            }
        }
        if (!ok) {
            return null;
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Cursor> unitAt = new HashMap<>();
        for (Cursor root : roots) {
            for (Map.Entry<String, Cursor> e : root.field("units").entries()) {
                Bilingual words = e.getValue().bilingual();
                Cursor earlier = unitAt.putIfAbsent(e.getKey(), e.getValue());
                if (earlier != null) {
                    e.getValue().error("unit '" + e.getKey() + "' is already declared in " + earlier.file());
                } else if (words != null) {
                    units.put(e.getKey(), new Unit(e.getKey(), words.zh(), words.en()));
                }
            }
        }
        List<FactDefinition> facts = new ArrayList<>();
        Map<String, Cursor> factAt = new HashMap<>();
        for (Cursor root : roots) {
            facts(root, units, facts, factAt, brokenFacts);
        }
        return new Vocabulary(facts, units.values());
    }

    private void facts(Cursor root, Map<String, Unit> units, List<FactDefinition> facts, Map<String, Cursor> factAt,
            Set<String> brokenFacts) {
        for (Map.Entry<String, Cursor> e : root.field("facts").entries()) {
            Cursor earlier = factAt.putIfAbsent(e.getKey(), e.getValue());
            if (earlier != null) {
                e.getValue().error("fact '" + e.getKey() + "' is already declared in " + earlier.file() + " at "
                        + earlier.path());
                continue;
            }
            int before = errors.size();
            if (!FACT_NAME.matcher(e.getKey()).matches()) {
                e.getValue().error("a fact name is 'enterprise.' or 'claim.' followed by dotted lower-case words, got '"
                        + e.getKey() + "'");
            }
            FactDefinition f = fact(e.getKey(), e.getValue(), units, true);
            if (f == null || errors.size() > before) {
                brokenFacts.add(e.getKey());
            } else {
                facts.add(f);
            }
        }
    }

    /** A fact of the vocabulary; {@code top} for a claim or enterprise fact, false for an item's field. */
    private static FactDefinition fact(String name, Cursor c, Map<String, Unit> units, boolean top) {
        if (!c.object("type", "unit", "values", "multiple", "label", "description", "fields", "period")) {
            return null;
        }
        FactType type = PolicyReader.enumCode(c.field("type"), FactType.values(), FactType::code);
        Optional<Vocabulary> fields = Optional.empty();
        if (type == FactType.ITEMS && !top) {
            c.field("type").error("an item's field cannot itself be a list of items");
            return null;
        }
        if (type == FactType.ITEMS) {
            List<FactDefinition> fieldDefs = new ArrayList<>();
            boolean ok = true;
            for (Map.Entry<String, Cursor> e : c.field("fields").entries()) {
                if (!CODE.matcher(e.getKey()).matches()) {
                    e.getValue().error("an item field is a lower-case code, got '" + e.getKey() + "'");
                    ok = false;
                    continue;
                }
                FactDefinition fd = fact("item." + e.getKey(), e.getValue(), units, false);
                ok &= fd != null;
                if (fd != null) {
                    fieldDefs.add(fd);
                }
            }
            if (!ok || fieldDefs.isEmpty()) {
                if (fieldDefs.isEmpty() && c.field("fields").present()) {
                    c.field("fields").error("an items fact declares at least one field");
                }
                return null;
            }
            fields = Optional.of(new Vocabulary(fieldDefs, units.values()));
        } else if (c.field("fields").present()) {
            c.field("fields").error("only items facts declare fields");
        }
        Bilingual label = c.field("label").bilingual();
        Bilingual description = c.field("description").bilingual();
        Optional<Unit> unit = Optional.empty();
        Cursor u = c.field("unit");
        if (type != null) {
            boolean needsUnit = type == FactType.MONEY || type == FactType.COUNT || type == FactType.DECIMAL;
            // an items fact is a list; its fields carry the units
            if (needsUnit && !u.present()) {
                u.error("a " + type.code() + " fact needs a unit");
            } else if (!needsUnit && u.present()) {
                u.error("a " + type.code() + " fact has no unit");
            } else if (u.present()) {
                String code = u.text();
                if (code != null && !units.containsKey(code)) {
                    u.error("unknown unit '" + code + "'; declare it under units");
                } else if (code != null && type == FactType.MONEY && !"CNY".equals(code)) {
                    u.error("money is in CNY");
                } else if (code != null) {
                    unit = Optional.of(units.get(code));
                }
            }
        }
        Map<String, Bilingual> values = new LinkedHashMap<>();
        Cursor v = c.field("values");
        if (type == FactType.ENUM) {
            for (Map.Entry<String, Cursor> e : v.entries()) {
                if (!CODE.matcher(e.getKey()).matches()) {
                    e.getValue().error("an enum value is a lower-case code, got '" + e.getKey() + "'");
                }
                Bilingual l = e.getValue().bilingual();
                if (l != null) {
                    values.put(e.getKey(), l);
                }
            }
            if (v.present() && values.isEmpty()) {
                v.error("an enum fact lists at least one value");
            }
        } else if (type != null && v.present()) {
            v.error("only enum facts list values");
        }
        boolean multiple = false;
        if (c.field("multiple").present()) {
            Boolean m = c.field("multiple").bool();
            if (m != null && m && type != FactType.ENUM) {
                c.field("multiple").error("only enum facts can hold several values");
            } else if (m != null) {
                multiple = m;
            }
        }
        Optional<FactPeriod> period = Optional.empty();
        if (c.field("period").present()) {
            period = Optional
                    .ofNullable(PolicyReader.enumCode(c.field("period"), FactPeriod.values(), FactPeriod::code));
            if (period.isEmpty()) {
                return null;
            }
        }
        if (type == null || label == null || description == null || (type == FactType.ENUM && values.isEmpty())) {
            return null;
        }
        try {
            return new FactDefinition(name, type, unit, values, multiple, label, description, fields, period);
        } catch (IllegalArgumentException e) {
            c.error(e.getMessage());
            return null;
        }
    }

    // ---- across files

    private void checkAcrossFiles(PolicyReader reader, List<PolicyReader.PendingCap> caps) {
        Set<String> clauseIds = new LinkedHashSet<>();
        duplicates(reader.clauseIds, "clause");
        reader.clauseIds.forEach(d -> clauseIds.add(d.id()));
        duplicates(reader.capIds, "cap");
        for (PolicyReader.PendingCap pc : caps) {
            for (String covered : pc.cap().clauseIds()) {
                if (!clauseIds.contains(covered)) {
                    pc.at().field("covers").error("covers unknown clause '" + covered + "'");
                }
            }
        }
    }

    private static void duplicates(List<PolicyReader.DeclaredId> ids, String what) {
        Map<String, Cursor> first = new HashMap<>();
        for (PolicyReader.DeclaredId d : ids) {
            Cursor earlier = first.putIfAbsent(d.id(), d.at());
            if (earlier != null) {
                d.at().error("duplicate " + what + " id '" + d.id() + "': also used in " + earlier.file() + " at "
                        + earlier.path());
            }
        }
    }
}
