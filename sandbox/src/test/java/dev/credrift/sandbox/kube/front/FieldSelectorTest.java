package dev.credrift.sandbox.kube.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event() throws Exception {
        return JSON.readTree("""
                {"metadata": {"name": "loki-s3.1", "namespace": "monitoring"},
                 "involvedObject": {"kind": "CredentialBinding", "name": "loki-s3"}, "type": "Warning"}""");
    }

    @Test
    void shouldMatchWhenEveryRequirementHolds() throws Exception {
        assertThat(FieldSelector.parse("involvedObject.kind=CredentialBinding,involvedObject.name==loki-s3")
                        .matches(event()))
                .isTrue();
        assertThat(FieldSelector.parse("type!=Normal").matches(event())).isTrue();
    }

    @Test
    void shouldNotMatchWhenOneRequirementFails() throws Exception {
        assertThat(FieldSelector.parse("involvedObject.kind=CredentialBinding,involvedObject.name=tempo-s3")
                        .matches(event()))
                .isFalse();
        assertThat(FieldSelector.parse("type!=Warning").matches(event())).isFalse();
    }

    @Test
    void shouldReadAMissingFieldAsEmptyWhenSelecting() throws Exception {
        assertThat(FieldSelector.parse("spec.nodeName=").matches(event())).isTrue();
        assertThat(FieldSelector.parse("spec.nodeName=node-1").matches(event())).isFalse();
    }

    @Test
    void shouldMatchEverythingWhenThereIsNoSelector() throws Exception {
        assertThat(FieldSelector.parse(null).matches(event())).isTrue();
        assertThat(FieldSelector.parse("").matches(event())).isTrue();
    }

    @Test
    void shouldNameTheTermWhenItIsNotARequirement() {
        assertThatThrownBy(() -> FieldSelector.parse("metadata.name=a,bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bogus'");
    }
}
