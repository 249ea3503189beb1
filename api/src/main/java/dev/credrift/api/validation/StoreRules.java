package dev.credrift.api.validation;

import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.Store;
import dev.credrift.api.spec.StoreTls;
import dev.credrift.api.spec.WebIdentitySource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks {@code spec.store}: the endpoint the source implies, the bucket and the TLS trust. */
final class StoreRules {

    static final String PATH = "spec.store";

    private static final Pattern BUCKET =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

    private final Findings findings;

    StoreRules(Findings findings) {
        this.findings = findings;
    }

    /** @param source the one source kind set, if the source is valid enough to say */
    void check(Store store, Optional<SourceKind> source) {
        if (!findings.required(PATH, store)) {
            return;
        }
        URI endpoint = endpoint(store, source);
        bucket(store.bucket());
        if (findings.optional(PATH + ".region", store.region())) {
            findings.region(PATH + ".region", store.region());
        }
        if (source.orElse(null) instanceof WebIdentitySource web
                && store.endpoint() == null
                && store.region() == null
                && web.region() == null) {
            findings.error(PATH + ".region", "required with source webIdentity when spec.store.endpoint is not set");
        }
        if (store.tls() != null) {
            tls(store.tls(), endpoint == null ? implicitEndpoint(source) : endpoint);
        }
    }

    private URI endpoint(Store store, Optional<SourceKind> source) {
        String path = PATH + ".endpoint";
        if (store.endpoint() == null) {
            if (source.orElse(null) instanceof SecretSource) {
                findings.error(path, "required with source secret");
            }
            return null;
        }
        if (!findings.optional(path, store.endpoint())) {
            return null;
        }
        if (store.endpoint().length() > SourceRules.MAX_URL) {
            findings.error(path, "must be at most " + SourceRules.MAX_URL + " characters");
            return null;
        }
        return findings.httpUrl(path, store.endpoint());
    }

    private void bucket(String bucket) {
        String path = PATH + ".bucket";
        if (!findings.required(path, bucket)) {
            return;
        }
        if (bucket.length() < 3
                || bucket.length() > 63
                || !BUCKET.matcher(bucket).matches()
                || IPV4_LIKE.matcher(bucket).matches()) {
            findings.error(
                    path,
                    "must be an S3 bucket name (3-63 characters: a-z, 0-9, '-', '.'; dot-separated parts"
                            + " that start and end with a letter or digit; not an IP address)");
        }
    }

    private void tls(StoreTls tls, URI endpoint) {
        String path = PATH + ".tls";
        if (findings.optional(path + ".caConfigMap", tls.caConfigMap())) {
            findings.objectName(path + ".caConfigMap", tls.caConfigMap());
        }
        if (findings.required(path + ".caKey", tls.caKey())) {
            findings.dataKey(path + ".caKey", tls.caKey());
        }
        // empty serverName means "the endpoint's host", as in the design's own example
        if (tls.serverName() != null && !tls.serverName().isEmpty()) {
            findings.hostName(path + ".serverName", tls.serverName());
        }
        if (tls.insecureSkipVerify()) {
            if (tls.caConfigMap() != null) {
                findings.error(
                        path + ".insecureSkipVerify",
                        "cannot be combined with caConfigMap: either trust the CA or skip verification");
            } else {
                findings.warning(
                        path + ".insecureSkipVerify",
                        "certificate verification is off: the store's identity is not checked");
            }
        }
        boolean asksForTls = tls.caConfigMap() != null
                || tls.insecureSkipVerify()
                || tls.serverName() != null && !tls.serverName().isEmpty();
        if (asksForTls && endpoint != null && "http".equals(endpoint.getScheme())) {
            findings.warning(path, "ignored: the store endpoint is http");
        }
    }

    /** The endpoint a MinIO source implies when the store names none; others are only known at run time. */
    private URI implicitEndpoint(Optional<SourceKind> source) {
        if (source.orElse(null) instanceof MinioSource minio && minio.endpoint() != null) {
            try {
                return new URI(minio.endpoint());
            } catch (URISyntaxException e) {
                return null; // already reported under spec.source.minio.endpoint
            }
        }
        return null;
    }
}
