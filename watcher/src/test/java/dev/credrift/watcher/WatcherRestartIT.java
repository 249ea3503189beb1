package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.watcher.fixtures.Fixtures;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatcherRestartIT extends WatcherITBase {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");

    @Test
    void shouldRevealAChangeMadeWhileItWasStoppedWhenStartedAgain() throws Exception {
        String key1 = world.plantKeyId();
        String secret1 = world.plant("before");
        world.rookUser("loki", key1, secret1);
        world.externalSecret("monitoring", "loki-s3-credentials", key1, secret1);
        world.binding(Fixtures.binding("monitoring", "loki-s3", "loki", "loki-s3-credentials"));
        Watcher first = start(config());
        observations.await(
                0,
                SourceSecretObserved.class,
                s -> fingerprint(key1, secret1).equals(s.credential().fingerprint()));
        watchers.remove(first);
        first.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int from = observations.position();

        String key2 = world.plantKeyId();
        String secret2 = world.plant("while-down");
        world.rotateRook("loki", key2, secret2);
        Fingerprint rotated = fingerprint(key2, secret2);
        assertThat(observations.position()).as("nobody watches while stopped").isEqualTo(from);

        start(config());

        SourceSecretObserved revealed = observations.await(
                from,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(LOKI) && rotated.equals(s.credential().fingerprint()));
        assertThat(revealed.problems()).isEmpty();
        ResyncRequested resync = observations.await(
                from, ResyncRequested.class, r -> r.bindingId().equals(LOKI));
        assertThat(resync.reason()).isEqualTo(ResyncRequested.Reason.STARTUP);
    }
}
