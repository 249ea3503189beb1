package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorldGateTest {

    private static final String MISSING = "radosgw is not installed. Install them (Debian 12) with: apt-get …";

    @Test
    void shouldRunWhenNothingIsMissing() {
        assertThat(WorldGate.decide(Optional.empty(), false)).isEqualTo(new WorldGate.Run());
        assertThat(WorldGate.decide(Optional.empty(), true)).isEqualTo(new WorldGate.Run());
    }

    @Test
    void shouldSkipWithTheInstallHintWhenCephIsMissingOutsideCi() {
        assertThat(WorldGate.decide(Optional.of(MISSING), false)).isEqualTo(new WorldGate.Skip(MISSING));
    }

    @Test
    void shouldFailWithTheInstallHintWhenCephIsMissingOnCi() {
        assertThat(WorldGate.decide(Optional.of(MISSING), true))
                .isEqualTo(new WorldGate.Fail("CI=true, and " + MISSING));
    }
}
