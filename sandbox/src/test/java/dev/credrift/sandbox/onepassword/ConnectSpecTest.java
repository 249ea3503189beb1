package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectSpecTest {

    private static final String VAULT = "abcdefghijklmnopqrstuvwxyz";
    private static final String ITEM = "zyxwvutsrqponmlkjihgfedcba";
    private static final Map<String, List<String>> HEADERS =
            Map.of("Authorization", List.of("Bearer t"), "Content-Type", List.of("application/json"));

    private final ConnectSpec spec = ConnectSpec.shared();

    private ValidationReport patch(String body) {
        return spec.validateRequest("PATCH", "/v1/vaults/" + VAULT + "/items/" + ITEM, HEADERS, Map.of(), body);
    }

    @Test
    void shouldAcceptPatchWhenWholeFieldReplacedWithLowercaseOp() {
        assertThat(patch(
                                "[{\"op\":\"replace\",\"path\":\"/fields/f\",\"value\":{\"id\":\"f\",\"type\":\"CONCEALED\",\"label\":\"l\",\"value\":\"v\"}}]")
                        .hasErrors())
                .isFalse();
    }

    @Test
    void shouldRejectPatchWhenOpIsUppercase() {
        ValidationReport report = patch("[{\"op\":\"REPLACE\",\"path\":\"/fields/f\",\"value\":{}}]");

        assertThat(ConnectSpec.errorKeys(report)).containsExactly("validation.request.body.schema.enum");
    }

    @Test
    void shouldRejectPatchWhenBodyMissingOrValueNotAnObject() {
        assertThat(ConnectSpec.errorKeys(patch(null))).containsExactly("validation.request.body.missing");
        assertThat(patch("[{\"op\":\"replace\",\"path\":\"/fields/f/value\",\"value\":\"v\"}]")
                        .hasErrors())
                .isTrue();
    }

    @Test
    void shouldRejectItemWhenFieldTypeNotInEnum() {
        ValidationReport report = spec.validateItem(
                VAULT,
                ITEM,
                "{\"vault\":{\"id\":\"" + VAULT
                        + "\"},\"category\":\"LOGIN\",\"fields\":[{\"id\":\"f\",\"type\":\"PLANTED-SECRET\"}]}");

        assertThat(report.hasErrors()).isTrue();
        assertThat(ConnectSpec.describe(report, Set.of("PLANTED-SECRET")))
                .contains("<redacted>")
                .doesNotContain("PLANTED-SECRET");
    }

    @Test
    void shouldRejectResponseWhenStatusUndeclaredAndAcceptDeclaredError() {
        String path = "/v1/vaults/" + VAULT + "/items/" + ITEM;
        Map<String, String> json = Map.of("Content-Type", "application/json");

        assertThat(ConnectSpec.errorKeys(
                        spec.validateResponse("GET", path, 429, json, "{\"status\":429,\"message\":\"m\"}")))
                .containsExactly("validation.response.status.unknown");
        assertThat(spec.validateResponse("GET", path, 404, json, "{\"status\":404,\"message\":\"m\"}")
                        .hasErrors())
                .isFalse();
    }
}
