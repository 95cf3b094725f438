package cn.huiqi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A copy of part of a pack for a test to change: its vocabulary files and the policies named, with their index. */
public final class PackCopy {

    private PackCopy() {
    }

    /** Copies the vocabulary files listed in {@code pack}'s index and the given policy files into {@code dir}. */
    public static Path subset(Path pack, Path dir, String... policyFiles) {
        try {
            List<String> vocabularies = vocabularyFiles(pack);
            for (String f : vocabularies) {
                Files.copy(pack.resolve(f), dir.resolve(f));
            }
            for (String f : policyFiles) {
                Files.copy(pack.resolve(f), dir.resolve(f));
            }
            List<String> index = new ArrayList<>();
            index.add("vocabulary:");
            vocabularies.forEach(v -> index.add("  - " + v));
            index.add("policies:");
            for (String f : policyFiles) {
                index.add("  - " + f);
            }
            Files.write(dir.resolve("index.yaml"), index);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vocabulary files of a pack's index (the lines under `vocabulary:`). */
    static List<String> vocabularyFiles(Path pack) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(pack.resolve("index.yaml"))) {
            if (line.startsWith("vocabulary:")) {
                in = true;
                String rest = line.substring("vocabulary:".length()).trim();
                if (!rest.isEmpty()) {
                    out.add(rest);
                    in = false;
                }
            } else if (in && line.trim().startsWith("- ")) {
                out.add(line.trim().substring(2).trim());
            } else if (in && !line.isBlank() && !line.startsWith(" ")) {
                in = false;
            }
        }
        return out;
    }

    /** The policy files in a directory (for listing what a subset left out). */
    static List<String> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
