package dev.credrift.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs two test classes in a test run of their own, to see what only a whole run shows: both classes
 * get the same broker, and the broker is stopped when the run ends.
 */
class KafkaBrokerExtensionRunIT {

    /** Which broker each injection point of the probe classes received. */
    static final Map<String, KafkaBroker> SEEN = new ConcurrentHashMap<>();

    @Test
    void shouldShareOneBrokerAcrossClassesAndStopItWhenRunEnds() {
        SEEN.clear();
        LauncherDiscoveryRequest run = request()
                .selectors(selectClass(FirstProbe.class), selectClass(SecondProbe.class))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();

        launcher.execute(run, listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getFailures()).as("probe failures").isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN)
                .containsOnlyKeys(
                        "first.beforeAll",
                        "first.constructor",
                        "first.test",
                        "second.beforeAll",
                        "second.constructor",
                        "second.test");
        assertThat(SEEN.values().stream().distinct())
                .as("brokers handed out in one run")
                .hasSize(1);

        KafkaBroker broker = SEEN.get("first.test");
        assertThatThrownBy(() -> connect(broker.bootstrapServers()))
                .as("broker still accepting connections after the run ended")
                .isInstanceOf(ConnectException.class);
    }

    private static void connect(String bootstrapServers) throws IOException {
        int colon = bootstrapServers.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(
                bootstrapServers.substring(0, colon), Integer.parseInt(bootstrapServers.substring(colon + 1)));
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
        }
    }

    @ExtendWith(KafkaBrokerExtension.class)
    static class FirstProbe {
        private final KafkaBroker constructed;

        FirstProbe(KafkaBroker broker) {
            this.constructed = broker;
        }

        @BeforeAll
        static void beforeAll(KafkaBroker broker) {
            SEEN.put("first.beforeAll", broker);
        }

        @Test
        void shouldServe(KafkaBroker broker) throws Exception {
            SEEN.put("first.constructor", constructed);
            SEEN.put("first.test", broker);
            assertThat(KafkaClients.clusterId(broker)).isNotBlank();
        }
    }

    @ExtendWith(KafkaBrokerExtension.class)
    static class SecondProbe {
        private final KafkaBroker constructed;

        SecondProbe(KafkaBroker broker) {
            this.constructed = broker;
        }

        @BeforeAll
        static void beforeAll(KafkaBroker broker) {
            SEEN.put("second.beforeAll", broker);
        }

        @Test
        void shouldServe(KafkaBroker broker) throws Exception {
            SEEN.put("second.constructor", constructed);
            SEEN.put("second.test", broker);
            assertThat(KafkaClients.clusterId(broker)).isNotBlank();
        }
    }
}
