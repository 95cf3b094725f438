package cn.huiqi.infra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the level of chatty infrastructure loggers to WARNING through java.util.logging. That reaches the output when
 * SLF4J is bound to a JUL-based backend, which is the case in a Quarkus test JVM (JBoss LogManager). Levels set
 * explicitly elsewhere are kept. With slf4j-simple (the launcher) the levels come from simplelogger.properties instead.
 */
final class LogLevels {

    /** JUL keeps loggers weakly; holding them keeps the levels. */
    private static final Map<String, Logger> QUIETED = new ConcurrentHashMap<>();

    private LogLevels() {
    }

    static void quiet(String... categories) {
        for (String category : categories) {
            QUIETED.computeIfAbsent(category, name -> {
                Logger logger = Logger.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.WARNING);
                }
                return logger;
            });
        }
    }
}
