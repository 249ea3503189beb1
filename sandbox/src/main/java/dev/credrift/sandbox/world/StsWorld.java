package dev.credrift.sandbox.world;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.sts.AlibabaStsStandIn;
import dev.credrift.sandbox.sts.AwsStsStandIn;
import dev.credrift.sandbox.sts.IssuedSession;
import dev.credrift.sandbox.sts.OidcIssuer;
import dev.credrift.sandbox.sts.OidcProvider;
import dev.credrift.sandbox.sts.StsDirectory;
import dev.credrift.sandbox.sts.StsRole;
import dev.credrift.sandbox.sts.TrustPolicy;
import dev.credrift.sandbox.world.spec.StsSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A world's STS side (stories 4 and 5): the cluster's service-account token issuer (which answers the emulated
 * TokenRequest API) and the AWS and Alibaba STS stand-ins with their accounts' OIDC providers and roles.
 */
public final class StsWorld implements AutoCloseable {

    private final OidcIssuer issuer;
    private final StsDirectory awsAccount = new StsDirectory();
    private final StsDirectory alibabaAccount = new StsDirectory();
    private AwsStsStandIn aws;
    private AlibabaStsStandIn alibaba;

    private StsWorld(OidcIssuer issuer) {
        this.issuer = issuer;
    }

    static StsWorld start(StsSpec spec, S3StoreStandIn store, Clock clock) {
        StsWorld world = new StsWorld(OidcIssuer.create(spec.issuer(), clock));
        try {
            spec.aws().ifPresent(cloud -> {
                world.register(world.awsAccount, spec.issuer(), cloud);
                world.aws = AwsStsStandIn.start(world.awsAccount, store, clock);
                spec.sessionLifetime().ifPresent(world.aws::shortenSessions);
            });
            spec.alibaba().ifPresent(cloud -> {
                world.register(world.alibabaAccount, spec.issuer(), cloud);
                world.alibaba = AlibabaStsStandIn.start(world.alibabaAccount, store, clock);
                spec.sessionLifetime().ifPresent(world.alibaba::shortenSessions);
                cloud.requestsPerSecond().ifPresent(world.alibaba::limitRequestsPerSecond);
            });
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
        return world;
    }

    private void register(StsDirectory account, String issuerUrl, StsSpec.Cloud cloud) {
        account.addProvider(new OidcProvider(cloud.providerArn(), issuerUrl, cloud.clientIds(), issuer.jwks()));
        for (StsSpec.Role role : cloud.roles()) {
            account.addRole(new StsRole(
                    role.arn(),
                    new TrustPolicy(cloud.providerArn(), role.subjects(), role.audiences()),
                    role.storeUser()));
        }
    }

    /** A token for the TokenRequest API, signed by the cluster's issuer. */
    String serviceAccountToken(String namespace, String serviceAccount, List<String> audiences, Duration lifetime) {
        return issuer.serviceAccountToken(namespace, serviceAccount, audiences, lifetime)
                .reveal();
    }

    /** The AWS STS stand-in, if the world has one. */
    public Optional<AwsStsStandIn> aws() {
        return Optional.ofNullable(aws);
    }

    /** The Alibaba Cloud STS stand-in, if the world has one. */
    public Optional<AlibabaStsStandIn> alibaba() {
        return Optional.ofNullable(alibaba);
    }

    Optional<URI> awsEndpoint() {
        return aws().map(AwsStsStandIn::endpoint);
    }

    Optional<URI> alibabaEndpoint() {
        return alibaba().map(AlibabaStsStandIn::endpoint);
    }

    /** Replaces a role's trust policy, in whichever account holds the role. */
    String editTrustPolicy(String roleArn, Set<String> subjects, Set<String> audiences) {
        StsDirectory account = awsAccount.role(roleArn).isPresent() ? awsAccount : alibabaAccount;
        StsRole role = account.role(roleArn).orElseThrow(() -> new IllegalArgumentException("no role " + roleArn));
        account.setTrustPolicy(roleArn, new TrustPolicy(role.trust().providerArn(), subjects, audiences));
        return "trust policy replaced";
    }

    /** Replaces the audiences an OIDC provider accepts. */
    String setClientIds(String providerArn, Set<String> clientIds) {
        StsDirectory account = awsAccount.provider(providerArn).isPresent() ? awsAccount : alibabaAccount;
        account.setClientIds(providerArn, clientIds);
        return "client ids replaced";
    }

    /** Every secret handed out so far: tokens, temporary keys and session tokens (for tests that scan outputs). */
    public List<String> issuedSecrets() {
        List<String> secrets = new ArrayList<>(issuer.issuedTokens());
        List<IssuedSession> sessions = new ArrayList<>();
        aws().ifPresent(a -> sessions.addAll(a.issued()));
        alibaba().ifPresent(a -> sessions.addAll(a.issued()));
        for (IssuedSession session : sessions) {
            Credential credential = session.credential();
            secrets.add(credential.accessKeyId());
            secrets.add(credential.secret().reveal());
            secrets.add(session.sessionToken().reveal());
        }
        return secrets;
    }

    @Override
    public void close() {
        if (aws != null) {
            aws.close();
        }
        if (alibaba != null) {
            alibaba.close();
        }
    }
}
