package dev.credrift.sandbox.logs;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test whose run — its {@code @BeforeEach}, body and {@code @AfterEach}, or for a class its {@code
 * @BeforeAll}/{@code @AfterAll} — logged a {@code ConcurrentModificationException}: the sign of a Kafka consumer
 * used from two threads ({@code KafkaConsumer is not safe for multi-threaded access}), which loses commits. Every module
 * that uses test-support gets it in its integration tests: test-support registers it in {@code
 * META-INF/services/org.junit.jupiter.api.extension.Extension} and the parent pom turns on JUnit's extension
 * auto-detection for failsafe.
 */
public final class NoConcurrentModification
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String MARK = "ConcurrentModificationException";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoConcurrentModification.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        open(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context);
    }

    private static void open(ExtensionContext context) {
        context.getStore(NAMESPACE).put(LogCapture.class, LogCapture.asConfigured());
    }

    private static void check(ExtensionContext context) {
        LogCapture capture = context.getStore(NAMESPACE).remove(LogCapture.class, LogCapture.class);
        if (capture == null) {
            return;
        }
        capture.close();
        List<String> found = offending(capture.lines());
        if (!found.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " logged " + found.size() + " line(s) with a " + MARK
                    + " (a Kafka consumer used from two threads); the first:\n" + found.get(0));
        }
    }

    static List<String> offending(List<String> lines) {
        return lines.stream().filter(line -> line.contains(MARK)).toList();
    }
}
