package dev.credrift.events.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.Fixtures;
import dev.credrift.events.Topic;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void shouldFollowTheNamingSchemeWhenTypesAreDeclared() {
        assertThat(EventType.values()).allSatisfy(type -> {
            assertThat(type.typeName()).matches("dev\\.credrift\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v1");
            assertThat(type.dataSchema().toString())
                    .isEqualTo("https://credrift.dev/schemas/" + type.typeName() + ".json");
            assertThat(EventType.fromTypeName(type.typeName())).contains(type);
        });
        assertThat(EventType.fromTypeName("dev.credrift.unknown.v1")).isEmpty();
        assertThat(EventType.fromTypeName(null)).isEmpty();
    }

    @Test
    void shouldMapEveryPayloadRecordToExactlyOneTypeWhenTheSealedHierarchyIsListed() {
        Set<Class<?>> permitted = Set.of(EventPayload.class.getPermittedSubclasses());
        Set<Class<?>> catalogued =
                Arrays.stream(EventType.values()).map(EventType::payloadClass).collect(Collectors.toSet());

        assertThat(catalogued).hasSize(EventType.values().length).isEqualTo(permitted);
        Fixtures.samples().forEach((type, payload) -> assertThat(payload.type()).isEqualTo(type));
    }

    @Test
    void shouldRouteTypesToTheirTopicWhenAsked() {
        assertThat(EventType.SOURCE_SECRET_OBSERVED.topic()).isEqualTo(Topic.OBSERVATIONS);
        assertThat(EventType.REMEDIATION_HALTED.topic()).isEqualTo(Topic.OUTCOMES);
        assertThat(EventType.AUDIT_RECORD.topic()).isEqualTo(Topic.AUDIT);
        assertThat(EventType.DEAD_LETTER.topic()).isEqualTo(Topic.DEADLETTER);
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic)).doesNotContain(Topic.STATE);
    }
}
