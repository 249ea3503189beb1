package dev.credrift.watcher.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.connect.ConnectAnswer;
import dev.credrift.connect.ConnectReader;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.VaultItemObserved;
import dev.credrift.watcher.publish.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VaultPollerTest {

    private static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("vault poller test fingerprint key".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VAULT_ID = "aaaaaaaaaaaaaaaaaaaaaaaaaa";

    private final AtomicLong now = new AtomicLong();
    private final FakeConnect connect = new FakeConnect();

    @Test
    void shouldReadAnItemInFullOnlyWhenItsVersionChanged() {
        connect.item("i1", "loki", 1, "AKIAONE", "secret-one");
        VaultPoller poller = poller(100, Duration.ofMinutes(1));
        List<VaultTarget> targets = List.of(target("a", "loki"), target("b", "loki"));

        List<VaultItemObserved> first = poller.poll(targets);
        assertThat(first).hasSize(2).allSatisfy(o -> {
            assertThat(o.itemVersion()).isEqualTo(1L);
            assertThat(o.credential().fingerprint())
                    .isEqualTo(FINGERPRINTER.fingerprint(Credential.of("AKIAONE", "secret-one")));
        });
        assertThat(poller.poll(targets)).isEmpty();
        connect.item("i1", "loki", 2, "AKIAONE", "secret-two");
        List<VaultItemObserved> edited = poller.poll(targets);

        assertThat(edited)
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.credential().fingerprint())
                        .isEqualTo(FINGERPRINTER.fingerprint(Credential.of("AKIAONE", "secret-two"))));
        assertThat(connect.paths)
                .containsExactly(
                        "/v1/vaults?filter=name%20eq%20%22Infrastructure%22",
                        "/v1/vaults/" + VAULT_ID + "/items",
                        "/v1/vaults/" + VAULT_ID + "/items/i1",
                        "/v1/vaults/" + VAULT_ID + "/items",
                        "/v1/vaults/" + VAULT_ID + "/items",
                        "/v1/vaults/" + VAULT_ID + "/items/i1");
    }

    @Test
    void shouldNeverExceedTheBudgetAndResumeWhereItStoppedWhenTheBudgetRunsOut() {
        List<VaultTarget> targets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            connect.item("i" + i, "item-" + i, 1, "AKIA" + i, "secret-" + i);
            targets.add(target("b" + i, "item-" + i));
        }
        VaultPoller poller = poller(5, Duration.ofSeconds(10));
        List<VaultItemObserved> seen = new ArrayList<>(poller.poll(targets));
        assertThat(connect.paths).hasSize(5);
        assertThat(poller.poll(targets)).isEmpty();
        assertThat(connect.paths).as("nothing more inside the window").hasSize(5);
        for (int window = 0; window < 3; window++) {
            now.addAndGet(Duration.ofSeconds(10).toNanos());
            seen.addAll(poller.poll(targets));
        }
        assertThat(seen)
                .extracting(o -> o.bindingId().name())
                .containsExactlyInAnyOrder("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9");
        assertThat(connect.paths).hasSize(1 + 4 + 10); // one lookup, a list per window, each item read once
    }

    @Test
    void shouldReportATypedProblemAndBackOffWhenConnectIsOverloaded() {
        connect.item("i1", "loki", 1, "AKIAONE", "secret-one");
        VaultPoller poller = poller(100, Duration.ofMinutes(1));
        List<VaultTarget> targets = List.of(target("a", "loki"));
        connect.failNext =
                new ConnectAnswer.Failed(429, ProblemCode.UNREACHABLE, "HTTP 429", Optional.of(Duration.ofSeconds(30)));

        List<VaultItemObserved> failed = poller.poll(targets);
        assertThat(failed).singleElement().satisfies(o -> {
            assertThat(o.credential()).isNull();
            assertThat(o.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.UNREACHABLE);
                assertThat(p.message())
                        .isEqualTo("1Password vault 'Infrastructure' could not be looked up:"
                                + " HTTP 429 (Connect rate limit; backing off)");
            });
        });
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(poller.poll(targets)).isEmpty();
        assertThat(connect.paths).as("Retry-After honoured").hasSize(1);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(poller.poll(targets)).singleElement().satisfies(o -> {
            assertThat(o.problems()).isEmpty();
            assertThat(o.credential()).isNotNull();
        });
    }

    @Test
    void shouldNameTheFieldAndNeverTheValueWhenAFieldIsEmptyOrDuplicated() {
        connect.items.put(
                "i1",
                item(
                        "i1",
                        "loki",
                        1,
                        List.of(
                                Map.of("label", "access_key", "value", "AKIAONE"),
                                Map.of("label", "secret_key", "value", ""))));
        VaultPoller poller = poller(100, Duration.ofMinutes(1));
        assertThat(poller.poll(List.of(target("a", "loki")))).singleElement().satisfies(o -> {
            assertThat(o.credential()).isNull();
            assertThat(o.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.EMPTY_DATA);
                assertThat(p.field()).isEqualTo("secret_key");
                assertThat(p.message()).doesNotContain("AKIAONE");
            });
        });
    }

    private VaultPoller poller(int max, Duration per) {
        return new VaultPoller(
                connect,
                FINGERPRINTER,
                new RequestBudget(max, per, now::get),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0),
                now::get);
    }

    private static VaultTarget target(String binding, String item) {
        return new VaultTarget(BindingId.of("monitoring", binding), "Infrastructure", item, "access_key", "secret_key");
    }

    private static JsonNode item(String id, String title, long version, List<Map<String, String>> fields) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("title", title);
        item.put("version", version);
        item.put("fields", fields);
        return JSON.valueToTree(item);
    }

    /** Connect with one vault, in memory. */
    private static final class FakeConnect implements ConnectReader {
        final Map<String, JsonNode> items = new LinkedHashMap<>();
        final List<String> paths = new ArrayList<>();
        ConnectAnswer.Failed failNext;

        void item(String id, String title, long version, String accessKey, String secretKey) {
            items.put(
                    id,
                    VaultPollerTest.item(
                            id,
                            title,
                            version,
                            List.of(
                                    Map.of("label", "access_key", "value", accessKey),
                                    Map.of("label", "secret_key", "value", secretKey))));
        }

        @Override
        public ConnectAnswer get(String pathAndQuery) {
            paths.add(pathAndQuery);
            if (failNext != null) {
                ConnectAnswer.Failed failed = failNext;
                failNext = null;
                return failed;
            }
            if (pathAndQuery.startsWith("/v1/vaults?")) {
                return new ConnectAnswer.Ok(
                        JSON.valueToTree(List.of(Map.of("id", VAULT_ID, "name", "Infrastructure"))));
            }
            String items = "/v1/vaults/" + VAULT_ID + "/items";
            if (pathAndQuery.equals(items)) {
                List<Map<String, Object>> summaries = new ArrayList<>();
                this.items
                        .values()
                        .forEach(i -> summaries.add(Map.of(
                                "id",
                                i.path("id").asText(),
                                "title",
                                i.path("title").asText(),
                                "version",
                                i.path("version").asLong())));
                return new ConnectAnswer.Ok(JSON.valueToTree(summaries));
            }
            JsonNode item = this.items.get(pathAndQuery.substring(items.length() + 1));
            return item == null
                    ? new ConnectAnswer.Failed(404, ProblemCode.MISSING_OBJECT, "HTTP 404", Optional.empty())
                    : new ConnectAnswer.Ok(item);
        }
    }
}
