package dev.credrift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.ConnectSecretRef;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.Rollout;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.RotationMode;
import dev.credrift.api.spec.RotationWindow;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.StoreTls;
import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.api.spec.Weekday;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.api.status.ConditionStatus;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.DriftClass;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.api.status.RotationPhase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CredentialBindingCrdTest {

    private final CustomResourceDefinition crd = CredentialBindingCrd.definition();
    private final ObjectNode schema = CrdSchema.openApiV3Schema();

    @Test
    void shouldMatchJavaAnnotationsWhenParsedWithFabric8() {
        assertThat(crd.getMetadata().getName()).isEqualTo(CustomResource.getCRDName(CredentialBinding.class));
        assertThat(crd.getSpec().getGroup()).isEqualTo(HasMetadata.getGroup(CredentialBinding.class));
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo(HasMetadata.getKind(CredentialBinding.class));
        assertThat(crd.getSpec().getNames().getPlural()).isEqualTo(HasMetadata.getPlural(CredentialBinding.class));
        assertThat(crd.getSpec().getNames().getSingular()).isEqualTo(HasMetadata.getSingular(CredentialBinding.class));
        // the API server's convention (kind + "List"); no Java list class is needed: fabric8 lists into its default
        assertThat(crd.getSpec().getNames().getListKind())
                .isEqualTo(HasMetadata.getKind(CredentialBinding.class) + "List");
        assertThat(crd.getSpec().getNames().getShortNames())
                .containsExactly(CustomResource.getShortNames(CredentialBinding.class));
        assertThat(crd.getSpec().getScope()).isEqualTo(new CredentialBinding().getScope());
        assertThat(crd.getSpec().getVersions())
                .extracting(CustomResourceDefinitionVersion::getName)
                .containsExactly(HasMetadata.getVersion(CredentialBinding.class));
    }

    @Test
    void shouldServeAndStoreTheVersionWithAStatusSubresource() {
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);

        assertThat(version.getServed()).isTrue();
        assertThat(version.getStorage()).isTrue();
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties()).containsKeys("spec", "status");
    }

    @Test
    void shouldListModeInSyncClassLastRemediationAndAgeWhenPrinted() {
        var columns = crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns();

        assertThat(columns)
                .filteredOn(c -> c.getPriority() == null || c.getPriority() == 0)
                .extracting(c -> c.getName(), c -> c.getType(), c -> c.getJsonPath())
                .containsExactly(
                        tuple("Mode", "string", ".spec.mode"),
                        tuple("InSync", "string", ".status.conditions[?(@.type==\"InSync\")].status"),
                        tuple("Class", "string", ".status.driftClass"),
                        tuple("Last Remediation", "string", ".status.lastRemediation.outcome"),
                        tuple("Age", "date", ".metadata.creationTimestamp"));
        assertThat(columns).extracting(c -> c.getName()).contains("Valid", "Halted", "Remediated");
    }

    @Test
    void shouldDeclareTheJavaEnumSpellingsWhenSchemaListsEnums() {
        Map<String, Class<? extends WireEnum>> enums = Map.of(
                "/properties/spec/properties/mode", Mode.class,
                "/properties/spec/properties/authority", Authority.class,
                "/properties/spec/properties/source/properties/webIdentity/properties/provider",
                        WebIdentityProvider.class,
                "/properties/spec/properties/consumers/items/properties/kind", WorkloadKind.class,
                "/properties/status/properties/conditions/items/properties/type", ConditionType.class,
                "/properties/status/properties/conditions/items/properties/status", ConditionStatus.class,
                "/properties/status/properties/driftClass", DriftClass.class,
                "/properties/status/properties/lastRemediation/properties/outcome", RemediationOutcome.class,
                "/properties/spec/properties/rotation/properties/mode", RotationMode.class,
                "/properties/spec/properties/rotation/properties/window/properties/days/items", Weekday.class);
        // Map.of takes at most ten pairs
        enums = new HashMap<>(enums);
        enums.put("/properties/status/properties/rotation/properties/phase", RotationPhase.class);

        enums.forEach((pointer, type) -> assertThat(texts(schema.at(pointer + "/enum")))
                .as(pointer)
                .containsExactlyElementsOf(Arrays.stream(type.getEnumConstants())
                        .map(WireEnum::wireName)
                        .filter(Objects::nonNull)
                        .toList()));
    }

    @Test
    void shouldDeclareTheJavaDefaultsWhenSchemaHasDefaults() {
        String spec = "/properties/spec/properties";
        String source = spec + "/source/properties";
        Map<String, Object> defaults = Map.of(
                spec + "/mode",
                Mode.REMEDIATE.wireName(),
                spec + "/authority",
                Authority.SOURCE.wireName(),
                spec + "/rollout/properties/maxPerHour",
                Rollout.DEFAULT.maxPerHour(),
                spec + "/rollout/properties/readinessTimeout",
                Rollout.DEFAULT.readinessTimeout(),
                source + "/secret/properties/accessKeyIdKey",
                SecretSource.DEFAULT_ACCESS_KEY_ID_KEY,
                source + "/secret/properties/secretAccessKeyKey",
                SecretSource.DEFAULT_SECRET_ACCESS_KEY_KEY,
                source + "/minio/properties/adminSecretRef/properties/accessKeyKey",
                AdminSecretRef.DEFAULT_ACCESS_KEY_KEY,
                source + "/minio/properties/adminSecretRef/properties/secretKeyKey",
                AdminSecretRef.DEFAULT_SECRET_KEY_KEY,
                spec + "/store/properties/tls/properties/caKey",
                StoreTls.DEFAULT_CA_KEY,
                spec + "/store/properties/tls/properties/insecureSkipVerify",
                false);
        Map<String, Object> rotationDefaults = Map.of(
                spec + "/rotation/properties/revokeAfter",
                Rotation.DEFAULT_REVOKE_AFTER,
                spec + "/rotation/properties/mode",
                RotationMode.ROTATE.wireName(),
                spec + "/rotation/properties/window/properties/timeZone",
                RotationWindow.DEFAULT_TIME_ZONE,
                spec + "/rotation/properties/adminSecretRef/properties/accessKeyKey",
                KeyAdminSecretRef.DEFAULT_ACCESS_KEY_KEY,
                spec + "/rotation/properties/adminSecretRef/properties/secretKeyKey",
                KeyAdminSecretRef.DEFAULT_SECRET_KEY_KEY);
        String connect = spec + "/vault/properties/onePassword/properties/connectSecretRef/properties";

        defaults.forEach((pointer, value) -> assertThat(
                        Examples.YAML.convertValue(schema.at(pointer + "/default"), Object.class))
                .as(pointer)
                .isEqualTo(value));
        rotationDefaults.forEach((pointer, value) ->
                assertThat(schema.at(pointer + "/default").asText()).as(pointer).isEqualTo(value));
        assertThat(schema.at(connect + "/hostKey/default").asText()).isEqualTo(ConnectSecretRef.DEFAULT_HOST_KEY);
        assertThat(schema.at(connect + "/tokenKey/default").asText()).isEqualTo(ConnectSecretRef.DEFAULT_TOKEN_KEY);
        assertThat(schema.at(spec + "/rollout/default").isObject())
                .as("rollout defaults even when absent")
                .isTrue();
    }

    @Test
    void shouldOfferExactlyOneOfTheSourceKindsWhenSchemaDeclaresTheSource() {
        JsonNode source = schema.at("/properties/spec/properties/source");

        assertThat(StreamSupport.stream(source.get("oneOf").spliterator(), false)
                        .map(branch -> texts(branch.get("required")))
                        .toList())
                .containsExactly(
                        List.of("rookObjectUser"), List.of("secret"), List.of("minio"), List.of("webIdentity"));
        assertThat(texts(source.get("properties").fieldNames()))
                .containsExactly("rookObjectUser", "secret", "minio", "webIdentity");
    }

    /**
     * The API server refuses a CRD whose schema is not structural: every node has a type, and junctors (oneOf,
     * anyOf, allOf, not) carry no type, description, default, additionalProperties or nullable.
     */
    @Test
    void shouldBeAStructuralSchemaWhenCheckedNodeByNode() {
        List<String> problems = new ArrayList<>();
        structural(schema, "", false, problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRequireTheMapKeysWhenAListIsAMap() {
        List<String> problems = new ArrayList<>();
        listMaps(schema, "", problems);

        assertThat(problems).isEmpty();
        assertThat(schema.at("/properties/spec/properties/consumers/x-kubernetes-list-map-keys"))
                .isNotEmpty();
    }

    @Test
    void shouldGiveEveryCelRuleAMessageWhenRulesAreDeclared() {
        List<JsonNode> rules = new ArrayList<>();
        schema.findValues("x-kubernetes-validations").forEach(list -> list.forEach(rules::add));

        assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.path("rule").asText()).isNotBlank();
            assertThat(rule.path("message").asText()).isNotBlank();
        });
    }

    private static void structural(JsonNode node, String at, boolean inJunctor, List<String> problems) {
        if (inJunctor) {
            for (String banned : List.of("type", "description", "default", "additionalProperties", "nullable")) {
                if (node.has(banned)) {
                    problems.add(at + ": " + banned + " inside a junctor");
                }
            }
        } else if (!node.has("type")) {
            problems.add(at + ": no type");
        }
        node.path("properties")
                .fields()
                .forEachRemaining(
                        field -> structural(field.getValue(), at + "." + field.getKey(), inJunctor, problems));
        if (node.has("items")) {
            structural(node.get("items"), at + "[]", inJunctor, problems);
        }
        for (String junctor : List.of("oneOf", "anyOf", "allOf")) {
            node.path(junctor).forEach(branch -> structural(branch, at + "(" + junctor + ")", true, problems));
        }
        if (node.has("not")) {
            structural(node.get("not"), at + "(not)", true, problems);
        }
    }

    private static void listMaps(JsonNode node, String at, List<String> problems) {
        if ("map".equals(node.path("x-kubernetes-list-type").asText())) {
            List<String> required = texts(node.path("items").path("required"));
            for (String key : texts(node.path("x-kubernetes-list-map-keys"))) {
                if (!required.contains(key)) {
                    problems.add(at + ": map key " + key + " is not required");
                }
            }
        }
        node.path("properties")
                .fields()
                .forEachRemaining(field -> listMaps(field.getValue(), at + "." + field.getKey(), problems));
        if (node.has("items")) {
            listMaps(node.get("items"), at + "[]", problems);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static List<String> texts(Iterator<String> names) {
        List<String> texts = new ArrayList<>();
        names.forEachRemaining(texts::add);
        return texts;
    }
}
