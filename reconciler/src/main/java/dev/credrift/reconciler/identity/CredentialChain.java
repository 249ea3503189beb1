package dev.credrift.reconciler.identity;

import dev.credrift.events.credential.Credential;
import io.minio.credentials.Credentials;
import io.minio.credentials.Provider;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * credrift's own store credentials as a minio-java {@link Provider}: the first configured of static keys, keys in the
 * environment, AWS web identity (IRSA) and Alibaba RRSA, in that order (as the cloud SDKs' default chains choose).
 * minio-java calls {@link #fetch()} for every request; refreshing links answer from memory until their keys are
 * due.
 */
public final class CredentialChain implements Provider {

    private final List<CredentialLink> links;

    public CredentialChain(List<CredentialLink> links) {
        this.links = List.copyOf(links);
    }

    /** The standard chain: {@code staticKey}, then the environment, AWS web identity and Alibaba RRSA. */
    public static CredentialChain standard(Optional<Credential> staticKey, UnaryOperator<String> env,
            StsClients sts, Clock clock) {
        return new CredentialChain(List.of(new StaticLink(staticKey), new EnvironmentLink(env),
                TokenFileLink.aws(env, sts.aws(), clock), TokenFileLink.alibaba(env, sts.alibaba(), clock)));
    }

    /** The link in use: the first configured one. */
    public Optional<CredentialLink> selected() {
        return links.stream().filter(CredentialLink::configured).findFirst();
    }

    @Override
    public Credentials fetch() {
        return selected().orElseThrow(() -> new CredentialsUnavailable("no store credentials: no static key, no"
                + " AWS_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_ID, no AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN,"
                + " no ALIBABA_CLOUD_OIDC_TOKEN_FILE with ALIBABA_CLOUD_ROLE_ARN and ALIBABA_CLOUD_OIDC_PROVIDER_ARN"))
                .fetch();
    }

    @Override
    public String toString() {
        return "CredentialChain[" + selected().map(CredentialLink::name).orElse("none") + "]";
    }
}
