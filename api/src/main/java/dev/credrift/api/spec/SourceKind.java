package dev.credrift.api.spec;

/** One kind of source; {@link Source#selected()} gives the one a valid binding sets. */
public sealed interface SourceKind permits RookObjectUserSource, SecretSource, MinioSource, WebIdentitySource {

    /** The field name under {@code spec.source}, e.g. {@code rookObjectUser}. */
    String fieldName();
}
