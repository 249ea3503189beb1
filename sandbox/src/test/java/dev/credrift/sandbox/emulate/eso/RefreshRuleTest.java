package dev.credrift.sandbox.emulate.eso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.emulate.ObjectKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshRuleTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void shouldRefreshWhenNeverSynced() {
        for (RefreshPolicy policy : RefreshPolicy.values()) {
            assertThat(RefreshRule.shouldRefresh(es(policy, Duration.ofHours(1), Map.of(), null, null), NOW))
                    .as(policy.wireName())
                    .isTrue();
        }
    }

    @Test
    void shouldRefreshOnAnAnnotationChangeWhenPeriodicWithAnInterval() {
        ExternalSecretState synced = synced(RefreshPolicy.PERIODIC, Duration.ofHours(1));

        assertThat(RefreshRule.shouldRefresh(synced, NOW)).isFalse();
        assertThat(RefreshRule.shouldRefresh(annotated(synced), NOW)).isTrue();
        assertThat(RefreshRule.forceSyncIgnoredBecause(synced)).isEmpty();
    }

    @Test
    void shouldIgnoreAnAnnotationChangeWhenPeriodicWithIntervalZero() {
        ExternalSecretState synced = synced(RefreshPolicy.PERIODIC, Duration.ZERO);

        assertThat(RefreshRule.shouldRefresh(annotated(synced), NOW.plus(Duration.ofDays(30))))
                .isFalse();
        assertThat(RefreshRule.forceSyncIgnoredBecause(synced)).contains("refreshInterval is 0");
    }

    @Test
    void shouldIgnoreEverythingAfterTheFirstSyncWhenCreatedOnce() {
        ExternalSecretState synced = synced(RefreshPolicy.CREATED_ONCE, Duration.ofMinutes(1));

        assertThat(RefreshRule.shouldRefresh(annotated(synced), NOW.plus(Duration.ofDays(30))))
                .isFalse();
        assertThat(RefreshRule.forceSyncIgnoredBecause(synced)).contains("refreshPolicy is CreatedOnce");
    }

    @Test
    void shouldRefreshOnChangeOnlyWhenOnChangeWhateverTheInterval() {
        ExternalSecretState synced = synced(RefreshPolicy.ON_CHANGE, Duration.ZERO);

        assertThat(RefreshRule.shouldRefresh(synced, NOW.plus(Duration.ofDays(30))))
                .isFalse();
        assertThat(RefreshRule.shouldRefresh(annotated(synced), NOW)).isTrue();
        assertThat(RefreshRule.forceSyncIgnoredBecause(synced)).isEmpty();
    }

    @Test
    void shouldRefreshOnlyOnceTheIntervalHasPassedWhenPeriodic() {
        ExternalSecretState synced = synced(RefreshPolicy.PERIODIC, Duration.ofHours(1));

        assertThat(RefreshRule.shouldRefresh(synced, NOW.plus(Duration.ofMinutes(59))))
                .isFalse();
        assertThat(RefreshRule.shouldRefresh(synced, NOW.plus(Duration.ofMinutes(61))))
                .isTrue();
        assertThat(RefreshRule.shouldRefresh(synced, NOW.minus(Duration.ofMinutes(1))))
                .isTrue();
    }

    private static ExternalSecretState synced(RefreshPolicy policy, Duration interval) {
        ExternalSecretState fresh = es(policy, interval, Map.of(), null, null);
        return es(policy, interval, Map.of(), fresh.currentResourceVersion(), NOW);
    }

    private static ExternalSecretState annotated(ExternalSecretState es) {
        return new ExternalSecretState(
                es.key(),
                es.uid(),
                es.generation(),
                es.labels(),
                Map.of("force-sync", "1700000000"),
                es.refreshInterval(),
                es.refreshPolicy(),
                es.targetName(),
                es.creationPolicy(),
                es.deletionPolicy(),
                es.immutable(),
                es.template(),
                es.storeName(),
                es.storeKind(),
                es.data(),
                es.dataFrom(),
                es.syncedResourceVersion(),
                es.refreshTime(),
                es.conditions());
    }

    private static ExternalSecretState es(
            RefreshPolicy policy,
            Duration interval,
            Map<String, String> annotations,
            String synced,
            Instant refreshed) {
        return new ExternalSecretState(
                new ObjectKey("monitoring", "loki-s3-credentials"),
                "uid",
                1,
                Map.of("app", "loki"),
                annotations,
                interval,
                policy,
                "loki-s3-credentials",
                "Owner",
                "Retain",
                false,
                Optional.empty(),
                "onepassword",
                "SecretStore",
                List.of(),
                List.of(),
                Optional.ofNullable(synced),
                Optional.ofNullable(refreshed),
                List.of());
    }
}
