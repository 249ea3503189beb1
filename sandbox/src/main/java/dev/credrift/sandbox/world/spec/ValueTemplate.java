package dev.credrift.sandbox.world.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text from a world file that may refer to the running world with {@code ${...}} placeholders, resolved when the
 * world uses it (so an action late in the timeline sees the keys the store has then):
 * <ul>
 *   <li>{@code ${s3.endpoint}}, {@code ${s3.host}}, {@code ${s3.port}} — the S3 stand-in;</li>
 *   <li>{@code ${onepassword.url}}, {@code ${onepassword.token}} — the 1Password Connect emulator;</li>
 *   <li>{@code ${ca.pem}} — the world's private CA certificate (TLS worlds);</li>
 *   <li>{@code ${minio.endpoint}}, {@code ${minio.rootUser}}, {@code ${minio.rootPassword}} — the MinIO admin API
 *       and its root credential (worlds with {@code store.minio});</li>
 *   <li>{@code ${sts.aws.endpoint}}, {@code ${sts.alibaba.endpoint}} — the STS stand-ins (worlds with {@code sts});</li>
 *   <li>{@code ${storeUser.<user>.accessKeyId}}, {@code ${storeUser.<user>.secretAccessKey}} — the first key of a
 *       store user, as RGW lists them.</li>
 * </ul>
 * {@code $${} writes a literal {@code ${}. Prints as {@code <value>}: the text may be a literal secret.
 *
 * @param text the text as written
 */
public record ValueTemplate(String text) {

    /** A placeholder. */
    public static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

    private static final Pattern STORE_USER = Pattern.compile("storeUser\\.([^.]+)\\.(accessKeyId|secretAccessKey)");
    private static final List<String> FIXED = List.of(
            "s3.endpoint",
            "s3.host",
            "s3.port",
            "onepassword.url",
            "onepassword.token",
            "ca.pem",
            "minio.endpoint",
            "minio.rootUser",
            "minio.rootPassword",
            "sts.aws.endpoint",
            "sts.alibaba.endpoint");

    /** Requires text. */
    public ValueTemplate {
        Objects.requireNonNull(text, "text");
    }

    /** The placeholder names used, in order. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether any placeholder is used. */
    public boolean hasPlaceholders() {
        return !placeholders().isEmpty();
    }

    /** The store user a placeholder names, if it is a {@code storeUser.*} one. */
    public static Optional<String> storeUserOf(String placeholder) {
        Matcher m = STORE_USER.matcher(placeholder);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the world knows a placeholder of this name (store users checked separately). */
    public static boolean isKnown(String placeholder) {
        return FIXED.contains(placeholder) || STORE_USER.matcher(placeholder).matches();
    }

    /** Whether the placeholder stands for a credential (so never for a log line). */
    public static boolean isSecret(String placeholder) {
        return placeholder.equals("onepassword.token")
                || placeholder.startsWith("minio.root")
                || placeholder.endsWith(".secretAccessKey")
                || placeholder.endsWith(".accessKeyId");
    }

    /**
     * The text with every placeholder replaced by {@code values.apply(name)}.
     *
     * @throws IllegalArgumentException naming the placeholder when the world cannot supply it
     */
    public String resolve(Function<String, Optional<String>> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.apply(name)
                    .orElseThrow(() ->
                            new IllegalArgumentException("placeholder ${" + name + "} has no value in this world"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("$${", "${");
    }

    /** Never the text. */
    @Override
    public String toString() {
        return "<value>";
    }
}
