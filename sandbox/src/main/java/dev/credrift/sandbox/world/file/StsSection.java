package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.StsSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a world file's {@code sts} section and its timeline actions:
 * <pre>
 * sts:
 *   issuer: https://oidc.eks.eu-west-1.amazonaws.com/id/SANDBOX   # iss of the cluster's service-account tokens
 *   sessionLifetime: 15m                                          # optional: every session lasts this long
 *   aws:                                                          # AssumeRoleWithWebIdentity at ${sts.aws.endpoint}
 *     oidcProvider: {arn: arn:aws:iam::111122223333:oidc-provider/…, clientIds: [sts.amazonaws.com]}
 *     roles:
 *       - {arn: arn:aws:iam::111122223333:role/tempo-s3, storeUser: tempo,
 *          trust: {subjects: [system:serviceaccount:tracing:tempo], audiences: []}}
 *   alibaba:                                                      # AssumeRoleWithOIDC at ${sts.alibaba.endpoint}
 *     oidcProvider: {arn: acs:ram::…:oidc-provider/ack-rrsa, clientIds: [sts.aliyuncs.com]}
 *     requestsPerSecond: 100
 *     roles: [...]
 * timeline:
 *   - {at: 3s, editTrustPolicy: {role: arn:…, subjects: [system:serviceaccount:tracing:tempo-ingester]}}
 *   - {at: 3s, setOidcClientIds: {provider: acs:ram::…, clientIds: [sts.aliyuncs.com.cn]}}
 * </pre>
 */
final class StsSection {

    private final Set<String> roleArns = new LinkedHashSet<>();
    private final Set<String> providerArns = new LinkedHashSet<>();
    private boolean present;

    StsSpec read(Fields s, Set<String> storeUsers) {
        present = true;
        String issuer = s.string("issuer");
        if (!issuer.startsWith("https://")) {
            throw s.error("issuer", "must be an https:// URL, as OIDC issuers are");
        }
        StsSpec spec = new StsSpec(
                issuer,
                s.optionalDuration("sessionLifetime"),
                s.optionalMap("aws", "AWS STS").map(f -> cloud(f, storeUsers, "arn:aws:iam::")),
                s.optionalMap("alibaba", "Alibaba Cloud STS").map(f -> cloud(f, storeUsers, "acs:ram::")));
        if (spec.aws().isEmpty() && spec.alibaba().isEmpty()) {
            throw s.error("aws", "give aws, alibaba or both");
        }
        s.done();
        return spec;
    }

    private StsSpec.Cloud cloud(Fields c, Set<String> storeUsers, String arnPrefix) {
        Fields provider = c.map("oidcProvider", "the OIDC provider");
        String providerArn = provider.string("arn");
        if (!providerArn.startsWith(arnPrefix)) {
            throw provider.error("arn", "must start with " + arnPrefix);
        }
        providerArns.add(providerArn);
        List<String> clientIds = provider.strings("clientIds");
        provider.done();
        List<StsSpec.Role> roles = new ArrayList<>();
        for (YamlNode node : c.list("roles")) {
            Fields r = Fields.of(node, "a role");
            String arn = r.string("arn");
            if (!arn.startsWith(arnPrefix) || !arn.contains(":role/")) {
                throw r.error("arn", "must be a role ARN starting with " + arnPrefix);
            }
            if (!roleArns.add(arn)) {
                throw r.error("arn", "a role with this ARN is already declared");
            }
            String user = r.string("storeUser");
            if (!storeUsers.contains(user)) {
                throw r.error("storeUser", "store.users does not declare this user");
            }
            Fields trust = r.map("trust", "the trust policy");
            roles.add(new StsSpec.Role(
                    arn, user, Set.copyOf(trust.strings("subjects")), Set.copyOf(trust.strings("audiences"))));
            trust.done();
            r.done();
        }
        Optional<Integer> limit =
                c.has("requestsPerSecond") ? Optional.of(c.integer("requestsPerSecond")) : Optional.empty();
        if (limit.isPresent() && limit.get() < 1) {
            throw c.error("requestsPerSecond", "must be at least 1");
        }
        c.done();
        return new StsSpec.Cloud(providerArn, Set.copyOf(clientIds), roles, limit);
    }

    Action editTrustPolicy(Fields f) {
        String role = f.string("role");
        if (!present || !roleArns.contains(role)) {
            throw f.error("role", "sts declares no role with this ARN");
        }
        Action action =
                new Action.EditTrustPolicy(role, Set.copyOf(f.strings("subjects")), Set.copyOf(f.strings("audiences")));
        f.done();
        return action;
    }

    Action setOidcClientIds(Fields f) {
        String provider = f.string("provider");
        if (!present || !providerArns.contains(provider)) {
            throw f.error("provider", "sts declares no OIDC provider with this ARN");
        }
        Action action = new Action.SetOidcClientIds(provider, Set.copyOf(f.strings("clientIds")));
        f.done();
        return action;
    }
}
