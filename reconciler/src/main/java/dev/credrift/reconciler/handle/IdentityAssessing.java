package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.identity.Diagnoser;
import dev.credrift.reconciler.identity.ExchangeRequest;
import dev.credrift.reconciler.identity.Expectations;
import dev.credrift.reconciler.identity.IdentityExchange;
import dev.credrift.reconciler.identity.ServiceAccountTokens;
import dev.credrift.reconciler.identity.StsClients;
import dev.credrift.reconciler.identity.StsReply;
import dev.credrift.reconciler.identity.StsUnavailable;
import dev.credrift.reconciler.identity.TemporaryCredential;
import dev.credrift.reconciler.identity.TokenClaims;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.resilience.Transient;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.StoreChecks;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.Hop;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a role-based binding as its pods would use it: a token for the binding's ServiceAccount from the
 * TokenRequest API (audience as declared, or the provider's default), the exchange at STS, and a probe of the store
 * with the temporary keys. Each call runs under its system's guard (Kubernetes, STS, store): STS throttling is
 * retried after exponential backoff, and once the tries are spent the binding is undetermined, not failed.
 */
final class IdentityAssessing {

    /** The TokenRequest API's minimum; the token is used once, at once. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    static final String SESSION_NAME = "credrift-verify";

    private final Exec exec;
    private final StoreChecks store;
    private final ServiceAccountTokens tokens;
    private final StsClients sts;
    private final Diagnoser diagnoser = new Diagnoser();

    IdentityAssessing(Exec exec, StoreChecks store, ServiceAccountTokens tokens, StsClients sts) {
        this.exec = exec;
        this.store = store;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    /** The binding's web-identity source, if that is its source. */
    static Optional<WebIdentitySource> webIdentity(BoundBinding binding) {
        return binding.spec().source() == null
                ? Optional.empty()
                : binding.spec()
                        .source()
                        .selected()
                        .filter(WebIdentitySource.class::isInstance)
                        .map(WebIdentitySource.class::cast);
    }

    Future<AuthorityCheck.Identity> verify(BoundBinding binding, WebIdentitySource web, Hop<ProbeTarget> target) {
        String namespace = binding.id().namespace();
        String subject = Expectations.subjectOf(namespace, web.serviceAccount());
        Expectations expected = new Expectations(
                web.provider(),
                subject,
                web.effectiveAudience(),
                web.roleArn(),
                Optional.ofNullable(web.oidcProviderArn()));
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        Reconciliation.of(binding.id()),
                        () -> tokens.request(namespace, web.serviceAccount(), web.effectiveAudience(), TOKEN_LIFETIME))
                .map(token -> Optional.<Optional<SecretValue>>of(token))
                .recover(e -> Transient.unwrap(e) instanceof KubernetesClientException k
                                && k.getCode() != 0
                                && !Transient.kubernetes(k)
                        ? Future.succeededFuture(Optional.empty())
                        : Future.failedFuture(e))
                .compose(token -> {
                    if (token.isEmpty()) {
                        return Future.succeededFuture(new IdentityExchange.NoToken("the TokenRequest API refused a"
                                + " token for ServiceAccount " + namespace + "/" + web.serviceAccount()));
                    }
                    if (token.get().isEmpty()) {
                        return Future.succeededFuture(new IdentityExchange.NoToken("ServiceAccount " + namespace + "/"
                                + web.serviceAccount() + " (spec.source.webIdentity.serviceAccount) does not exist"));
                    }
                    return exchange(
                            Reconciliation.of(binding.id()),
                            web,
                            expected,
                            token.get().get(),
                            target);
                })
                .map(exchange -> new AuthorityCheck.Identity(subject, web.roleArn(), exchange));
    }

    private Future<IdentityExchange> exchange(
            Reconciliation log,
            WebIdentitySource web,
            Expectations expected,
            SecretValue token,
            Hop<ProbeTarget> target) {
        ExchangeRequest request = new ExchangeRequest(
                web.provider(),
                URI.create(web.effectiveStsEndpoint()),
                web.roleArn(),
                Optional.ofNullable(web.oidcProviderArn()),
                SESSION_NAME,
                token,
                // STS's default session, as a pod's SDK gets it when it names none: the keys' lifetime is then the
                // one reported for the binding (issue 17), not a shorter one of credrift's (they are used once)
                Optional.empty());
        return exec.guards()
                .sts()
                .call(exec.context(), log, () -> sts.of(web.provider()).exchange(request))
                .compose(
                        reply -> {
                            if (reply instanceof StsReply.Refused refused) {
                                return Future.<IdentityExchange>succeededFuture(
                                        new IdentityExchange.Rejected(diagnoser.diagnose(
                                                refused,
                                                expected,
                                                TokenClaims.read(token),
                                                exec.clock().instant())));
                            }
                            return probe(log, ((StsReply.Issued) reply).credential(), target);
                        },
                        e -> {
                            Throwable t = Transient.unwrap(e);
                            return Future.succeededFuture(
                                    t instanceof StsUnavailable unavailable
                                            ? new IdentityExchange.Unavailable(
                                                    unavailable.getMessage(), unavailable.throttled())
                                            : new IdentityExchange.Unavailable(SafeText.of(e), false));
                        });
    }

    private Future<IdentityExchange> probe(Reconciliation log, TemporaryCredential keys, Hop<ProbeTarget> target) {
        if (target instanceof Hop.Unreadable<ProbeTarget> problem) {
            return Future.succeededFuture(new IdentityExchange.Unprobed(problem.detail()));
        }
        ProbeTarget where = target.value().orElseThrow();
        return exec.guards()
                .store()
                .call(exec.context(), log, () -> store.probe().probe(where, keys.credential(), keys.sessionToken()))
                .recover(e -> Future.succeededFuture(new ProbeVerdict.Unreachable(SafeText.of(e), false)))
                .map(verdict -> new IdentityExchange.Accepted(
                        store.fingerprinter().fingerprint(keys.credential()),
                        keys.credential().maskedAccessKeyId(),
                        keys.expiration(),
                        verdict));
    }
}
