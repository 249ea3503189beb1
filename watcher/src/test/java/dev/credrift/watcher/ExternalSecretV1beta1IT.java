package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBindingCrd;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.ExternalSecretObserved;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ReplicaSecretObserved;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.kube.ReferenceCrds;
import dev.credrift.watcher.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster with an older ESO (ExternalSecret served at v1beta1 only) and no Rook CRDs at all. */
class ExternalSecretV1beta1IT extends WatcherITBase {

    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");

    @Override
    MockKubernetes startKube() {
        return MockKubernetes.startWith(
                List.of(CredentialBindingCrd.definition(), ReferenceCrds.EXTERNAL_SECRET.servingOnly("v1beta1")));
    }

    @Override
    String externalSecretVersion() {
        return "v1beta1";
    }

    @Test
    void shouldWatchExternalSecretsAtV1beta1WhenTheClusterServesOnlyThat() throws Exception {
        String key = world.plantKeyId();
        String secret = world.plant("tempo");
        world.create(Fixtures.rookSecret("tempo", key, secret));
        world.externalSecret("tracing", "tempo-s3-credentials", key, secret);
        world.binding(Fixtures.binding("tracing", "tempo-s3", "tempo", "tempo-s3-credentials"));

        start(config());

        ExternalSecretObserved es = observations.await(
                0, ExternalSecretObserved.class, e -> e.bindingId().equals(TEMPO));
        assertThat(es.ready()).isEqualTo(ExternalSecretObserved.ConditionStatus.TRUE);
        assertThat(es.problems()).isEmpty();
        ReplicaSecretObserved replica = observations.await(
                0, ReplicaSecretObserved.class, r -> r.bindingId().equals(TEMPO));
        assertThat(replica.credential().fingerprint()).isEqualTo(fingerprint(key, secret));
        SourceSecretObserved source = observations.await(
                0, SourceSecretObserved.class, s -> s.bindingId().equals(TEMPO));
        assertThat(source.credential().fingerprint()).isEqualTo(fingerprint(key, secret));
        assertThat(source.problems()).extracting(p -> p.code()).doesNotContain(ProblemCode.MISSING_OBJECT);
    }
}
