package dev.credrift.sandbox.rgw;

import dev.credrift.sandbox.tls.TestPki;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link RealRgw} (started before its first test, closed after its last), as a parameter
 * of constructors, test methods and lifecycle methods:
 * <pre>{@code
 * @ExtendWith(RealRgwExtension.class)
 * class RgwProbeIT {
 *     @BeforeAll
 *     static void start(RealRgw rgw) { ... }
 * }
 * }</pre>
 *
 * <p>The cluster serves plain HTTP on {@link RealRgw#endpoint()} and HTTPS on {@link RealRgw#httpsEndpoint()}, with a
 * certificate for {@link #HTTPS_NAMES} from a private CA ({@link RealRgw#caCertificatePem()}).
 *
 * <p>Without the Ceph binaries the class's tests are <em>skipped</em> (a JUnit assumption whose message says how to
 * install them) — except when the environment variable {@code CI} is {@code true}: there they <em>fail</em> with
 * that message, so that a CI machine without Ceph never passes the real-RGW tier by skipping it.
 */
public final class RealRgwExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealRgwExtension.class);
    private static final String KEY = "rgw";
    /** The names on the HTTPS certificate of the class's cluster. */
    public static final List<String> HTTPS_NAMES = List.of("127.0.0.1", "localhost");

    @Override
    public void beforeAll(ExtensionContext context) {
        new CephBinariesRequired().beforeAll(context);
        // HTTPS too, from a private CA: costs a few milliseconds, and lets a class test TLS against RGW's own stack
        TestPki ca = TestPki.newCa("real-rgw-ca");
        RealRgw rgw = RealRgw.builder()
                .https(ca.serverCertificate(HTTPS_NAMES.toArray(String[]::new)))
                .start();
        context.getStore(NAMESPACE).put(KEY, new ClassRgw(rgw, ca));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RealRgw.class;
    }

    @Override
    public RealRgw resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ClassRgw started = extensionContext.getStore(NAMESPACE).get(KEY, ClassRgw.class);
        if (started == null) {
            throw new ParameterResolutionException("no real RGW for " + parameterContext.getDeclaringExecutable()
                    + ": register RealRgwExtension on the test class (@ExtendWith), not on a method");
        }
        return started.rgw();
    }

    /** Skips (assumption) or, on CI, fails when {@code missing} says the binaries are absent. */
    static void requireBinaries(Optional<String> missing, boolean onCi) {
        if (missing.isEmpty()) {
            return;
        }
        if (onCi) {
            Assertions.fail("CI=true: " + missing.get());
        }
        Assumptions.assumeTrue(false, missing.get());
    }

    /** The class's cluster; JUnit closes it (an {@link AutoCloseable} in the class's store) after the class. */
    private record ClassRgw(RealRgw rgw, TestPki ca) implements AutoCloseable {
        @Override
        public void close() {
            rgw.close();
        }
    }
}
