package dev.credrift.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private final KafkaBroker broker = () -> "127.0.0.1:9092";

    @Test
    void shouldGiveDistinctLegalTopicNamesWhenAskedRepeatedly() {
        Set<String> names = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> names.add(broker.uniqueName("credrift.observations")));

        assertThat(names)
                .hasSize(1000)
                .allSatisfy(name ->
                        assertThat(name).startsWith("credrift.observations-").matches("[a-zA-Z0-9._-]{1,249}"));
    }

    @Test
    void shouldStayUnderKafkaTopicLengthLimitWhenPrefixIsLongest() {
        assertThat(broker.uniqueName("p".repeat(200))).hasSizeLessThanOrEqualTo(249);
    }

    @Test
    void shouldRejectPrefixWhenItHasCharactersKafkaForbids() {
        assertThatThrownBy(() -> broker.uniqueName("my topic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uniqueName prefix")
                .hasMessageContaining("'my topic'");
        assertThatThrownBy(() -> broker.uniqueName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> broker.uniqueName(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> broker.uniqueName("p".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }
}
