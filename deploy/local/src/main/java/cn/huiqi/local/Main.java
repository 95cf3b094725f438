package cn.huiqi.local;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.huiqi.infra.DevJwt;

/**
 * {@code up}: starts the whole suite ({@link HuiqiSuite}, configured by {@link SuiteConfig#local()}), prints where
 * everything is and keeps it running until the JVM is stopped (Ctrl-C, SIGTERM), which stops everything.
 * <p>
 * Run from the project root with {@code ./mvnw -B package -DskipTests -Pup}.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        if ("token".equals(command)) {
            // The same as deploy/local/mint-token: a development token signed with HUIQI_HOME/jwt's key.
            DevJwt.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (!"up".equals(command)) {
            System.err.println("Usage: cn.huiqi.local.Main [up | token --role ROLE [--uscc CODE] [--department NAME]]"
                    + "\n  up     start PostgreSQL, Kafka and the four services and keep them running until Ctrl-C"
                    + " (settings: see cn.huiqi.local.SuiteConfig)\n  token  print a development bearer token");
            System.exit(2);
        }
        HuiqiSuite suite;
        try {
            suite = HuiqiSuite.start(SuiteConfig.local());
        } catch (RuntimeException e) {
            LOG.error("Huiqi did not start: {}", e.getMessage());
            LOG.debug("Cause", e);
            System.exit(1);
            return;
        }
        System.out.println(suite.describe());
        System.out.println("Press Ctrl-C to stop everything.");
        System.out.flush();
        // The suite's shutdown hook stops everything when the JVM is told to exit.
        new CountDownLatch(1).await();
    }
}
