package dev.credrift.reconciler.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resuming only the bindings whose partitions are ours needs the producer's own key → partition rule. */
class PartitionOfTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 12, 50})
    void shouldAgreeWithTheProducersPartitionerWhenKeysAreBindingIds(int partitions) {
        for (int i = 0; i < 200; i++) {
            BindingId id = BindingId.of("ns-" + (i % 7), "binding-" + i);
            int expected =
                    BuiltInPartitioner.partitionForKey(id.toString().getBytes(StandardCharsets.UTF_8), partitions);

            assertThat(ObservationConsumer.partitionOf(id, partitions)).isEqualTo(expected);
        }
    }
}
