package dev.credrift.api.validation;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.ConnectSecretRef;
import dev.credrift.api.spec.ConsumerRef;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.GoDuration;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.api.spec.Replica;
import dev.credrift.api.spec.Rollout;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.Vault;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.api.spec.WorkloadKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports every problem of a {@code CredentialBinding} spec, each with its field path.
 *
 * <p>Never throws: a {@code null} binding, a {@code null} spec, {@code null} list entries, unknown enum spellings
 * and garbage strings all come back as violations. Messages name fields and allowed values only.
 */
public final class CredentialBindingValidator {

    public static final int MAX_CONSUMERS = 100;
    public static final int MAX_ROLLOUTS_PER_HOUR = 60;
    public static final Duration MAX_READINESS_TIMEOUT = Duration.ofHours(24);

    private static final int MAX_VAULT_NAME = 256;

    public ValidationResult validate(CredentialBinding binding) {
        if (binding == null) {
            return new ValidationResult(List.of(Violation.error("spec", "required")));
        }
        return validate(binding.getSpec());
    }

    public ValidationResult validate(CredentialBindingSpec spec) {
        Findings findings = new Findings();
        try {
            walk(findings, spec);
        } catch (RuntimeException e) {
            // a bug here must not take the watcher down; the class name is safe to show, the message may not be
            findings.error("spec", "could not be validated (" + e.getClass().getSimpleName() + ")");
        }
        return new ValidationResult(findings.violations());
    }

    private void walk(Findings findings, CredentialBindingSpec spec) {
        if (!findings.required("spec", spec)) {
            return;
        }
        findings.known("spec.mode", spec.mode(), Mode.class);
        findings.known("spec.authority", spec.authority(), Authority.class);
        new SourceRules(findings).check(spec.source());
        Optional<SourceKind> source =
                spec.source() == null ? Optional.empty() : spec.source().selected();
        vault(findings, spec.vault());
        replica(findings, spec.replica());
        consumers(findings, spec.consumers());
        new StoreRules(findings).check(spec.store(), source);
        rollout(findings, spec.rollout());
        new RotationRules(findings).check(spec.rotation(), source);
        acrossFields(findings, spec, source);
    }

    private void vault(Findings findings, Vault vault) {
        if (vault == null) {
            return;
        }
        String path = "spec.vault.onePassword";
        OnePasswordItem item = vault.onePassword();
        if (!findings.required(path, item)) {
            return;
        }
        if (findings.required(path + ".vault", item.vault())) {
            findings.maxLength(path + ".vault", item.vault(), MAX_VAULT_NAME);
        }
        if (findings.required(path + ".item", item.item())) {
            findings.maxLength(path + ".item", item.item(), MAX_VAULT_NAME);
        }
        OnePasswordFields fields = item.fields();
        if (findings.required(path + ".fields", fields)) {
            boolean hasId = findings.required(path + ".fields.accessKeyId", fields.accessKeyId());
            if (hasId) {
                findings.maxLength(path + ".fields.accessKeyId", fields.accessKeyId(), MAX_VAULT_NAME);
            }
            boolean hasSecret = findings.required(path + ".fields.secretAccessKey", fields.secretAccessKey());
            if (hasSecret) {
                findings.maxLength(path + ".fields.secretAccessKey", fields.secretAccessKey(), MAX_VAULT_NAME);
            }
            if (hasId && hasSecret && fields.accessKeyId().equals(fields.secretAccessKey())) {
                findings.error(path + ".fields.secretAccessKey", "must differ from accessKeyId");
            }
        }
        ConnectSecretRef connect = item.connectSecretRef();
        if (connect != null) {
            String connectPath = path + ".connectSecretRef";
            if (findings.required(connectPath + ".name", connect.name())) {
                findings.objectName(connectPath + ".name", connect.name());
            }
            if (findings.optional(connectPath + ".namespace", connect.namespace())) {
                findings.namespace(connectPath + ".namespace", connect.namespace());
            }
            if (findings.required(connectPath + ".hostKey", connect.hostKey())) {
                findings.dataKey(connectPath + ".hostKey", connect.hostKey());
            }
            if (findings.required(connectPath + ".tokenKey", connect.tokenKey())) {
                findings.dataKey(connectPath + ".tokenKey", connect.tokenKey());
            }
        }
    }

    private void replica(Findings findings, Replica replica) {
        if (replica == null) {
            return;
        }
        String path = "spec.replica.externalSecret";
        if (findings.required(path, replica.externalSecret())
                && findings.required(path + ".name", replica.externalSecret().name())) {
            findings.objectName(path + ".name", replica.externalSecret().name());
        }
    }

    private void consumers(Findings findings, List<ConsumerRef> consumers) {
        if (consumers.size() > MAX_CONSUMERS) {
            findings.error("spec.consumers", "must have at most " + MAX_CONSUMERS + " entries");
        }
        Map<ConsumerRef, Integer> seen = new HashMap<>();
        for (int i = 0; i < consumers.size(); i++) {
            String path = "spec.consumers[" + i + "]";
            ConsumerRef consumer = consumers.get(i);
            if (!findings.required(path, consumer)) {
                continue;
            }
            if (findings.required(path + ".kind", consumer.kind())) {
                findings.known(path + ".kind", consumer.kind(), WorkloadKind.class);
            }
            if (findings.required(path + ".name", consumer.name())) {
                findings.objectName(path + ".name", consumer.name());
            }
            if (consumer.kind() != null && consumer.name() != null) {
                Integer first = seen.putIfAbsent(consumer, i);
                if (first != null) {
                    findings.error(path, "duplicate of spec.consumers[" + first + "]");
                }
            }
        }
    }

    private void rollout(Findings findings, Rollout rollout) {
        String path = "spec.rollout";
        int maxPerHour = rollout.maxPerHour();
        if (maxPerHour < 1) {
            findings.error(path + ".maxPerHour", "must be at least 1");
        } else if (maxPerHour > MAX_ROLLOUTS_PER_HOUR) {
            findings.error(path + ".maxPerHour", "must be at most " + MAX_ROLLOUTS_PER_HOUR);
        }
        Optional<Duration> timeout = GoDuration.parse(rollout.readinessTimeout());
        if (timeout.isEmpty()) {
            findings.error(path + ".readinessTimeout", "not a duration (Go syntax, e.g. 5m, 90s, 1h30m)");
        } else if (timeout.get().isNegative() || timeout.get().isZero()) {
            findings.error(path + ".readinessTimeout", "must be positive");
        } else if (timeout.get().compareTo(MAX_READINESS_TIMEOUT) > 0) {
            findings.error(path + ".readinessTimeout", "must be at most 24h");
        }
    }

    /** Rules that need more than one field: CEL rules in the CRD, nothing at all on the mock server. */
    private void acrossFields(Findings findings, CredentialBindingSpec spec, Optional<SourceKind> source) {
        Authority authority = spec.authority();
        SourceKind kind = source.orElse(null);
        if (kind instanceof MinioSource && authority == Authority.SOURCE) {
            findings.error(
                    "spec.authority",
                    "must be Vault with source minio: the vault holds the keys the store is" + " made to accept");
        }
        if (kind instanceof WebIdentitySource) {
            if (authority == Authority.VAULT) {
                findings.error("spec.authority", "must be Source with source webIdentity: there are no static keys");
            }
            if (spec.vault() != null) {
                findings.error("spec.vault", "must not be set with source webIdentity: there are no static keys");
            }
        } else if (authority == Authority.VAULT && spec.vault() == null) {
            findings.error("spec.vault", "required with authority Vault");
        }
    }
}
