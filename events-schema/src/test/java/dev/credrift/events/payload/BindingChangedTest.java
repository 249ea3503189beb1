package dev.credrift.events.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.Fixtures;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BindingChangedTest {

    @Test
    void shouldReadNoProblemsWhenAnOlderWatcherSentNone() {
        byte[] older = "{\"bindingId\":\"monitoring/loki-s3\",\"change\":\"CREATED\",\"generation\":1}"
                .getBytes(StandardCharsets.UTF_8);

        Decoded decoded = (Decoded) new EventCodec().decode(Fixtures.record(EventType.BINDING_CHANGED, older));

        assertThat(((BindingChanged) decoded.event().payload()).problems()).isEmpty();
    }
}
