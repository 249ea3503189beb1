package dev.credrift.sandbox.rgw;

import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cluster's users and S3 keys, managed with {@code radosgw-admin}: every call bounded by
 * {@link RealRgw#COMMAND_TIMEOUT}, its JSON output parsed (never quoted) and every secret in it remembered, so
 * that no failure message can carry one.
 */
final class RgwUsers {

    private static final Pattern UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String CAP = "[a-z-]+=(\\*|read|write|read, *write)";
    private static final Pattern CAPS = Pattern.compile(CAP + "(;" + CAP + ")*");
    // radosgw-admin's exit code (EINVAL's number, in fact) for "could not fetch user info: no user info saved"
    private static final int NO_SUCH_ENTRY_EXIT = 22;

    private final CephBinaries binaries;
    private final CephCommand commands;
    private final KnownSecrets secrets;
    private final Path adminLog;

    RgwUsers(CephBinaries binaries, CephCommand commands, KnownSecrets secrets, CephConf conf) {
        this.binaries = binaries;
        this.commands = commands;
        this.secrets = secrets;
        this.adminLog = conf.logFile("client.admin");
    }

    /** See {@link RealRgw#createUser(String)}. */
    Credential createUser(String uid) {
        requireUid(uid);
        RgwUser user = admin("radosgw-admin user create", "user", "create", "--uid=" + uid, "--display-name=" + uid);
        if (user.keys().size() != 1) {
            throw new RealRgwException(
                    "radosgw-admin user create",
                    "expected one key for new user '" + uid + "', got "
                            + user.keys().size());
        }
        return user.keys().get(0);
    }

    /** See {@link RealRgw#createUser(String, Credential)}. */
    void createUser(String uid, Credential key) {
        requireUid(uid);
        Objects.requireNonNull(key, "key");
        secrets.remember(key.secret());
        admin(
                "radosgw-admin user create",
                "user",
                "create",
                "--uid=" + uid,
                "--display-name=" + uid,
                "--access-key=" + key.accessKeyId(),
                "--secret-key=" + key.secret().reveal());
    }

    /** See {@link RealRgw#userExists(String)}. */
    boolean userExists(String uid) {
        requireUid(uid);
        String step = "radosgw-admin user info";
        CephCommand.Result result = commands.run(
                step,
                RealRgw.COMMAND_TIMEOUT,
                CephCommand.command(binaries.path("radosgw-admin"), "user", "info", "--uid=" + uid));
        if (result.succeeded()) {
            RgwUserJson.parse(step, result.stdout()).keys().forEach(key -> secrets.remember(key.secret()));
            return true;
        }
        if (result.exitCode() == NO_SUCH_ENTRY_EXIT) {
            return false;
        }
        throw commands.failure(step, "radosgw-admin exited with " + result.exitCode(), adminLog);
    }

    /** See {@link RealRgw#removeUser(String)}. */
    void removeUser(String uid) {
        requireUid(uid);
        commands.require(
                "radosgw-admin user rm",
                RealRgw.COMMAND_TIMEOUT,
                CephCommand.command(binaries.path("radosgw-admin"), "user", "rm", "--uid=" + uid),
                adminLog);
    }

    /** See {@link RealRgw#user(String)}. */
    RgwUser user(String uid) {
        requireUid(uid);
        return admin("radosgw-admin user info", "user", "info", "--uid=" + uid);
    }

    /** See {@link RealRgw#addKey(String)}. */
    Credential addKey(String uid) {
        Set<String> before =
                user(uid).keys().stream().map(Credential::accessKeyId).collect(Collectors.toSet());
        RgwUser after = admin(
                "radosgw-admin key create",
                "key",
                "create",
                "--uid=" + uid,
                "--key-type=s3",
                "--gen-access-key",
                "--gen-secret");
        List<Credential> added = after.keys().stream()
                .filter(key -> !before.contains(key.accessKeyId()))
                .toList();
        if (added.size() != 1) {
            throw new RealRgwException(
                    "radosgw-admin key create", "expected one new key for user '" + uid + "', found " + added.size());
        }
        return added.get(0);
    }

    /** See {@link RealRgw#addKey(String, Credential)}. */
    void addKey(String uid, Credential key) {
        requireUid(uid);
        Objects.requireNonNull(key, "key");
        secrets.remember(key.secret());
        admin(
                "radosgw-admin key create",
                "key",
                "create",
                "--uid=" + uid,
                "--key-type=s3",
                "--access-key=" + key.accessKeyId(),
                "--secret-key=" + key.secret().reveal());
    }

    /** See {@link RealRgw#removeKey(String, String)}. */
    void removeKey(String uid, String accessKeyId) {
        requireUid(uid);
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("removeKey accessKeyId: must not be blank");
        }
        RgwUser after = admin(
                "radosgw-admin key rm", "key", "rm", "--uid=" + uid, "--key-type=s3", "--access-key=" + accessKeyId);
        if (after.keys().stream().anyMatch(key -> key.accessKeyId().equals(accessKeyId))) {
            throw new RealRgwException(
                    "radosgw-admin key rm", "user '" + uid + "' still holds key " + AccessKeyMask.mask(accessKeyId));
        }
    }

    /** See {@link RealRgw#suspend(String)}. */
    void suspend(String uid) {
        requireUid(uid);
        admin("radosgw-admin user suspend", "user", "suspend", "--uid=" + uid);
    }

    /** See {@link RealRgw#resume(String)}. */
    void resume(String uid) {
        requireUid(uid);
        admin("radosgw-admin user enable", "user", "enable", "--uid=" + uid);
    }

    /** See {@link RealRgw#grantCaps(String, String)}. */
    void grantCaps(String uid, String caps) {
        requireUid(uid);
        if (caps == null || !CAPS.matcher(caps).matches()) {
            throw new IllegalArgumentException("RGW caps: must look like users=* or buckets=read;users=read");
        }
        admin("radosgw-admin caps add", "caps", "add", "--uid=" + uid, "--caps=" + caps);
    }

    private RgwUser admin(String step, String... arguments) {
        CephCommand.Result result = commands.require(
                step,
                RealRgw.COMMAND_TIMEOUT,
                CephCommand.command(binaries.path("radosgw-admin"), arguments),
                adminLog);
        RgwUser user = RgwUserJson.parse(step, result.stdout());
        user.keys().forEach(key -> secrets.remember(key.secret()));
        return user;
    }

    private static void requireUid(String uid) {
        if (uid == null || !UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("RGW user id: must be 1-64 of [A-Za-z0-9._-] starting with a letter"
                    + " or digit, got " + (uid == null ? "null" : "'" + uid + "'"));
        }
    }
}
