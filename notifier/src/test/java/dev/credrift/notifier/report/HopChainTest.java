package dev.credrift.notifier.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.StoreVerdict;
import org.junit.jupiter.api.Test;

class HopChainTest {

    private static DriftDetected drift(DriftClass driftClass, Authority authority, HopFingerprints fingerprints) {
        return new DriftDetected(Fixtures.LOKI, driftClass, authority, fingerprints, StoreVerdict.ACCEPTED, "d");
    }

    private static final HopFingerprints VAULT_STALE = new HopFingerprints(
            Fixtures.fp(Fixtures.ROTATED), Fixtures.fp(Fixtures.STALE), Fixtures.fp(Fixtures.STALE));

    @Test
    void shouldMarkEveryHopAfterTheSourceStaleWhenTheVaultIsStale() {
        HopChain chain =
                HopChain.of(drift(DriftClass.VAULT_STALE, Authority.SOURCE, VAULT_STALE), HopLabels.DEFAULT, "loki");

        assertThat(chain.line()).isEqualTo("Rook \u2713 \u2192 1Password \u2717 \u2192 ESO \u2717 \u2192 loki \u2717");
    }

    @Test
    void shouldMarkOnlyConsumersStaleWhenTheyAreTheOnlyStaleHop() {
        HopFingerprints same = new HopFingerprints(
                Fixtures.fp(Fixtures.ROTATED), Fixtures.fp(Fixtures.ROTATED), Fixtures.fp(Fixtures.ROTATED));
        HopChain chain =
                HopChain.of(drift(DriftClass.CONSUMERS_STALE, Authority.SOURCE, same), HopLabels.DEFAULT, "loki");

        assertThat(chain.line()).isEqualTo("Rook \u2713 \u2192 1Password \u2713 \u2192 ESO \u2713 \u2192 loki \u2717");
    }

    @Test
    void shouldCompareWithTheVaultWhenTheVaultIsTheAuthority() {
        HopChain chain = HopChain.of(
                drift(DriftClass.STORE_MISSING_ACCOUNT, Authority.VAULT, VAULT_STALE), HopLabels.DEFAULT, "tempo");

        assertThat(chain.line()).isEqualTo("Rook \u2717 \u2192 1Password \u2713 \u2192 ESO \u2713 \u2192 tempo ?");
    }

    @Test
    void shouldMarkTheHopsHoldingARejectedAuthorityStaleAndTheOthersUnknown() {
        HopFingerprints fingerprints = new HopFingerprints(
                Fixtures.fp(Fixtures.ROTATED), Fixtures.fp(Fixtures.STALE), Fixtures.fp(Fixtures.STALE));
        HopChain chain = HopChain.of(
                drift(DriftClass.AUTHORITY_REJECTED, Authority.VAULT, fingerprints), HopLabels.DEFAULT, "loki");

        assertThat(chain.line()).isEqualTo("Rook ? \u2192 1Password \u2717 \u2192 ESO \u2717 \u2192 loki \u2717");
    }

    @Test
    void shouldShowUnknownHopsWhenNothingCouldBeRead() {
        HopChain chain = HopChain.of(
                drift(DriftClass.IDENTITY_REJECTED, Authority.SOURCE, new HopFingerprints(null, null, null)),
                new HopLabels("STS", "1Password", "ESO", "consumers"),
                "consumers");

        assertThat(chain.line()).isEqualTo("STS ? \u2192 1Password ? \u2192 ESO ? \u2192 consumers ?");
    }
}
