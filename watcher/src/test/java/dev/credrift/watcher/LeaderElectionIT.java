package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.watcher.fixtures.Fixtures;
import dev.credrift.watcher.fixtures.Observations;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeaderElectionIT extends WatcherITBase {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final URI A = URI.create("urn:credrift:watcher:a");
    private static final URI B = URI.create("urn:credrift:watcher:b");

    @Test
    void shouldLetOnlyTheLeaseHolderEmitAndHandOverWhenItStops() throws Exception {
        String key1 = world.plantKeyId();
        String secret1 = world.plant("loki-1");
        world.rookUser("loki", key1, secret1);
        world.externalSecret("monitoring", "loki-s3-credentials", key1, secret1);
        world.binding(Fixtures.binding("monitoring", "loki-s3", "loki", "loki-s3-credentials"));

        Watcher a = start(replica("watcher-a", A));
        Watcher b = start(replica("watcher-b", B));
        await().atMost(Duration.ofSeconds(30)).until(() -> a.isLeader() ^ b.isLeader());
        Watcher leader = a.isLeader() ? a : b;
        Watcher follower = leader == a ? b : a;
        URI leaderSource = leader == a ? A : B;
        URI followerSource = leader == a ? B : A;
        observations.await(0, ResyncRequested.class, r -> r.bindingId().equals(LOKI));
        int from = observations.position();

        String key2 = world.plantKeyId();
        String secret2 = world.plant("loki-2");
        world.rotateRook("loki", key2, secret2);
        Fingerprint rotated = fingerprint(key2, secret2);
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> rotated.equals(s.credential().fingerprint()));
        // a fence: once the leader's later change is seen, a second emitter would have shown up before it
        world.rotateRook("loki", world.plantKeyId(), world.plant("loki-3"));
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> !rotated.equals(s.credential().fingerprint()));

        List<Observations.Received> sinceRotation =
                observations.all().subList(from, observations.all().size());
        assertThat(sinceRotation).extracting(r -> r.event().source()).containsOnly(leaderSource);
        assertThat(sinceRotation)
                .filteredOn(r -> r.payload() instanceof SourceSecretObserved s
                        && rotated.equals(s.credential().fingerprint()))
                .hasSize(1);
        assertThat(observations.all()).extracting(r -> r.event().source()).doesNotContain(followerSource);
        assertThat(follower.stats().published()).isZero();

        int beforeHandOver = observations.position();
        watchers.remove(leader);
        leader.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(follower::isLeader);
        ResyncRequested takeOver = observations.await(
                beforeHandOver, ResyncRequested.class, r -> r.bindingId().equals(LOKI));
        assertThat(takeOver.reason()).isEqualTo(ResyncRequested.Reason.STARTUP);
        assertThat(observations.all().subList(beforeHandOver, observations.all().size()))
                .extracting(r -> r.event().source())
                .containsOnly(followerSource);
    }

    private WatcherConfig replica(String identity, URI source) {
        return config().withEventSource(source)
                .withElection(WatcherConfig.Election.defaults()
                        .withIdentity(identity)
                        .withLease("credrift", "credrift-watcher")
                        .withTimings(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500)));
    }
}
