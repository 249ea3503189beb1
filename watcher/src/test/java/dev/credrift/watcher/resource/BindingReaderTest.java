package dev.credrift.watcher.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.validation.Violation;
import dev.credrift.watcher.fixtures.Fixtures;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingReaderTest {

    private final BindingReader reader = new BindingReader(new KubernetesSerialization());

    @Test
    void shouldReadAndValidateAWellFormedBinding() {
        BindingRead read = reader.read(Fixtures.binding("monitoring", "loki-s3", "loki", "loki-s3-credentials"));

        assertThat(read).isInstanceOf(BindingRead.Readable.class);
        assertThat(read.valid()).isTrue();
        assertThat(((BindingRead.Readable) read).binding().bindingId()).isEqualTo("monitoring/loki-s3");
    }

    @Test
    void shouldNameTheFieldButNotTheValueWhenTheSpecCannotBeRead() {
        BindingRead read = reader.read(Fixtures.rawBinding(
                "monitoring", "broken", Map.of("consumers", "PLANTED-not-a-list", "store", Map.of("bucket", "b"))));

        assertThat(read).isInstanceOf(BindingRead.Unreadable.class);
        assertThat(read.valid()).isFalse();
        Violation violation = read.violations().get(0);
        assertThat(violation.path()).isEqualTo("spec.consumers");
        assertThat(violation.message())
                .isEqualTo("cannot be read: expected a list")
                .doesNotContain("PLANTED");
    }

    @Test
    void shouldReportViolationsWhenTheSpecIsReadableButInvalid() {
        BindingRead read = reader.read(
                Fixtures.rawBinding("monitoring", "half", Map.of("mode", "Sometimes", "consumers", List.of())));

        assertThat(read).isInstanceOf(BindingRead.Readable.class);
        assertThat(read.valid()).isFalse();
        assertThat(read.violations()).extracting(Violation::path).contains("spec.mode", "spec.source");
    }

    @Test
    void shouldNameTheSpecWhenItIsNotAnObject() {
        BindingRead read = reader.read(Fixtures.rawBinding("monitoring", "garbage", "PLANTED"));

        assertThat(read.valid()).isFalse();
        assertThat(read.violations()).extracting(Violation::toString).noneMatch(s -> s.contains("PLANTED"));
    }
}
