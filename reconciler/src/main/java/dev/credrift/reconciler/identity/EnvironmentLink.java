package dev.credrift.reconciler.identity;

import io.minio.credentials.Credentials;
import java.util.function.UnaryOperator;

/**
 * Keys in the environment: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, optional
 * {@code AWS_SESSION_TOKEN}; or {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}, optional
 * {@code ALIBABA_CLOUD_SECURITY_TOKEN}. Read on every fetch.
 */
public final class EnvironmentLink implements CredentialLink {

    private final UnaryOperator<String> env;

    /** @param env the environment lookup ({@code System::getenv} in production) */
    public EnvironmentLink(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public boolean configured() {
        return present("AWS_ACCESS_KEY_ID") && present("AWS_SECRET_ACCESS_KEY")
                || present("ALIBABA_CLOUD_ACCESS_KEY_ID") && present("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    }

    @Override
    public Credentials fetch() {
        if (present("AWS_ACCESS_KEY_ID") && present("AWS_SECRET_ACCESS_KEY")) {
            return new Credentials(env.apply("AWS_ACCESS_KEY_ID"), env.apply("AWS_SECRET_ACCESS_KEY"),
                    blankToNull(env.apply("AWS_SESSION_TOKEN")), null);
        }
        if (present("ALIBABA_CLOUD_ACCESS_KEY_ID") && present("ALIBABA_CLOUD_ACCESS_KEY_SECRET")) {
            return new Credentials(env.apply("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                    env.apply("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), blankToNull(env.apply("ALIBABA_CLOUD_SECURITY_TOKEN")),
                    null);
        }
        throw new CredentialsUnavailable("neither AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY nor"
                + " ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET are set");
    }

    private boolean present(String name) {
        String value = env.apply(name);
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
