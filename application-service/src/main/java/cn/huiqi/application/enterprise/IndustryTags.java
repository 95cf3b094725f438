package cn.huiqi.application.enterprise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import cn.huiqi.support.problem.ProblemException;

/** The platform's industry classification (policies/industries.yaml): the tags an enterprise may carry. */
@ApplicationScoped
public class IndustryTags {

    /** Code → Chinese name, and Chinese name → code. */
    private final Map<String, String> codes = new LinkedHashMap<>();

    public IndustryTags() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("policies/industries.yaml")) {
            if (in == null) {
                throw new IllegalStateException("policies/industries.yaml is not on the classpath");
            }
            JsonNode industries = new YAMLMapper().readTree(in).path("industries");
            industries.fields().forEachRemaining(f -> {
                codes.put(f.getKey(), f.getKey());
                codes.put(f.getValue().path("zh").asText(), f.getKey());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tags as codes, each once, in the given order; 422 {@code invalid-industry-tag} naming the unknown ones. */
    public List<String> checked(List<String> tags) {
        if (tags == null) {
            return null;
        }
        List<String> unknown = new ArrayList<>();
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String tag : tags) {
            String code = codes.get(tag.strip());
            if (code == null) {
                unknown.add(tag);
            } else {
                result.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "invalid-industry-tag", "Unknown industry tag",
                    "unknown industry tags " + unknown + "; use a code or Chinese name of policies/industries.yaml",
                    Map.of("violations", unknown.stream().map(t -> Map.of("field", "industryTags", "message",
                            "unknown industry tag " + t)).toList()));
        }
        return List.copyOf(result);
    }
}
