package dev.credrift.sandbox.world.file;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.world.spec.MinioSpec;
import dev.credrift.sandbox.world.spec.StoreSpec;
import dev.credrift.sandbox.world.spec.StoreUserSpec;
import dev.credrift.sandbox.world.spec.TlsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code store:} — buckets, users, TLS and the MinIO admin API — declaring users, TLS and MinIO to
 * {@link Placeholders} for the sections after it.
 */
final class StoreSection {

    private final Placeholders declared;

    StoreSection(Placeholders declared) {
        this.declared = declared;
    }

    StoreSpec read(Optional<Fields> fields) {
        if (fields.isEmpty()) {
            return new StoreSpec(List.of(), List.of(), Optional.empty());
        }
        Fields s = fields.get();
        List<String> buckets = s.strings("buckets");
        List<StoreUserSpec> users = new ArrayList<>();
        for (YamlNode node : s.list("users")) {
            Fields u = Fields.of(node, "a store user");
            String name = u.string("name");
            if (!declared.addStoreUser(name)) {
                throw u.error("name", "a store user of this name is already declared");
            }
            Optional<String> id = u.optionalString("accessKeyId");
            Optional<String> secret = u.optionalString("secretAccessKey");
            if (id.isPresent() != secret.isPresent()) {
                throw u.error(id.isPresent() ? "secretAccessKey" : "accessKeyId",
                        "give both accessKeyId and secretAccessKey, or neither to have them generated");
            }
            Optional<Credential> keys = id.map(i -> Credential.of(i, secret.get()));
            users.add(new StoreUserSpec(name, keys, u.bool("suspended", false), u.location()));
            u.done();
        }
        Optional<TlsSpec> tlsSpec = s.optionalMap("tls", "the TLS settings").map(this::tls);
        Optional<MinioSpec> minioSpec = s.optionalMap("minio", "the MinIO admin API").map(this::minio);
        s.done();
        return new StoreSpec(buckets, users, tlsSpec, minioSpec);
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
        m.done();
        return new MinioSpec(rootUser, rootPassword);
    }

    private TlsSpec tls(Fields t) {
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
            publish.add(new TlsSpec.CaConfigMap(c.string("namespace"), c.string("name"),
                    c.optionalString("key").orElse("ca.crt")));
            c.done();
        }
        t.done();
        return new TlsSpec(ca, names, serverName, certificate, publish);
    }
}
