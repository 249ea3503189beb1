package dev.credrift.api.validation;

import dev.credrift.api.spec.GoDuration;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.RotationMode;
import dev.credrift.api.spec.RotationWindow;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.api.spec.Weekday;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks {@code spec.rotation} (issue 17): durations, the window, the admin Secret, and what the source allows. */
final class RotationRules {

    static final String PATH = "spec.rotation";
    static final Duration MIN_EVERY = Duration.ofHours(1);
    static final Duration MAX_REVOKE_AFTER = Duration.ofHours(24);

    private static final String DURATION = "not a duration (Go syntax, e.g. 720h, 10m, 1h30m)";
    // radosgw-admin's rule for a uid (--uid)
    private static final Pattern RGW_UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Findings findings;

    RotationRules(Findings findings) {
        this.findings = findings;
    }

    /** @param source the one source kind set, if the source is valid enough to say */
    void check(Rotation rotation, Optional<SourceKind> source) {
        if (rotation == null) {
            return;
        }
        Optional<Duration> every = atLeastAnHour(PATH + ".every", rotation.every());
        Optional<Duration> maxAge = atLeastAnHour(PATH + ".maxAge", rotation.maxAge());
        if (rotation.every() == null && rotation.maxAge() == null) {
            findings.error(PATH, "set every (to rotate) or maxAge (to alert on key age), or both");
        }
        if (every.isPresent() && maxAge.isPresent() && maxAge.get().compareTo(every.get()) <= 0) {
            findings.error(
                    PATH + ".maxAge",
                    "must be longer than spec.rotation.every: otherwise it alerts before" + " every rotation");
        }
        revokeAfter(rotation.revokeAfter());
        findings.known(PATH + ".mode", rotation.mode(), RotationMode.class);
        if (rotation.window() != null) {
            window(rotation.window(), rotation.every() != null);
        }
        if (rotation.adminSecretRef() != null) {
            adminSecret(rotation.adminSecretRef());
        }
        if (rotation.rgwUser() != null) {
            rgwUser(rotation, source.orElse(null));
        }
        acrossSource(rotation, source.orElse(null));
    }

    private Optional<Duration> atLeastAnHour(String path, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Duration> duration = GoDuration.parse(text);
        if (duration.isEmpty()) {
            findings.error(path, DURATION);
        } else if (duration.get().compareTo(MIN_EVERY) < 0) {
            findings.error(path, "must be at least 1h");
            return Optional.empty();
        }
        return duration;
    }

    private void revokeAfter(String text) {
        String path = PATH + ".revokeAfter";
        Optional<Duration> grace = GoDuration.parse(text);
        if (grace.isEmpty()) {
            findings.error(path, DURATION);
        } else if (grace.get().isNegative()) {
            findings.error(path, "must not be negative");
        } else if (grace.get().compareTo(MAX_REVOKE_AFTER) > 0) {
            findings.error(path, "must be at most 24h: the old key stays valid all that time");
        }
    }

    private void window(RotationWindow window, boolean rotates) {
        String path = PATH + ".window";
        List<Weekday> days = window.days();
        Map<Weekday, Integer> seen = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            String dayPath = path + ".days[" + i + "]";
            Weekday day = days.get(i);
            if (!findings.required(dayPath, day)) {
                continue;
            }
            findings.known(dayPath, day, Weekday.class);
            Integer first = seen.putIfAbsent(day, i);
            if (first != null && day != Weekday.UNRECOGNIZED) {
                findings.error(dayPath, "duplicate of " + path + ".days[" + first + "]");
            }
        }
        if (window.hours() != null) {
            Optional<RotationWindow.Hours> hours = window.hourRange();
            if (hours.isEmpty()) {
                findings.error(path + ".hours", "must be HH:MM-HH:MM on a 24-hour clock, e.g. 02:00-05:00");
            } else if (hours.get().opens().equals(hours.get().closes())) {
                findings.error(path + ".hours", "must not open and close at the same time");
            }
        }
        if (window.zone().isEmpty()) {
            findings.error(path + ".timeZone", "must be an IANA time zone, e.g. Europe/Berlin or UTC");
        }
        if (!rotates) {
            findings.warning(path, "ignored without spec.rotation.every: nothing is rotated");
        }
    }

    private void adminSecret(KeyAdminSecretRef admin) {
        String path = PATH + ".adminSecretRef";
        if (findings.required(path + ".name", admin.name())) {
            findings.objectName(path + ".name", admin.name());
        }
        if (findings.optional(path + ".namespace", admin.namespace())) {
            findings.namespace(path + ".namespace", admin.namespace());
        }
        if (findings.required(path + ".accessKeyKey", admin.accessKeyKey())) {
            findings.dataKey(path + ".accessKeyKey", admin.accessKeyKey());
        }
        if (findings.required(path + ".secretKeyKey", admin.secretKeyKey())) {
            findings.dataKey(path + ".secretKeyKey", admin.secretKeyKey());
        }
    }

    // a plain RGW user: the source Secret holds its key, the Admin Ops API (the admin Secret) mints and revokes
    private void rgwUser(Rotation rotation, SourceKind source) {
        String path = PATH + ".rgwUser";
        if (!RGW_UID.matcher(rotation.rgwUser()).matches()) {
            findings.error(
                    path,
                    "must be an RGW user id: 1-64 of letters, digits, '.', '_' and '-', starting with a letter"
                            + " or digit");
        }
        if (source != null && !(source instanceof SecretSource)) {
            findings.error(
                    path,
                    "only with source secret (a plain RGW user without Rook); a rookObjectUser's RGW user is the"
                            + " CephObjectStoreUser's name");
        }
        if (rotation.adminSecretRef() == null) {
            findings.error(
                    PATH + ".adminSecretRef",
                    "required with spec.rotation.rgwUser: the RGW Admin Ops API mints and revokes the user's keys"
                            + " with this credential (caps users=*)");
        }
    }

    private void acrossSource(Rotation rotation, SourceKind source) {
        boolean rotates = rotation.every() != null;
        if (source instanceof WebIdentitySource && rotates) {
            findings.error(
                    PATH + ".every",
                    "must not be set with source webIdentity: there are no static keys to"
                            + " rotate (token lifetimes are reported instead)");
        } else if (source instanceof SecretSource && rotates && rotation.rgwUser() == null) {
            findings.error(
                    PATH + ".every",
                    "must not be set with source secret: credrift cannot mint its keys (use"
                            + " maxAge to alert on key age, or name the RGW user in spec.rotation.rgwUser with"
                            + " adminSecretRef)");
        } else if (source instanceof MinioSource && rotation.adminSecretRef() != null) {
            findings.warning(
                    PATH + ".adminSecretRef",
                    "ignored with source minio: spec.source.minio.adminSecretRef"
                            + " mints and revokes service accounts");
        }
    }
}
