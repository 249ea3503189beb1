package dev.credrift.sandbox.rgw;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-RGW tier's rule without a cluster of its own, for test classes whose worlds start their own RGW
 * ({@code store.backend: rgw}): without the Ceph binaries the class is <em>skipped</em> with the line that installs
 * them, and <em>fails</em> with it when the environment variable {@code CI} is {@code true}.
 * {@link RealRgwExtension} applies the same rule before starting its cluster.
 */
public final class CephBinariesRequired implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(CephBinariesRequired.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = CephBinaries.missingReason();
        // surefire and failsafe count a class aborted in beforeAll as "Tests run: 0" and drop the reason: say it here
        missing.ifPresent(reason -> LOG.warn("{}: real-RGW tests not run: {}", context.getDisplayName(), reason));
        RealRgwExtension.requireBinaries(missing, "true".equalsIgnoreCase(System.getenv("CI")));
    }
}
