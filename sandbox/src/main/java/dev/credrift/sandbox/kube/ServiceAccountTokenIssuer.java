package dev.credrift.sandbox.kube;

import java.time.Duration;
import java.util.List;

/** Signs the tokens the emulated TokenRequest API hands out (the cluster's service-account issuer). */
@FunctionalInterface
public interface ServiceAccountTokenIssuer {

    /** A signed token for {@code system:serviceaccount:<namespace>:<serviceAccount>}. */
    String issue(String namespace, String serviceAccount, List<String> audiences, Duration lifetime);
}
