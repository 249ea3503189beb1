package dev.credrift.sandbox.rgw;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealRgwExtensionTest {

    private static final String MISSING =
            "radosgw is not installed. Install them (Debian 12) with: " + CephBinaries.INSTALL_COMMAND;

    @Test
    void shouldSkipWithInstallLineWhenBinariesAreMissingOutsideCi() {
        assertThatThrownBy(() -> RealRgwExtension.requireBinaries(Optional.of(MISSING), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(
                        "apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common");
    }

    @Test
    void shouldFailWithInstallLineWhenBinariesAreMissingOnCi() {
        assertThatThrownBy(() -> RealRgwExtension.requireBinaries(Optional.of(MISSING), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("CI=true: ")
                .hasMessageContaining(CephBinaries.INSTALL_COMMAND);
    }

    @Test
    void shouldGoOnWhenBinariesArePresent() {
        assertThatCode(() -> RealRgwExtension.requireBinaries(Optional.empty(), true))
                .doesNotThrowAnyException();
    }
}
