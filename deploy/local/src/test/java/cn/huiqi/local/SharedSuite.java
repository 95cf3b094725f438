package cn.huiqi.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One suite for every end-to-end test class of the run ({@code @ExtendWith(SharedSuite.class)}): started before the
 * first class, stopped when the whole test plan ends, so the services start once.
 */
public final class SharedSuite implements BeforeAllCallback {

    private static HuiqiSuite suite;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedSuite.class) {
            if (suite == null) {
                HuiqiSuite started = HuiqiSuite.startForTests();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedSuite.class,
                        (ExtensionContext.Store.CloseableResource) () -> stop(started));
                suite = started;
            }
        }
    }

    private static void stop(HuiqiSuite started) {
        synchronized (SharedSuite.class) {
            started.close();
            suite = null;
        }
    }

    /** The running suite; only inside a class extended with {@link SharedSuite}. */
    public static synchronized HuiqiSuite suite() {
        if (suite == null) {
            throw new IllegalStateException("No suite: extend the test class with @ExtendWith(SharedSuite.class)");
        }
        return suite;
    }
}
