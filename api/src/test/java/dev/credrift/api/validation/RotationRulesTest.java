package dev.credrift.api.validation;

import static dev.credrift.api.Examples.LOKI_ROOK;
import static dev.credrift.api.Examples.TEMPO_MINIO;
import static dev.credrift.api.Trees.set;
import static dev.credrift.api.Trees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.api.CrdSchema;
import dev.credrift.api.CredentialBinding;
import dev.credrift.api.Examples;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.RotationMode;
import dev.credrift.api.spec.RotationWindow;
import dev.credrift.api.spec.Weekday;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code spec.rotation} read into the model, accepted when sound, and warned about where it is ignored. */
class RotationRulesTest {

    private static final String FULL = "{every: 720h, maxAge: 1080h, revokeAfter: 15m, mode: Observe,"
            + " window: {days: [Sat, Sun], hours: '22:00-04:00', timeZone: Europe/Berlin},"
            + " adminSecretRef: {name: rgw-admin, namespace: storage}}";

    private final CredentialBindingValidator validator = new CredentialBindingValidator();

    @Test
    void shouldReadEveryFieldWhenRotationIsFullySpelledOut() {
        Rotation rotation = binding(LOKI_ROOK, FULL).getSpec().rotation();

        assertThat(rotation.everyDuration()).contains(Duration.ofDays(30));
        assertThat(rotation.maxAgeDuration()).contains(Duration.ofDays(45));
        assertThat(rotation.revokeAfterDuration()).contains(Duration.ofMinutes(15));
        assertThat(rotation.mode()).isEqualTo(RotationMode.OBSERVE);
        assertThat(rotation.window().days()).containsExactly(Weekday.SAT, Weekday.SUN);
        assertThat(rotation.window().hourRange())
                .contains(new RotationWindow.Hours(LocalTime.of(22, 0), LocalTime.of(4, 0)));
        assertThat(rotation.window().zone()).contains(ZoneId.of("Europe/Berlin"));
        assertThat(rotation.adminSecretRef())
                .isEqualTo(new KeyAdminSecretRef("rgw-admin", "storage", "AccessKey", "SecretKey"));
    }

    @Test
    void shouldApplyCrdDefaultsWhenOnlyEveryAndTheAdminSecretAreGiven() {
        Rotation rotation = binding(LOKI_ROOK, "{every: 720h, adminSecretRef: {name: rgw-admin}}")
                .getSpec()
                .rotation();

        assertThat(rotation.revokeAfterDuration()).contains(Duration.ofMinutes(10));
        assertThat(rotation.mode()).isEqualTo(RotationMode.ROTATE);
        assertThat(rotation.window()).isNull();
        assertThat(rotation.maxAgeDuration()).isEmpty();
    }

    @Test
    void shouldAcceptWithoutErrorOrWarningWhenFullRotationIsValid() {
        ObjectNode tree = tree(LOKI_ROOK, FULL);

        assertThat(validator.validate(Examples.fromTree(tree)).violations()).isEmpty();
        assertThat(CrdSchema.validate(tree)).isEmpty();
    }

    @Test
    void shouldAcceptMaxAgeAloneWhenTheSourceCannotBeMinted() {
        ObjectNode tree = tree(Examples.S3_PRIVATE_CA, "{maxAge: 2160h}");

        assertThat(validator.validate(Examples.fromTree(tree)).violations()).isEmpty();
        assertThat(CrdSchema.validate(tree)).isEmpty();
    }

    @Test
    void shouldAcceptEveryWithASecretSourceWhenItNamesAPlainRgwUserAndItsAdmin() {
        ObjectNode tree = tree(
                Examples.S3_PRIVATE_CA,
                "{every: 720h, rgwUser: loki, adminSecretRef: {name: rgw-admin, namespace: storage}}");

        CredentialBinding binding = Examples.fromTree(tree);
        assertThat(validator.validate(binding).violations()).isEmpty();
        assertThat(CrdSchema.validate(tree)).isEmpty();
        assertThat(binding.getSpec().rotation().rgwUser()).isEqualTo("loki");
        assertThat(binding.getSpec().rotation().plainRgwUser()).isTrue();
    }

    @Test
    void shouldNotNameAPlainRgwUserWhenOnlyTheAdminSecretIsGiven() {
        Rotation rotation = binding(LOKI_ROOK, "{every: 720h, adminSecretRef: {name: rgw-admin}}")
                .getSpec()
                .rotation();

        assertThat(rotation.rgwUser()).isNull();
        assertThat(rotation.plainRgwUser()).isFalse();
    }

    @Test
    void shouldWarnThatTheWindowIsIgnoredWhenNothingRotates() {
        ValidationResult result = validator.validate(binding(LOKI_ROOK, "{maxAge: 2160h, window: {days: [Sat]}}"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings())
                .extracting(Violation::toString)
                .containsExactly("spec.rotation.window: ignored without spec.rotation.every: nothing is rotated");
    }

    @Test
    void shouldWarnThatTheRotationAdminSecretIsIgnoredWhenTheSourceIsMinio() {
        ValidationResult result =
                validator.validate(binding(TEMPO_MINIO, "{every: 720h, adminSecretRef: {name: rgw-admin}}"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings())
                .extracting(Violation::toString)
                .containsExactly(
                        "spec.rotation.adminSecretRef:"
                                + " ignored with source minio: spec.source.minio.adminSecretRef mints and revokes service accounts");
    }

    @Test
    void shouldNameEveryBadFieldAtOnceWhenRotationIsGarbage() {
        ValidationResult result = validator.validate(binding(
                LOKI_ROOK,
                "{every: soon, maxAge: later,"
                        + " revokeAfter: never, mode: Now, window: {days: [null, Caturday], hours: noon, timeZone: Nowhere},"
                        + " adminSecretRef: {name: Admin_Secret, accessKeyKey: 'a key'}}"));

        assertThat(result.errors())
                .extracting(Violation::path)
                .containsExactly(
                        "spec.rotation.every",
                        "spec.rotation.maxAge",
                        "spec.rotation.revokeAfter",
                        "spec.rotation.mode",
                        "spec.rotation.window.days[0]",
                        "spec.rotation.window.days[1]",
                        "spec.rotation.window.hours",
                        "spec.rotation.window.timeZone",
                        "spec.rotation.adminSecretRef.name",
                        "spec.rotation.adminSecretRef.accessKeyKey");
        assertThat(result.violations())
                .extracting(Violation::message)
                .noneMatch(m -> m.contains("soon")
                        || m.contains("Caturday")
                        || m.contains("Nowhere")
                        || m.contains("Admin_Secret"));
    }

    @Test
    void shouldKeepTheEightFieldConstructorWhenNoRotationIsGiven() {
        CredentialBinding binding = Examples.binding(LOKI_ROOK);
        var spec = binding.getSpec();

        var rebuilt = new CredentialBindingSpec(
                spec.mode(),
                spec.authority(),
                spec.source(),
                spec.vault(),
                spec.replica(),
                List.copyOf(spec.consumers()),
                spec.store(),
                spec.rollout());

        assertThat(rebuilt).isEqualTo(spec);
        assertThat(rebuilt.rotation()).isNull();
    }

    private static ObjectNode tree(String example, String rotation) {
        return set(Examples.tree(example), "spec.rotation", yaml(rotation));
    }

    private static CredentialBinding binding(String example, String rotation) {
        return Examples.fromTree(tree(example, rotation));
    }
}
