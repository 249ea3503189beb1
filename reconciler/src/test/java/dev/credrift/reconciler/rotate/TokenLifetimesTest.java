package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.rotate.TokenLifetimes.IssuedKeys;
import dev.credrift.reconciler.rotate.TokenLifetimes.PodToken;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token lifetimes reported for a role-based binding instead of a rotation (issue 17, stores (3)). */
class TokenLifetimesTest {

    private static final Instant EXCHANGED = Instant.parse("2026-12-07T22:05:00Z");
    private static final String STS = "sts.amazonaws.com";

    static Stream<Arguments> pods() {
        return Stream.of(
                Arguments.of(
                        "the EKS webhook's aws-iam-token",
                        List.of(pod("tempo", token(STS, 86400L))),
                        List.of(new PodToken(STS, Duration.ofHours(24)))),
                Arguments.of(
                        "a volume naming no expirationSeconds (Kubernetes' default)",
                        List.of(pod("tempo", token(STS, null))),
                        List.of(new PodToken(STS, Duration.ofHours(1)))),
                Arguments.of(
                        "the API server's own token, which names no audience",
                        List.of(pod("tempo", token(null, 3607L))),
                        List.of()),
                Arguments.of(
                        "a pod of another ServiceAccount",
                        List.of(pod("tempo-distributor", token(STS, 86400L))),
                        List.of()),
                Arguments.of(
                        "a pod with no ServiceAccount named (the default one)",
                        List.of(pod(null, token(STS, 86400L))),
                        List.of()),
                Arguments.of(
                        "replicas mounting the same token, and one mounting another audience",
                        List.of(
                                pod("tempo", token(STS, 86400L)),
                                pod("tempo", token(STS, 86400L)),
                                pod("tempo", token("tempo", 3600L))),
                        List.of(new PodToken(STS, Duration.ofHours(24)), new PodToken("tempo", Duration.ofHours(1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pods")
    void shouldReadThePodsWebIdentityTokensWhenTheyRunAsTheBindingsServiceAccount(
            String what, List<Pod> pods, List<PodToken> expected) {
        List<PodToken> read = TokenLifetimes.podTokens(pods, "tempo");

        assertThat(new TokenLifetimes(Optional.empty(), read).podTokens())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> wordings() {
        IssuedKeys hour = IssuedKeys.of(EXCHANGED.plusSeconds(2), EXCHANGED.plus(Duration.ofHours(1)));
        return Stream.of(
                Arguments.of(
                        "keys issued for the default hour, pods on the webhook's day-long token",
                        Optional.of(hour),
                        List.of(new PodToken(STS, Duration.ofHours(24))),
                        "STS issues its temporary keys for 1 h and the pods' web-identity"
                                + " tokens (audience sts.amazonaws.com) live 24 h, renewed by the kubelet"),
                Arguments.of(
                        "no exchange (credrift check), two audiences",
                        Optional.empty(),
                        List.of(
                                new PodToken(STS, Duration.ofSeconds(5400)),
                                new PodToken(STS, Duration.ofHours(24)),
                                new PodToken("tempo", Duration.ofMinutes(10))),
                        "the pods' web-identity tokens (audience sts.amazonaws.com) live 1 h 30 min or 24 h, tokens"
                                + " (audience tempo) live 10 min, renewed by the kubelet"),
                Arguments.of(
                        "a short session and no pod with a token",
                        Optional.of(IssuedKeys.of(EXCHANGED, EXCHANGED.plus(Duration.ofMinutes(15)))),
                        List.of(),
                        "STS issues its temporary keys for 15 min and no pod of"
                                + " its ServiceAccount mounts a projected web-identity token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wordings")
    void shouldWordTheLifetimesWhenTheyWereRead(
            String what, Optional<IssuedKeys> keys, List<PodToken> tokens, String expected) {
        assertThat(new TokenLifetimes(keys, tokens).describe()).isEqualTo(expected);
    }

    private static ServiceAccountTokenProjection token(String audience, Long expirationSeconds) {
        return new ServiceAccountTokenProjection(audience, expirationSeconds, "token");
    }

    private static Pod pod(String serviceAccount, ServiceAccountTokenProjection token) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("tempo-0")
                .withNamespace("tracing")
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(serviceAccount)
                .withVolumes(new VolumeBuilder()
                        .withName("aws-iam-token")
                        .withNewProjected()
                        .withSources(new VolumeProjectionBuilder()
                                .withServiceAccountToken(token)
                                .build())
                        .endProjected()
                        .build())
                .endSpec()
                .build();
    }
}
