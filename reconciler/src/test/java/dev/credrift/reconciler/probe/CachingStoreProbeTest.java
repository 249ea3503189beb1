package dev.credrift.reconciler.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.sandbox.emulate.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingStoreProbeTest {

    private static final ProbeTarget TARGET = ProbeTarget.of("http://rgw:80", "loki-chunks");
    private static final Credential LOKI = Credential.of("AKIALOKI0000000000AA", "loki-planted-secret");

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final List<ProbeVerdict> answers = new ArrayList<>();
    private int calls;
    private CachingStoreProbe cache;

    @BeforeEach
    void setUp() {
        StoreProbe store = (target, credential) -> {
            calls++;
            return answers.isEmpty() ? new Accepted(false) : answers.remove(0);
        };
        cache = new CachingStoreProbe(
                store,
                clock,
                Duration.ofSeconds(30),
                new Fingerprinter("a fingerprint key for tests".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldAnswerFromCacheWhenAskedAgainWithinTtl() {
        ProbeVerdict first = cache.probe(TARGET, LOKI);
        clock.advance(Duration.ofSeconds(29));

        ProbeVerdict second = cache.probe(TARGET, LOKI);

        assertThat(calls).isEqualTo(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void shouldAskStoreAgainWhenEvidenceIsNewerThanTheCachedVerdict() {
        answers.add(new Accepted(false));
        answers.add(new Rejected(Rejected.Reason.USER_SUSPENDED, "UserSuspended", 403, false));
        cache.probe(TARGET, LOKI);
        clock.advance(Duration.ofSeconds(2));

        ProbeVerdict after = cache.probeNotOlderThan(TARGET, LOKI, clock.instant());

        assertThat(calls).isEqualTo(2);
        assertThat(after).isInstanceOf(Rejected.class);
    }

    @Test
    void shouldAskStoreWhenProbedFreshWhileAVerdictIsCached() {
        answers.add(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        answers.add(new Accepted(false));
        cache.probe(TARGET, LOKI);

        ProbeVerdict fresh = cache.probeFresh(TARGET, LOKI);
        ProbeVerdict next = cache.probe(TARGET, LOKI);

        assertThat(calls).isEqualTo(2);
        assertThat(fresh).isInstanceOf(Accepted.class);
        assertThat(next).as("the fresh answer is kept for the next ones").isSameAs(fresh);
    }

    @Test
    void shouldReuseAVerdictObtainedAfterTheEvidenceWhenManyHandlingsFollowOneChange() {
        Instant change = clock.instant();
        clock.advance(Duration.ofMillis(300));
        ProbeVerdict first = cache.probeNotOlderThan(TARGET, LOKI, change);
        clock.advance(Duration.ofMillis(300));

        ProbeVerdict second = cache.probeNotOlderThan(TARGET, LOKI, change);

        assertThat(calls).isEqualTo(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void shouldAskStoreAgainWhenTtlHasPassed() {
        answers.add(new Accepted(false));
        answers.add(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        cache.probe(TARGET, LOKI);
        clock.advance(Duration.ofSeconds(30));

        ProbeVerdict after = cache.probe(TARGET, LOKI);

        assertThat(calls).isEqualTo(2);
        assertThat(after).isInstanceOf(Rejected.class);
    }

    @Test
    void shouldMissWhenSecretDiffersForSameAccessKey() {
        cache.probe(TARGET, LOKI);

        cache.probe(TARGET, Credential.of(LOKI.accessKeyId(), "another-secret"));

        assertThat(calls).isEqualTo(2);
    }

    @Test
    void shouldMissWhenTargetDiffers() {
        cache.probe(TARGET, LOKI);

        cache.probe(ProbeTarget.of("http://rgw:80", "tempo-traces"), LOKI);
        cache.probe(TARGET.withRegion("eu-west-1"), LOKI);

        assertThat(calls).isEqualTo(3);
    }

    @Test
    void shouldAskStoreAgainWhenInvalidated() {
        cache.probe(TARGET, LOKI);

        cache.invalidate(TARGET, LOKI);
        cache.probe(TARGET, LOKI);
        cache.invalidateAll();
        cache.probe(TARGET, LOKI);

        assertThat(calls).isEqualTo(3);
    }

    @Test
    void shouldCacheUnreachableToo() {
        answers.add(new ProbeVerdict.Unreachable("down", false));

        cache.probe(TARGET, LOKI);
        ProbeVerdict again = cache.probe(TARGET, LOKI);

        assertThat(calls).isEqualTo(1);
        assertThat(again).isInstanceOf(ProbeVerdict.Unreachable.class);
    }

    @Test
    void shouldShowNoSecretInToString() {
        cache.probe(TARGET, LOKI);

        assertThat(cache.toString()).doesNotContain(LOKI.secret().reveal()).doesNotContain(LOKI.accessKeyId());
    }

    @Test
    void shouldRefuseNonPositiveTtl() {
        assertThatThrownBy(() -> new CachingStoreProbe(
                        (t, c) -> new Accepted(false), clock, Duration.ZERO, new Fingerprinter(new byte[16])))
                .isInstanceOf(InvalidProbeSettings.class)
                .hasMessageContaining("ttl");
    }
}
