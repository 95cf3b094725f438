package cn.huiqi.engine.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.huiqi.engine.PolicyPack;

/**
 * Loads and validates a policy pack: {@code index.yaml} listing the policy files, {@code vocabulary.yaml} declaring
 * the facts, and one YAML file per policy document. Any problem fails the load with a
 * {@link PolicyValidationException} listing all problems found.
 */
public final class PolicyPackLoader {

    private PolicyPackLoader() {
    }

    /** Loads the pack under a classpath folder, e.g. {@code "policies"}, with the thread's context class loader. */
    public static PolicyPack fromClasspath(String root) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return fromClasspath(root, cl != null ? cl : PolicyPackLoader.class.getClassLoader());
    }

    public static PolicyPack fromClasspath(String root, ClassLoader classLoader) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(classLoader, "classLoader");
        String prefix = root.replaceAll("^/+|/+$", "");
        return new PackReader().read(new PackReader.Source() {
            @Override
            public String read(String name) throws IOException {
                try (InputStream in = classLoader.getResourceAsStream(prefix + "/" + name)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }

            @Override
            public List<String> yamlFiles() {
                // a classpath folder cannot be listed reliably inside a jar: the index is the list
                return null;
            }

            @Override
            public String describe() {
                return "classpath:" + prefix;
            }
        });
    }

    /** Loads the pack in a directory; also reports YAML files there that the index does not list. */
    public static PolicyPack fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new PackReader().read(new PackReader.Source() {
            @Override
            public String read(String name) throws IOException {
                Path file = directory.resolve(name);
                return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            }

            @Override
            public List<String> yamlFiles() throws IOException {
                if (!Files.isDirectory(directory)) {
                    return null;
                }
                try (Stream<Path> files = Files.list(directory)) {
                    return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).sorted()
                            .collect(Collectors.toList());
                }
            }

            @Override
            public String describe() {
                return directory.toString();
            }
        });
    }
}
