package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.ValueTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the world declares that {@code ${…}} placeholders and later sections may refer to — store users, TLS, the
 * MinIO admin API — and the check that every placeholder names something declared.
 */
final class Placeholders {

    private final Set<String> storeUsers = new LinkedHashSet<>();
    private boolean tls;
    private boolean minio;
    private boolean rgw;

    /** Declares a store user; false if one of this name is declared already. */
    boolean addStoreUser(String name) {
        return storeUsers.add(name);
    }

    Set<String> storeUsers() {
        return storeUsers;
    }

    boolean hasStoreUser(String name) {
        return storeUsers.contains(name);
    }

    void declareTls() {
        tls = true;
    }

    boolean tls() {
        return tls;
    }

    void declareMinio() {
        minio = true;
    }

    boolean minio() {
        return minio;
    }

    /** The store is a real Ceph RGW: timeline actions only the S3 stand-in can carry out are refused. */
    void declareRgw() {
        rgw = true;
    }

    boolean rgw() {
        return rgw;
    }

    /** A mapping of labels to values that may hold placeholders. */
    Map<String, ValueTemplate> templates(Fields fields) {
        Map<String, ValueTemplate> values = new LinkedHashMap<>();
        for (String key : new ArrayList<>(fields.keys())) {
            YamlNode value = fields.node(key);
            ValueTemplate template = new ValueTemplate(Fields.text(value));
            check(template, value);
            values.put(key, template);
        }
        fields.done();
        return values;
    }

    void check(ValueTemplate template, YamlNode where) {
        for (String placeholder : template.placeholders()) {
            if (!ValueTemplate.isKnown(placeholder)) {
                throw new WorldFileException(
                        where.location(),
                        where.path(),
                        "unknown placeholder ${" + placeholder
                                + "}; known: s3.endpoint, s3.host, s3.port, onepassword.url, onepassword.token, ca.pem, "
                                + "minio.endpoint, minio.rootUser, minio.rootPassword, sts.aws.endpoint, "
                                + "sts.alibaba.endpoint, "
                                + "storeUser.<user>.accessKeyId, storeUser.<user>.secretAccessKey");
            }
            Optional<String> user = ValueTemplate.storeUserOf(placeholder);
            if (user.isPresent() && !storeUsers.contains(user.get())) {
                throw new WorldFileException(
                        where.location(),
                        where.path(),
                        "placeholder ${" + placeholder + "} names store user '" + user.get()
                                + "', which store.users does not declare");
            }
            if (placeholder.startsWith("minio.") && !minio) {
                throw new WorldFileException(
                        where.location(), where.path(), "placeholder ${" + placeholder + "} needs store.minio");
            }
            if (placeholder.equals("ca.pem") && !tls) {
                throw new WorldFileException(where.location(), where.path(), "placeholder ${ca.pem} needs store.tls");
            }
        }
    }
}
