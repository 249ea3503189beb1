package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.VaultItemObserved;
import dev.credrift.sandbox.onepassword.ConnectItem;
import dev.credrift.sandbox.onepassword.Fault;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.onepassword.RecordedRequest;
import dev.credrift.sandbox.tls.TestPki;
import dev.credrift.watcher.fixtures.Fixtures;
import dev.credrift.watcher.vault.VaultPolling;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault polling against the sandbox's 1Password Connect emulator (which checks every request against the published
 * spec and logs them): one observation per binding and item edit, the request budget, faults as typed problems and
 * recovery, and neither a field value nor the token in any record or log line (checked by the base class).
 */
class VaultPollingIT extends WatcherITBase {

    private static final String NS = "monitoring";
    private static final String VAULT = "Infrastructure";
    private static final String ITEM = "loki-s3-config";
    private static final BindingId LOKI = BindingId.of(NS, "loki-s3");
    private static final BindingId RULER = BindingId.of(NS, "loki-ruler-s3");
    private static final BindingId TEMPO = BindingId.of(NS, "tempo-s3");

    @TempDir
    Path dir;

    OnePasswordConnectEmulator connect;
    Path tokenFile;

    @BeforeEach
    void startConnect() throws Exception {
        String token = world.plant("connect-token");
        connect = OnePasswordConnectEmulator.builder().token(token).start();
        connect.createVault(VAULT);
        tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopConnect() {
        try {
            assertThat(connect.specViolations())
                    .as("requests and answers follow the Connect spec")
                    .isEmpty();
        } finally {
            connect.close();
        }
    }

    @Test
    void shouldEmitExactlyOneVaultItemObservedPerBindingUsingTheItemWhenItIsEdited() throws Exception {
        String key = world.plantKeyId();
        String secret1 = world.plant("loki-1");
        ConnectItem loki = connect.putItem(VAULT, ITEM, fields(key, secret1));
        String tempoKey = world.plantKeyId();
        String tempoSecret = world.plant("tempo-1");
        connect.putItem(VAULT, "tempo-s3-config", fields(tempoKey, tempoSecret));
        world.binding(Fixtures.binding(NS, LOKI.name(), "loki", "loki-s3-credentials"));
        world.binding(Fixtures.binding(NS, RULER.name(), "loki", "loki-s3-credentials"));
        world.binding(vaultBinding(TEMPO.name(), VAULT, "tempo-s3-config"));
        start(config().withVaultPolling(polling(Duration.ofMillis(200), 600)));

        for (BindingId id : List.of(LOKI, RULER)) {
            VaultItemObserved first = observations.await(
                    0, VaultItemObserved.class, o -> o.bindingId().equals(id) && o.credential() != null);
            assertThat(first.credential().fingerprint()).isEqualTo(fingerprint(key, secret1));
            assertThat(first.vault()).isEqualTo(VAULT);
            assertThat(first.item()).isEqualTo(ITEM);
            assertThat(first.itemVersion()).isEqualTo(1L);
            assertThat(first.problems()).isEmpty();
        }
        observations.await(0, VaultItemObserved.class, o -> o.bindingId().equals(TEMPO) && o.credential() != null);
        int from = observations.position();
        int fullReadsBefore = fullReads(loki).size();
        // several polls with nothing changed: item lists only, no full reads
        int requestsBefore = connect.requests().size();
        awaitRequests(requestsBefore + 6);
        assertThat(fullReads(loki)).hasSize(fullReadsBefore);

        String secret2 = world.plant("loki-2");
        connect.editField(loki, "secret_key", secret2);
        Fingerprint edited = fingerprint(key, secret2);
        for (BindingId id : List.of(LOKI, RULER)) {
            observations.await(
                    from,
                    VaultItemObserved.class,
                    o -> o.bindingId().equals(id)
                            && o.credential() != null
                            && edited.equals(o.credential().fingerprint()));
        }
        // a later edit elsewhere: once it is seen, whatever the first edit caused has been published before it
        String tempoSecret2 = world.plant("tempo-2");
        connect.editField(VAULT, "tempo-s3-config", "secret_key", tempoSecret2);
        observations.await(
                from,
                VaultItemObserved.class,
                o -> o.bindingId().equals(TEMPO)
                        && o.credential() != null
                        && fingerprint(tempoKey, tempoSecret2)
                                .equals(o.credential().fingerprint()));

        List<VaultItemObserved> after = observations.since(from, VaultItemObserved.class);
        assertThat(after).extracting(VaultItemObserved::bindingId).containsExactlyInAnyOrder(LOKI, RULER, TEMPO);
        assertThat(after).filteredOn(o -> !o.bindingId().equals(TEMPO)).allSatisfy(o -> {
            assertThat(o.itemVersion()).isEqualTo(2L);
            assertThat(o.credential().fingerprint()).isEqualTo(edited);
        });
        assertThat(fullReads(loki)).as("one full read of the new version").hasSize(fullReadsBefore + 1);
        assertThat(connect.requests()).noneMatch(RecordedRequest::isWrite);
    }

    @Test
    void shouldStayWithinTheRequestBudgetWhenManyBindingsArePolled() throws Exception {
        connect.createVault("Observability");
        int bindings = 30;
        for (int i = 0; i < bindings; i++) {
            String vault = i % 2 == 0 ? VAULT : "Observability";
            connect.putItem(vault, "item-" + i, fields(world.plantKeyId(), world.plant("many-" + i)));
            world.binding(vaultBinding("b-" + i, vault, "item-" + i));
        }
        int budget = 12;
        Duration window = Duration.ofSeconds(4);
        start(config().withVaultPolling(polling(Duration.ofMillis(100), budget).withBudget(budget, window)));

        Set<BindingId> seen = new HashSet<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            observations.poll();
            observations.since(0, VaultItemObserved.class).stream()
                    .filter(o -> o.credential() != null)
                    .forEach(o -> seen.add(o.bindingId()));
            return seen.size() == bindings;
        });
        // then a few more polls: two item lists each, nothing else
        int settled = connect.requests().size();
        awaitRequests(settled + 8);

        List<RecordedRequest> requests = connect.requests();
        assertThat(requests.size())
                .as("2 vault lookups, %d full reads, item lists", bindings)
                .isGreaterThanOrEqualTo(2 + bindings);
        assertThat(requests.stream()
                        .filter(r -> r.path().matches("/v1/vaults/[^/]+/items/[^/]+"))
                        .count())
                .as("each item read in full once")
                .isEqualTo(bindings);
        assertThat(requests.stream().filter(r -> r.path().equals("/v1/vaults")).count())
                .as("each vault looked up once")
                .isEqualTo(2);
        // the budget holds in every window; the log has the server's time, and a request budgeted at once may arrive
        // late (the first ones of a cold HTTP client take up to a second): a second allowed for that
        Duration slack = Duration.ofSeconds(1);
        for (int i = 0; i < requests.size(); i++) {
            Instant start = requests.get(i).at();
            long inWindow = requests.stream()
                    .filter(r -> !r.at().isBefore(start)
                            && r.at().isBefore(start.plus(window).minus(slack)))
                    .count();
            assertThat(inWindow)
                    .as(
                            "requests within %s from request %d: %s",
                            window, i, requests.subList(i, Math.min(requests.size(), i + budget + 2)))
                    .isLessThanOrEqualTo(budget);
        }
        assertThat(requests).allMatch(r -> r.status() == 200);
    }

    @Test
    void shouldReportATypedProblemAndRecoverWhenConnectFails() throws Exception {
        String key = world.plantKeyId();
        String secret = world.plant("loki");
        connect.putItem(VAULT, ITEM, fields(key, secret));
        world.binding(Fixtures.binding(NS, LOKI.name(), "loki", "loki-s3-credentials"));
        start(config().withVaultPolling(polling(Duration.ofMillis(200), 600)));
        Fingerprint good = fingerprint(key, secret);
        observations.await(0, ResyncRequested.class, r -> r.bindingId().equals(LOKI));
        observations.await(
                0,
                VaultItemObserved.class,
                o -> o.credential() != null && good.equals(o.credential().fingerprint()));

        // 500: unreachable, then back
        int from = observations.position();
        connect.injectFault(Fault.serverError());
        VaultItemObserved failing = observations.await(
                from, VaultItemObserved.class, o -> !o.problems().isEmpty());
        assertThat(failing.credential()).isNull();
        assertThat(failing.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.UNREACHABLE);
            assertThat(p.message())
                    .isEqualTo("the items of 1Password vault 'Infrastructure' could not be listed:"
                            + " HTTP 500 (backing off)");
        });
        connect.clearFaults();
        observations.await(
                from,
                VaultItemObserved.class,
                o -> o.credential() != null
                        && good.equals(o.credential().fingerprint())
                        && o.problems().isEmpty());

        // 429 with Retry-After: unreachable, no request before it has passed, then back
        from = observations.position();
        connect.clearRequests();
        connect.injectFault(Fault.rateLimited(Duration.ofSeconds(2)), 1);
        VaultItemObserved limited = observations.await(
                from, VaultItemObserved.class, o -> !o.problems().isEmpty());
        assertThat(limited.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.UNREACHABLE);
            assertThat(p.message()).endsWith("HTTP 429 (Connect rate limit; backing off)");
        });
        observations.await(
                from,
                VaultItemObserved.class,
                o -> o.credential() != null && o.problems().isEmpty());
        List<RecordedRequest> around = connect.requests();
        RecordedRequest refused =
                around.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        RecordedRequest next = around.get(around.indexOf(refused) + 1);
        assertThat(Duration.between(refused.at(), next.at()))
                .as("Retry-After honoured")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));

        // 401 after the token was rotated: forbidden until the token file holds the new one, then back
        from = observations.position();
        String rotated = world.plant("connect-token-2");
        connect.rotateToken(rotated);
        VaultItemObserved refusedToken = observations.await(
                from, VaultItemObserved.class, o -> !o.problems().isEmpty());
        assertThat(refusedToken.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.FORBIDDEN);
            assertThat(p.message()).endsWith("HTTP 401 (the Connect token was refused)");
        });
        Files.writeString(tokenFile, rotated, StandardCharsets.UTF_8);
        observations.await(
                from,
                VaultItemObserved.class,
                o -> o.credential() != null
                        && o.problems().isEmpty()
                        && good.equals(o.credential().fingerprint()));
        assertThat(logs.lines()).anyMatch(l -> l.contains("VaultPoll") && l.contains("HTTP 500"));
    }

    @Test
    void shouldReportMissingVaultsItemsAndFieldsAsTypedProblems() throws Exception {
        Map<String, String> partial = new LinkedHashMap<>();
        partial.put("access_key", world.plantKeyId());
        connect.putItem(VAULT, "half", partial);
        world.binding(vaultBinding("no-vault", "Nowhere", ITEM));
        world.binding(vaultBinding("no-item", VAULT, "absent"));
        world.binding(vaultBinding("no-field", VAULT, "half"));
        start(config().withVaultPolling(polling(Duration.ofMillis(200), 600)));

        assertThat(problemOf("no-vault"))
                .isEqualTo(List.of(
                        ProblemCode.MISSING_OBJECT.name(),
                        "1Password vault 'Nowhere' not found (or the Connect token may not read it)"));
        assertThat(problemOf("no-item"))
                .isEqualTo(List.of(
                        ProblemCode.MISSING_OBJECT.name(),
                        "1Password item 'absent' in vault 'Infrastructure' not found"));
        assertThat(problemOf("no-field"))
                .isEqualTo(List.of(
                        ProblemCode.MISSING_KEY.name(),
                        "1Password item 'half' in vault 'Infrastructure' has no field labelled 'secret_key'"));
    }

    @Test
    void shouldTrustExactlyTheConfiguredCaWhenConnectServesHttps() throws Exception {
        TestPki pki = TestPki.newCa("credrift-test-connect-ca");
        TestPki other = TestPki.newCa("some-other-ca");
        String token = Files.readString(tokenFile).strip();
        try (OnePasswordConnectEmulator tls = OnePasswordConnectEmulator.builder()
                .token(token)
                .https(pki.serverCertificate("127.0.0.1"))
                .start()) {
            tls.createVault(VAULT);
            String key = world.plantKeyId();
            String secret = world.plant("over-tls");
            tls.putItem(VAULT, ITEM, fields(key, secret));
            Path ca = dir.resolve("ca.crt");
            Files.writeString(ca, pki.caCertificatePem());
            Path wrongCa = dir.resolve("other-ca.crt");
            Files.writeString(wrongCa, other.caCertificatePem());
            world.binding(Fixtures.binding(NS, LOKI.name(), "loki", "loki-s3-credentials"));
            assertThat(tls.baseUri().getScheme()).isEqualTo("https");

            Watcher untrusting = start(config().withVaultPolling(VaultPolling.of(tls.baseUri(), tokenFile)
                    .withCaFile(wrongCa)
                    .withPollInterval(Duration.ofMillis(200))));
            VaultItemObserved refused = observations.await(
                    0, VaultItemObserved.class, o -> !o.problems().isEmpty());
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.UNREACHABLE);
                assertThat(p.message()).contains("no answer (SSLHandshakeException)");
            });
            untrusting.stop().toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            int from = observations.position();

            start(config().withVaultPolling(VaultPolling.of(tls.baseUri(), tokenFile)
                    .withCaFile(ca)
                    .withPollInterval(Duration.ofMillis(200))));
            VaultItemObserved trusted = observations.await(from, VaultItemObserved.class, o -> o.credential() != null);
            assertThat(trusted.credential().fingerprint()).isEqualTo(fingerprint(key, secret));
            assertThat(tls.specViolations()).isEmpty();
        }
    }

    private List<String> problemOf(String binding) {
        VaultItemObserved observed = observations.await(
                0, VaultItemObserved.class, o -> o.bindingId().equals(BindingId.of(NS, binding)));
        assertThat(observed.credential()).isNull();
        assertThat(observed.problems()).hasSize(1);
        return List.of(
                observed.problems().get(0).code().name(),
                observed.problems().get(0).message());
    }

    private VaultPolling polling(Duration interval, int perMinute) {
        return VaultPolling.of(connect.baseUri(), tokenFile)
                .withPollInterval(interval)
                .withBudget(perMinute, Duration.ofMinutes(1));
    }

    private List<RecordedRequest> fullReads(ConnectItem item) {
        String path = "/v1/vaults/" + item.vaultId() + "/items/" + item.id();
        return connect.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void awaitRequests(int count) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> connect.requests().size() >= count);
    }

    private static Map<String, String> fields(String accessKey, String secretKey) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("access_key", accessKey);
        fields.put("secret_key", secretKey);
        return fields;
    }

    private static GenericKubernetesResource vaultBinding(String name, String vault, String item) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("authority", "Vault");
        spec.put(
                "vault",
                Map.of(
                        "onePassword",
                        Map.of(
                                "vault",
                                vault,
                                "item",
                                item,
                                "fields",
                                Map.of("accessKeyId", "access_key", "secretAccessKey", "secret_key"))));
        spec.put("replica", Map.of("externalSecret", Map.of("name", name + "-credentials")));
        spec.put("store", Map.of("endpoint", "http://minio.minio.svc:9000", "bucket", "bucket"));
        return Fixtures.rawBinding(NS, name, spec);
    }
}
