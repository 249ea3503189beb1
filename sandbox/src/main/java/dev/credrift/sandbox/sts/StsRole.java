package dev.credrift.sandbox.sts;

import java.util.Objects;

/**
 * A role that can be assumed with a web identity, and the store user whose permissions its sessions get.
 */
public record StsRole(String arn, TrustPolicy trust, String storeUser) {

    public StsRole {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(storeUser, "storeUser");
    }

    /** The role's name: what follows {@code role/} in its ARN. */
    public String name() {
        int slash = arn.indexOf(":role/");
        return slash < 0 ? arn : arn.substring(slash + ":role/".length());
    }

    /** The account in the ARN ({@code arn:aws:iam::<account>:role/…}, {@code acs:ram::<account>:role/…}). */
    public String account() {
        String[] parts = arn.split(":");
        return parts.length > 4 ? parts[4] : "000000000000";
    }
}
