package dev.credrift.reconciler.rotate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecKeysWriteTest {

    private static final String USER = "CephObjectStoreUser storage/loki";
    private static final Map<String, Object> OPERATORS = entry("loki-keys");
    private static final Map<String, Object> HUMANS = entry("loki-extra");
    private static final SpecKeys.Entry OWNED = SpecKeys.Entry.owned("credrift-loki-0a1b2c3d");

    /** The object as the API server holds it: each write bumps the version; a write onto another version fails. */
    private final List<GenericKubernetesResource> versions = new ArrayList<>();

    private final List<String> writtenOnto = new ArrayList<>();

    @Test
    void shouldReReadAndKeepTheHumansEntryWhenTheListChangedBetweenTheReadAndTheWrite() {
        versions.add(user("1", List.of(OPERATORS)));
        SpecKeysWrite.Writer writer = (version, keys) -> {
            if (writtenOnto.isEmpty()) {
                // a human adds an entry right after credrift's read
                versions.add(user("2", List.of(OPERATORS, HUMANS)));
            }
            writtenOnto.add(version);
            return write(version, keys);
        };

        SpecKeysWrite.Written written = SpecKeysWrite.change(USER, this::latest, writer, k -> k.with(OWNED));

        assertThat(writtenOnto).containsExactly("1", "2");
        assertThat(SpecKeys.parse(SpecKeysWrite.keys(latest())).toMaps())
                .containsExactly(OPERATORS, HUMANS, OWNED.toMap());
        assertThat(written.before().entries()).hasSize(2);
        assertThat(written.after().entries()).hasSize(3);
    }

    @Test
    void shouldWriteNothingWhenTheListIsAlreadyAsWanted() {
        versions.add(user("7", List.of(OPERATORS, OWNED.toMap())));

        SpecKeysWrite.change(
                USER,
                this::latest,
                (version, keys) -> {
                    writtenOnto.add(version);
                    return true;
                },
                k -> k.with(OWNED));

        assertThat(writtenOnto).isEmpty();
    }

    @Test
    void shouldGiveUpNamingTheUserWhenTheObjectChangesUnderEveryAttempt() {
        versions.add(user("1", List.of(OPERATORS)));
        SpecKeysWrite.Writer busy = (version, keys) -> {
            versions.add(user(String.valueOf(versions.size() + 1), List.of(OPERATORS)));
            return false;
        };

        assertThatThrownBy(() -> SpecKeysWrite.change(USER, this::latest, busy, k -> k.with(OWNED)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "spec.keys of " + USER + " changed under each of 5 attempts to change it; tried again later");
        assertThat(versions).hasSize(1 + SpecKeysWrite.ATTEMPTS);
    }

    @Test
    void shouldNotRetryWhenTheServerRefusesAWriteOntoTheVersionJustRead() {
        versions.add(user("3", List.of(OPERATORS)));

        assertThatThrownBy(() -> SpecKeysWrite.change(USER, this::latest, (v, k) -> false, k -> k.with(OWNED)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the API server refuses the new spec.keys of " + USER);
    }

    private boolean write(String version, List<Map<String, Object>> keys) {
        if (!latest().getMetadata().getResourceVersion().equals(version)) {
            return false;
        }
        versions.add(user(String.valueOf(Integer.parseInt(version) + 10), keys));
        return true;
    }

    private GenericKubernetesResource latest() {
        return versions.get(versions.size() - 1);
    }

    private static GenericKubernetesResource user(String version, List<? extends Map<String, Object>> keys) {
        GenericKubernetesResource user = new GenericKubernetesResource();
        user.setMetadata(new ObjectMetaBuilder()
                .withNamespace("storage")
                .withName("loki")
                .withResourceVersion(version)
                .build());
        user.setAdditionalProperty("spec", Map.of("keys", List.copyOf(keys)));
        return user;
    }

    private static Map<String, Object> entry(String secret) {
        return Map.of(
                "accessKeyRef", Map.of("name", secret, "key", "access"),
                "secretKeyRef", Map.of("name", secret, "key", "secret"));
    }
}
