package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ItemPatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode item() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id":"i","title":"t","vault":{"id":"v"},"category":"LOGIN","tags":["a","b"],
                 "fields":[{"id":"f1","type":"STRING","label":"access_key","value":"A"},
                           {"id":"f2","type":"CONCEALED","label":"secret_key","value":"S"}]}""");
    }

    private static JsonNode ops(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void shouldReplaceFieldByIdWhenPathNamesFieldId() throws Exception {
        ObjectNode patched = ItemPatcher.apply(
                item(),
                ops(
                        "[{\"op\":\"replace\",\"path\":\"/fields/f2\",\"value\":{\"id\":\"f2\",\"type\":\"CONCEALED\",\"label\":\"secret_key\",\"value\":\"S2\"}}]"));

        assertThat(patched.at("/fields/1/value").asText()).isEqualTo("S2");
        assertThat(patched.at("/fields/0/value").asText()).isEqualTo("A");
    }

    @Test
    void shouldReplaceFieldAttributeWhenPathGoesBelowFieldId() throws Exception {
        ObjectNode patched =
                ItemPatcher.apply(item(), ops("[{\"op\":\"replace\",\"path\":\"/fields/f1/label\",\"value\":{}}]"));

        assertThat(patched.at("/fields/0/label").isObject()).isTrue();
    }

    @Test
    void shouldAppendFieldWhenAddedAtFields() throws Exception {
        ObjectNode patched = ItemPatcher.apply(
                item(), ops("[{\"op\":\"add\",\"path\":\"/fields\",\"value\":{\"label\":\"n\",\"type\":\"STRING\"}}]"));

        assertThat(patched.get("fields")).hasSize(3);
        assertThat(patched.at("/fields/2/label").asText()).isEqualTo("n");
    }

    @Test
    void shouldRemoveFieldAndTagWhenRemoved() throws Exception {
        ObjectNode patched = ItemPatcher.apply(
                item(), ops("[{\"op\":\"remove\",\"path\":\"/fields/f1\"},{\"op\":\"remove\",\"path\":\"/tags/0\"}]"));

        assertThat(patched.get("fields")).extracting(f -> f.get("id").asText()).containsExactly("f2");
        assertThat(patched.get("tags")).extracting(JsonNode::asText).containsExactly("b");
    }

    @Test
    void shouldReplaceWholeItemWhenPathIsRoot() throws Exception {
        ObjectNode patched = ItemPatcher.apply(
                item(),
                ops("[{\"op\":\"replace\",\"path\":\"/\",\"value\":{\"title\":\"new\",\"category\":\"LOGIN\"}}]"));

        assertThat(patched.get("title").asText()).isEqualTo("new");
        assertThat(patched.has("fields")).isFalse();
    }

    @Test
    void shouldRejectWhenPathTouchesServerKeptAttribute() {
        assertThatThrownBy(() ->
                        ItemPatcher.apply(item(), ops("[{\"op\":\"replace\",\"path\":\"/version\",\"value\":{}}]")))
                .isInstanceOfSatisfying(
                        ConnectError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("/version");
    }

    @Test
    void shouldRejectWhenFieldIdUnknownOrValueMissing() {
        assertThatThrownBy(() -> ItemPatcher.apply(item(), ops("[{\"op\":\"remove\",\"path\":\"/fields/zz\"}]")))
                .hasMessageContaining("no field with id zz");
        assertThatThrownBy(() -> ItemPatcher.apply(item(), ops("[{\"op\":\"replace\",\"path\":\"/title\"}]")))
                .hasMessageContaining("a value is required");
    }

    @Test
    void shouldRejectWhenBodyIdDiffersFromPathId() {
        assertThatThrownBy(
                        () -> ItemPatcher.apply(
                                item(),
                                ops(
                                        "[{\"op\":\"replace\",\"path\":\"/fields/f1\",\"value\":{\"id\":\"f2\",\"type\":\"STRING\"}}]")))
                .hasMessageContaining("does not match");
    }

    @Test
    void shouldRejectWhenPathIsNotAPointerOrDoesNotExist() {
        assertThatThrownBy(
                        () -> ItemPatcher.apply(item(), ops("[{\"op\":\"replace\",\"path\":\"title\",\"value\":{}}]")))
                .hasMessageContaining("JSON pointer");
        assertThatThrownBy(() ->
                        ItemPatcher.apply(item(), ops("[{\"op\":\"replace\",\"path\":\"/nope/x\",\"value\":{}}]")))
                .hasMessageContaining("does not exist");
    }
}
