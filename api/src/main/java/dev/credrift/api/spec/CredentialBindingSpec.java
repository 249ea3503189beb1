package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The chain a binding declares.
 *
 * @param mode      {@code Remediate} (default) or {@code Observe}
 * @param authority {@code Source} (default) or {@code Vault}
 * @param source    where the credential is born: exactly one kind
 * @param vault     the 1Password copy; required when {@code authority: Vault}, absent for web identity
 * @param replica   the ExternalSecret that copies the vault into the cluster
 * @param consumers workloads to roll; empty means "discovered from pods that reference the replica"
 * @param store     the judge: endpoint, bucket and TLS trust
 * @param rollout   how often and how patiently consumers are rolled
 * @param rotation  managed key rotation; absent means credrift never mints or revokes keys
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialBindingSpec(
        Mode mode,
        Authority authority,
        Source source,
        Vault vault,
        Replica replica,
        List<ConsumerRef> consumers,
        Store store,
        Rollout rollout,
        Rotation rotation) {

    public CredentialBindingSpec {
        mode = mode == null ? Mode.REMEDIATE : mode;
        authority = authority == null ? Authority.SOURCE : authority;
        // null entries are kept (not List.copyOf, which throws) so that the validator can name them
        consumers = consumers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(consumers));
        rollout = rollout == null ? Rollout.DEFAULT : rollout;
    }

    /** A spec without {@code rotation}, as every binding before managed rotation (issue 17) was written. */
    public CredentialBindingSpec(
            Mode mode,
            Authority authority,
            Source source,
            Vault vault,
            Replica replica,
            List<ConsumerRef> consumers,
            Store store,
            Rollout rollout) {
        this(mode, authority, source, vault, replica, consumers, store, rollout, null);
    }
}
