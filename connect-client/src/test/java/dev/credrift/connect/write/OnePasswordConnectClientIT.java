package dev.credrift.connect.write;

import static dev.credrift.connect.write.ConnectFixture.ACCESS_KEY_ID;
import static dev.credrift.connect.write.ConnectFixture.ITEM;
import static dev.credrift.connect.write.ConnectFixture.LABELS;
import static dev.credrift.connect.write.ConnectFixture.SECRET;
import static dev.credrift.connect.write.ConnectFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.connect.ConnectException;
import dev.credrift.connect.ItemField;
import dev.credrift.connect.ItemRef;
import dev.credrift.connect.VaultCredential;
import dev.credrift.connect.VaultItem;
import dev.credrift.connect.VaultRef;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.onepassword.ReadAfterWriteLag;
import dev.credrift.sandbox.onepassword.SpecViolation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnePasswordConnectClientIT {

    @TempDir
    Path dir;

    private ConnectFixture world;
    private OnePasswordConnectClient client;

    @BeforeEach
    void start() {
        world = ConnectFixture.start(dir);
        client = world.client();
    }

    @AfterEach
    void stop() {
        assertThat(world.emulator.specViolations())
                .as("requests the spec rejects")
                .isEmpty();
        world.close();
    }

    @Test
    void shouldLocateItemWhenVaultNameAndTitleMatch() {
        ItemRef item = client.locateItem(VAULT, ITEM);

        assertThat(item.id()).isEqualTo(world.item.id());
        assertThat(item.vault()).isEqualTo(new VaultRef(world.item.vaultId(), VAULT));
        assertThat(item.title()).isEqualTo(ITEM);
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.updatedAt()).isNotNull();
    }

    @Test
    void shouldReadCredentialWhenBothFieldsHoldValues() {
        VaultCredential read = client.readCredentialFields(world.item.vaultId(), world.item.id(), LABELS);

        assertThat(read.credential()).isEqualTo(Credential.of(ACCESS_KEY_ID, SECRET));
        assertThat(read.item().version()).isEqualTo(1);
        assertThat(read.toString()).doesNotContain(SECRET).doesNotContain(ACCESS_KEY_ID);
    }

    @Test
    void shouldGetItemWithEveryFieldWhenFetchedById() {
        VaultItem item = client.getItem(world.item.vaultId(), world.item.id());

        assertThat(item.fields()).extracting(ItemField::label).containsExactly("access_key", "secret_key", "notes");
        assertThat(item.fields()).allSatisfy(f -> assertThat(f.type()).isEqualTo("CONCEALED"));
        assertThat(item.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldPatchOnlyOurFieldAndKeepHumanEditWhenWriting() {
        ItemRef item = client.locateItem(VAULT, ITEM);
        world.emulator.editField(world.item, "notes", "rotated by hand on Tuesday");

        WriteResult result = client.patchFields(item, Map.of("secret_key", SecretValue.of("new-secret-value-1")));

        assertThat(result.changed()).isTrue();
        assertThat(result.item().version()).isEqualTo(3);
        assertThat(world.emulator.readField(world.item, "secret_key").reveal()).isEqualTo("new-secret-value-1");
        assertThat(world.emulator.readField(world.item, "notes").reveal()).isEqualTo("rotated by hand on Tuesday");
        assertThat(world.emulator.readField(world.item, "access_key").reveal()).isEqualTo(ACCESS_KEY_ID);
        assertThat(world.emulator.requests("PATCH"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void shouldWriteBothCredentialFieldsInOnePatchWhenCredentialChanges() {
        ItemRef item = client.locateItem(VAULT, ITEM);

        WriteResult result =
                client.writeCredential(item, LABELS, Credential.of("AKIANEWKEY0000000001", "new-secret-2"));

        assertThat(result.item().version()).isEqualTo(2);
        assertThat(client.readCredentialFields(item, LABELS).credential())
                .isEqualTo(Credential.of("AKIANEWKEY0000000001", "new-secret-2"));
        assertThat(world.emulator.requests("PATCH")).hasSize(1);
    }

    @Test
    void shouldSendNoPatchWhenFieldsAlreadyHoldTheValues() {
        ItemRef item = client.locateItem(VAULT, ITEM);

        WriteResult result = client.writeCredential(item, LABELS, Credential.of(ACCESS_KEY_ID, SECRET));

        assertThat(result.changed()).isFalse();
        assertThat(result.readBackAttempts()).isZero();
        assertThat(world.emulator.requests("PATCH")).isEmpty();
    }

    @Test
    void shouldReadBackUntilVisibleWhenConnectServesPreviousVersion() {
        ItemRef item = client.locateItem(VAULT, ITEM);
        world.emulator.readAfterWriteLag(ReadAfterWriteLag.forReads(2));

        WriteResult result = client.patchFields(item, Map.of("secret_key", SecretValue.of("lagging-secret")));

        assertThat(result.readBackAttempts()).isEqualTo(3);
        assertThat(result.item().version()).isEqualTo(2);
        assertThat(world.emulator.requests("GET").stream().filter(r -> r.path().endsWith(world.item.id())))
                .hasSize(4);
    }

    @Test
    void shouldThrowNotVisibleWhenLagOutlastsReadBackPolicy() {
        ItemRef item = client.locateItem(VAULT, ITEM);
        world.emulator.readAfterWriteLag(ReadAfterWriteLag.forReads(1000));

        assertThatThrownBy(() -> client.patchFields(item, Map.of("secret_key", SecretValue.of("never-seen-secret"))))
                .isInstanceOfSatisfying(ConnectException.NotVisible.class, e -> {
                    assertThat(e.attempts()).isEqualTo(ConnectFixture.FAST_READ_BACK.maxAttempts());
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage())
                            .contains(ITEM)
                            .contains("version 2")
                            .doesNotContain("never-seen-secret");
                });
    }

    @Test
    void shouldThrowConflictWhenSomeoneOverwritesOurFieldBeforeItIsVisible() {
        ItemRef item = client.locateItem(VAULT, ITEM);
        world.emulator.readAfterWriteLag(ReadAfterWriteLag.forReads(1));
        AtomicInteger sleeps = new AtomicInteger();
        OnePasswordConnectClient racing = new OnePasswordConnectClient(world.config(), Clock.systemUTC(), delay -> {
            if (sleeps.getAndIncrement() == 0) {
                // the human's change is served at once, so the next read shows version 3 without our value
                world.emulator.readAfterWriteLag(ReadAfterWriteLag.none());
                world.emulator.editField(world.item, "secret_key", "human-wins");
            }
        });

        assertThatThrownBy(() -> racing.patchFields(item, Map.of("secret_key", SecretValue.of("ours-lost"))))
                .isInstanceOfSatisfying(
                        ConnectException.Conflict.class,
                        e -> assertThat(e.getMessage())
                                .contains("version 3")
                                .doesNotContain("ours-lost")
                                .doesNotContain("human-wins"));
    }

    @Test
    void shouldFailWithFieldProblemWhenLabelMissing() {
        ItemRef item = client.locateItem(VAULT, ITEM);

        assertThatThrownBy(() -> client.readFields(item, List.of("region")))
                .isInstanceOfSatisfying(ConnectException.FieldProblem.class, e -> {
                    assertThat(e.label()).isEqualTo("region");
                    assertThat(e.problem()).isEqualTo(ConnectException.FieldProblem.Problem.MISSING);
                    assertThat(e.getMessage())
                            .contains("'region'")
                            .contains(ITEM)
                            .contains(VAULT);
                });
        assertThat(world.emulator.requests("PATCH")).isEmpty();
    }

    @Test
    void shouldFailWithFieldProblemWhenCredentialFieldEmpty() {
        world.emulator.editField(world.item, "secret_key", "");

        assertThatThrownBy(() -> client.readCredentialFields(client.locateItem(VAULT, ITEM), LABELS))
                .isInstanceOfSatisfying(
                        ConnectException.FieldProblem.class,
                        e -> assertThat(e.problem()).isEqualTo(ConnectException.FieldProblem.Problem.EMPTY));
    }

    @Test
    void shouldFailAmbiguousWhenTwoItemsShareTheTitle() {
        world.emulator.putItem(VAULT, ITEM, Map.of("access_key", "AKIADUPLICATE0000001"));

        assertThatThrownBy(() -> client.locateItem(VAULT, ITEM))
                .isInstanceOf(ConnectException.Ambiguous.class)
                .hasMessageContaining("2 matches")
                .hasMessageContaining(ITEM);
    }

    @Test
    void shouldSendRequestsTheSpecAcceptsWhenExercisingEveryOperation() {
        ItemRef item = client.locateItem(VAULT, ITEM);
        client.getItem(item);
        client.readCredentialFields(item, LABELS);
        client.writeCredential(item, LABELS, Credential.of("AKIAOTHERKEY00000001", "other-secret"));
        client.heartbeat();

        assertThat(world.emulator.specViolations())
                .extracting(SpecViolation::direction)
                .isEmpty();
        assertThat(world.emulator.requests())
                .extracting(r -> r.method() + " " + r.status())
                .contains("GET 200", "PATCH 200")
                .doesNotContain("PATCH 400");
    }
}
