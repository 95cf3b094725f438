package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The JSON Schema editors validate policy files with accepts the real pack and rejects what the loader rejects. A
 * small validator for the keywords the schema uses keeps this test free of extra dependencies.
 */
class PolicySchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Path POLICIES = Path.of("..", "policies");

    final JsonNode schema = read(JSON, POLICIES.resolve("schema/policy.schema.json"));

    @Test
    void every_policy_of_the_pack_and_of_the_engine_test_pack_validates() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(POLICIES, Path.of("src/test/resources/packs/engine"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                        .filter(p -> !p.getFileName().toString().equals("index.yaml"))
                        .filter(p -> !p.getFileName().toString().equals("regions.yaml"))
                        .filter(p -> !p.getFileName().toString().equals("industries.yaml"))
                        .filter(p -> !p.getFileName().toString().startsWith("vocabulary")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path f : files) {
            assertThat(validate(read(YAML, f))).as(f.toString()).isEmpty();
        }
    }

    @Test
    void the_schema_rejects_unknown_keys_operators_and_scopes() {
        List<String> errors = validate(read(YAML, Path.of("src/test/resources/packs/bad/bad-a.yaml")));

        assertThat(errors).contains(
                "$: unknown key colour",
                "$.clauses[0].eligibility: matches none of the alternatives",
                "$.clauses[1].award.caps[0]: missing source",
                "$.clauses[1].award.caps[0].scope: not one of [\"item\",\"enterprise_year\",\"enterprise_total\"]");
    }

    @Test
    void the_schema_rejects_a_comparison_with_a_bad_operator_or_wording() throws IOException {
        JsonNode policy = read(YAML, POLICIES.resolve("cn-jl-changchun-new-area-2023-11.yaml"));
        JsonNode comparison = policy.at("/clauses/0/eligibility/all/2");
        assertThat(validateAt(comparison, "#/$defs/comparison")).isEmpty();

        JsonNode badOp = YAML.readTree("{fact: claim.park.enterprise_count, op: gte, value: 20}");
        assertThat(validateAt(badOp, "#/$defs/comparison")).containsExactly(
                "$.op: not one of [\"eq\",\"ne\",\"gt\",\"ge\",\"lt\",\"le\",\"in\",\"contains\"]");
        JsonNode badWording = YAML.readTree("{fact: claim.park.enterprise_count, op: ge, value: 20, wording: 以外}");
        assertThat(validateAt(badWording, "#/$defs/comparison")).hasSize(1);
        JsonNode twoOperands = YAML.readTree("{fact: claim.a, sum_of: [claim.b, claim.c], op: ge, value: 1}");
        assertThat(validateAt(twoOperands, "#/$defs/comparison")).containsExactly("$: matches 2 of the oneOf");
    }

    private List<String> validate(JsonNode doc) {
        List<String> errors = new ArrayList<>();
        check(schema, doc, "$", errors);
        return errors;
    }

    private List<String> validateAt(JsonNode doc, String ref) {
        List<String> errors = new ArrayList<>();
        check(resolve(ref), doc, "$", errors);
        return errors;
    }

    private JsonNode resolve(String ref) {
        return schema.at(ref.substring(1));
    }

    /** Checks the keywords policy.schema.json uses. */
    private void check(JsonNode s, JsonNode v, String path, List<String> errors) {
        if (s.has("$ref")) {
            check(resolve(s.get("$ref").textValue()), v, path, errors);
        }
        if (s.has("type") && !typeMatches(s.get("type"), v)) {
            errors.add(path + ": expected " + s.get("type") + ", got " + v.getNodeType());
            return;
        }
        if (s.has("const") && !s.get("const").equals(v)) {
            errors.add(path + ": not " + s.get("const"));
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": not one of " + s.get("enum"));
            }
        }
        if (v.isTextual()) {
            if (s.has("pattern") && !Pattern.compile(s.get("pattern").textValue()).matcher(v.textValue()).find()) {
                errors.add(path + ": does not match " + s.get("pattern").textValue());
            }
            if (s.has("minLength") && v.textValue().length() < s.get("minLength").intValue()) {
                errors.add(path + ": too short");
            }
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            if (s.has("minimum") && d.compareTo(s.get("minimum").decimalValue()) < 0
                    || s.has("maximum") && d.compareTo(s.get("maximum").decimalValue()) > 0
                    || s.has("exclusiveMinimum") && d.compareTo(s.get("exclusiveMinimum").decimalValue()) <= 0) {
                errors.add(path + ": out of range");
            }
        }
        if (v.isArray()) {
            if (s.has("minItems") && v.size() < s.get("minItems").intValue()) {
                errors.add(path + ": fewer than " + s.get("minItems") + " items");
            }
            if (s.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(s.get("items"), v.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (v.isObject()) {
            checkObject(s, v, path, errors);
        }
        if (s.has("oneOf")) {
            int matching = 0;
            for (JsonNode alt : s.get("oneOf")) {
                List<String> sub = new ArrayList<>();
                check(alt, v, path, sub);
                matching += sub.isEmpty() ? 1 : 0;
            }
            if (matching == 0) {
                errors.add(path + ": matches none of the alternatives");
            } else if (matching > 1) {
                errors.add(path + ": matches " + matching + " of the oneOf");
            }
        }
        if (s.has("anyOf")) {
            boolean any = false;
            for (JsonNode alt : s.get("anyOf")) {
                List<String> sub = new ArrayList<>();
                check(alt, v, path, sub);
                any |= sub.isEmpty();
            }
            if (!any) {
                errors.add(path + ": matches none of the anyOf");
            }
        }
    }

    private void checkObject(JsonNode s, JsonNode v, String path, List<String> errors) {
        if (s.has("required")) {
            for (JsonNode r : s.get("required")) {
                if (!v.has(r.textValue())) {
                    errors.add(path + ": missing " + r.textValue());
                }
            }
        }
        if (s.has("minProperties") && v.size() < s.get("minProperties").intValue()) {
            errors.add(path + ": too few properties");
        }
        JsonNode props = s.get("properties");
        for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
            String key = it.next();
            String sub = path + "." + key;
            if (s.has("propertyNames")) {
                check(s.get("propertyNames"), JSON.getNodeFactory().textNode(key), sub, errors);
            }
            if (props != null && props.has(key)) {
                check(props.get(key), v.get(key), sub, errors);
            } else if (s.has("additionalProperties")) {
                JsonNode ap = s.get("additionalProperties");
                if (ap.isBoolean() && !ap.booleanValue()) {
                    errors.add(path + ": unknown key " + key);
                } else if (ap.isObject()) {
                    check(ap, v.get(key), sub, errors);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.textValue()) {
            case "object" :
                return v.isObject();
            case "array" :
                return v.isArray();
            case "string" :
                return v.isTextual();
            case "number" :
                return v.isNumber();
            case "integer" :
                return v.isIntegralNumber();
            case "boolean" :
                return v.isBoolean();
            default :
                throw new IllegalArgumentException("type " + type);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
