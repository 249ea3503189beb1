package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.sandbox.emulate.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectStoreTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ConnectStore store = new ConnectStore(clock, new ObjectMapper(), doc -> {});

    @Test
    void shouldBumpVersionAndStampClockWhenFieldEdited() {
        ConnectVault vault = store.createVault("Infrastructure");
        ConnectItem item = store.putItem(vault.id(), "loki-s3-config", "API_CREDENTIAL", Map.of("secret_key", "a"));
        clock.advance(Duration.ofMinutes(5));

        store.editField(vault.id(), item.id(), "secret_key", "b");

        ItemSnapshot snapshot = store.snapshot(vault.id(), item.id());
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.updatedAt()).isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
        assertThat(snapshot.lastEditedBy()).isEqualTo(ConnectStore.HUMAN_EDITOR);
        assertThat(ConnectIds.isValid(item.id())).isTrue();
    }

    @Test
    void shouldServePreviousVersionWhenReadWithinLagWindow() {
        ConnectVault vault = store.createVault("Infrastructure");
        ConnectItem item = store.putItem(vault.id(), "loki-s3-config", "API_CREDENTIAL", Map.of("secret_key", "a"));
        store.lag(ReadAfterWriteLag.forDuration(Duration.ofSeconds(2)));
        store.editField(vault.id(), item.id(), "secret_key", "b");

        assertThat(store.getItem(vault.id(), item.id()).get("version").asInt()).isEqualTo(1);
        assertThat(store.listItems(vault.id(), Optional.empty())
                        .get(0)
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.getItem(vault.id(), item.id()).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldNotLagChangesMadeBeforeLagWasSet() {
        ConnectVault vault = store.createVault("Infrastructure");
        ConnectItem item = store.putItem(vault.id(), "loki-s3-config", "API_CREDENTIAL", Map.of("secret_key", "a"));
        store.editField(vault.id(), item.id(), "secret_key", "b");

        store.lag(ReadAfterWriteLag.forReads(3));

        assertThat(store.getItem(vault.id(), item.id()).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseEditWhenLabelUnknown() {
        ConnectVault vault = store.createVault("Infrastructure");
        ConnectItem item = store.putItem(vault.id(), "loki-s3-config", "API_CREDENTIAL", Map.of("secret_key", "a"));

        assertThatThrownBy(() -> store.editField(vault.id(), item.id(), "nope", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'")
                .hasMessageNotContaining("x\"");
    }

    @Test
    void shouldAnswer403WhenVaultDenied() {
        ConnectVault vault = store.createVault("Infrastructure");
        store.denyVault(vault.id(), true);

        assertThatThrownBy(() -> store.listItems(vault.id(), Optional.empty()))
                .isInstanceOfSatisfying(
                        ConnectError.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(store.listVaults(Optional.empty())).isEmpty();
    }
}
