package cn.huiqi.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the Huiqi project root: the directory holding {@code mvnw}, where the services' modules are. */
public final class ProjectRoot {

    /** System property (or environment variable {@code HUIQI_ROOT}) naming the root explicitly. */
    public static final String PROPERTY = "huiqi.root";

    private ProjectRoot() {
    }

    /** From {@value #PROPERTY}/HUIQI_ROOT if set, otherwise the nearest directory with mvnw above the working dir. */
    public static Path locate() {
        return locate(Settings.of(System.getProperties(), System.getenv()), Path.of(System.getProperty("user.dir")));
    }

    static Path locate(Map<String, String> sysProps, Map<String, String> env, Path workingDirectory) {
        return locate(Settings.of(sysProps, env), workingDirectory);
    }

    static Path locate(Settings settings, Path workingDirectory) {
        String explicit = settings.get(PROPERTY);
        if (explicit != null) {
            Path root = Path.of(explicit).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve("mvnw"))) {
                throw new IllegalStateException(PROPERTY + " is " + root + ", which has no mvnw: not the Huiqi root");
            }
            return root;
        }
        return walkUp(workingDirectory);
    }

    /** The nearest directory at or above {@code start} that contains mvnw. */
    public static Path walkUp(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Huiqi project root (a directory with mvnw) at or above " + start
                + "; run from inside the project or set -D" + PROPERTY + "=/path/to/huiqi (or HUIQI_ROOT).");
    }
}
