package dev.credrift.sandbox.world.file;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.world.spec.MinioSpec;
import dev.credrift.sandbox.world.spec.StoreBackend;
import dev.credrift.sandbox.world.spec.StoreSpec;
import dev.credrift.sandbox.world.spec.StoreUserSpec;
import dev.credrift.sandbox.world.spec.TlsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code store:} — its backend, buckets, users, TLS and the MinIO admin API — declaring users, TLS, MinIO and
 * a real RGW to {@link Placeholders} for the sections after it.
 *
 * <p>{@code backend: rgw} makes the store a real Ceph RGW: user names must be RGW user ids, buckets need a user to
 * own them (RGW buckets belong to their creator: the first user creates them), TLS needs a certificate radosgw can be
 * checked with at start (valid or from another CA, naming 127.0.0.1, where it listens), and what only the S3
 * stand-in can do — the MinIO admin API in front of it — is refused here, naming the field. A user's {@code caps}
 * (RGW admin capabilities, e.g. {@code users=*} for the Admin Ops API) need a real RGW: the stand-in refuses them.
 */
final class StoreSection {

    // radosgw-admin's rule for a uid, as RgwUsers enforces it at run time
    private static final Pattern RGW_UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    // radosgw-admin's caps syntax, as RgwUsers enforces it at run time
    private static final String RGW_CAP = "[a-z-]+=(\\*|read|write|read, *write)";
    private static final Pattern RGW_CAPS = Pattern.compile(RGW_CAP + "(;" + RGW_CAP + ")*");
    private static final String RGW_ADDRESS = "127.0.0.1";
    private static final Pattern MINIO_ACCESS_KEY = Pattern.compile("[A-Za-z0-9_.@-]{3,128}");
    private static final String ONLY_STAND_IN = " only with the S3 stand-in; remove store.backend: rgw, or this";

    private final Placeholders declared;

    StoreSection(Placeholders declared) {
        this.declared = declared;
    }

    StoreSpec read(Optional<Fields> fields) {
        if (fields.isEmpty()) {
            return new StoreSpec(List.of(), List.of(), Optional.empty());
        }
        Fields s = fields.get();
        StoreBackend backend = backend(s);
        List<String> buckets = s.strings("buckets");
        List<StoreUserSpec> users = new ArrayList<>();
        for (YamlNode node : s.list("users")) {
            Fields u = Fields.of(node, "a store user");
            String name = u.string("name");
            if (!declared.addStoreUser(name)) {
                throw u.error("name", "a store user of this name is already declared");
            }
            if (backend == StoreBackend.RGW && !RGW_UID.matcher(name).matches()) {
                throw u.error(
                        "name",
                        "must be an RGW user id: 1-64 of letters, digits, '.', '_' and '-', starting"
                                + " with a letter or digit");
            }
            Optional<String> id = u.optionalString("accessKeyId");
            Optional<String> secret = u.optionalString("secretAccessKey");
            if (id.isPresent() != secret.isPresent()) {
                throw u.error(
                        id.isPresent() ? "secretAccessKey" : "accessKeyId",
                        "give both accessKeyId and secretAccessKey, or neither to have them generated");
            }
            Optional<Credential> keys = id.map(i -> Credential.of(i, secret.get()));
            Optional<String> caps = u.optionalString("caps");
            if (caps.isPresent() && backend != StoreBackend.RGW) {
                throw u.error(
                        "caps",
                        "RGW admin caps need a real RGW (store.backend: rgw): the S3 stand-in has no Admin Ops API");
            }
            if (caps.isPresent() && !RGW_CAPS.matcher(caps.get()).matches()) {
                throw u.error("caps", "must be RGW caps like users=* or buckets=read;users=read, write");
            }
            users.add(new StoreUserSpec(name, keys, u.bool("suspended", false), caps, u.location()));
            u.done();
        }
        if (backend == StoreBackend.RGW) {
            refuseOnRgw(s, "minio", "the MinIO admin API fronts the store");
            if (!buckets.isEmpty() && users.isEmpty()) {
                throw s.error(
                        "buckets",
                        "a real RGW bucket belongs to a user: declare store.users (the first one"
                                + " creates the buckets)");
            }
        }
        Optional<TlsSpec> tlsSpec = s.optionalMap("tls", "the TLS settings").map(t -> tls(t, backend));
        Optional<MinioSpec> minioSpec =
                s.optionalMap("minio", "the MinIO admin API").map(this::minio);
        s.done();
        return new StoreSpec(buckets, users, tlsSpec, minioSpec, backend);
    }

    private StoreBackend backend(Fields s) {
        String name = s.optionalString("backend").orElse(StoreBackend.STAND_IN.fileName());
        for (StoreBackend backend : StoreBackend.values()) {
            if (backend.fileName().equals(name)) {
                if (backend == StoreBackend.RGW) {
                    declared.declareRgw();
                }
                return backend;
            }
        }
        throw s.error("backend", "must be standIn (the S3 stand-in, the default) or rgw (a real Ceph RGW)");
    }

    private static void refuseOnRgw(Fields s, String key, String what) {
        if (s.has(key)) {
            throw s.error(key, what + ONLY_STAND_IN + " field");
        }
    }

    private MinioSpec minio(Fields m) {
        declared.declareMinio();
        String rootUser = m.string("rootUser");
        if (declared.hasStoreUser(rootUser)) {
            throw m.error("rootUser", "store.users declares a user of this name already; the root user is MinIO's");
        }
        Optional<String> rootPassword = m.optionalString("rootPassword");
        if (rootPassword.isPresent() && rootPassword.get().length() < 8) {
            throw m.error("rootPassword", "must be at least 8 characters, as MinIO requires");
        }
        List<Credential> accounts = new ArrayList<>();
        for (YamlNode node : m.list("serviceAccounts")) {
            Fields a = Fields.of(node, "a MinIO service account");
            String accessKeyId = a.string("accessKeyId");
            if (!MINIO_ACCESS_KEY.matcher(accessKeyId).matches()) {
                throw a.error("accessKeyId", "must be 3 to 128 letters, digits or _.@- (MinIO's rule)");
            }
            String secret = a.string("secretAccessKey");
            if (secret.length() < 8 || secret.length() > 40) {
                throw a.error("secretAccessKey", "must be 8 to 40 characters (MinIO's rule)");
            }
            if (accessKeyId.equals(rootUser)
                    || accounts.stream().anyMatch(c -> c.accessKeyId().equals(accessKeyId))) {
                throw a.error("accessKeyId", "is the root user's or another service account's already");
            }
            accounts.add(a.done(Credential.of(accessKeyId, secret)));
        }
        m.done();
        return new MinioSpec(rootUser, rootPassword, accounts);
    }

    private TlsSpec tls(Fields t, StoreBackend backend) {
        declared.declareTls();
        String ca = t.optionalString("ca").orElse("sandbox-ca");
        List<String> names = t.has("names") ? t.strings("names") : List.of("127.0.0.1", "localhost");
        if (names.isEmpty()) {
            throw t.error("names", "must name at least one DNS name or IP address");
        }
        Optional<String> serverName = t.optionalString("serverName");
        String state = t.optionalString("certificate").orElse("valid");
        TlsSpec.CertificateState certificate = switch (state) {
            case "valid" -> TlsSpec.CertificateState.VALID;
            case "expired" -> TlsSpec.CertificateState.EXPIRED;
            case "untrusted" -> TlsSpec.CertificateState.UNTRUSTED;
            default -> throw t.error("certificate", "must be valid, expired or untrusted");
        };
        List<TlsSpec.CaConfigMap> publish = new ArrayList<>();
        for (YamlNode node : t.list("publishCa")) {
            Fields c = Fields.of(node, "a ConfigMap reference");
            publish.add(new TlsSpec.CaConfigMap(
                    c.string("namespace"),
                    c.string("name"),
                    c.optionalString("key").orElse("ca.crt")));
            c.done();
        }
        t.done();
        if (backend == StoreBackend.RGW && !names.contains(RGW_ADDRESS)) {
            throw t.error(
                    "names",
                    "must include " + RGW_ADDRESS + " with store.backend: rgw: radosgw listens there,"
                            + " and its start-up is checked against this certificate");
        }
        if (backend == StoreBackend.RGW && certificate == TlsSpec.CertificateState.EXPIRED) {
            throw t.error(
                    "certificate",
                    "expired works only with the S3 stand-in: a real RGW's start-up is checked"
                            + " over TLS, which an expired certificate fails");
        }
        return new TlsSpec(ca, names, serverName, certificate, publish);
    }
}
