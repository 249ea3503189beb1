package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the credential is born. Exactly one field is set (the CRD's {@code oneOf}, and the validator).
 *
 * @param rookObjectUser a Rook {@code CephObjectStoreUser}, whose keys Rook writes to a secret (story 1)
 * @param secret         any Secret holding an access key pair
 * @param minio          a MinIO server whose admin API can create the vault's keys (story 2; authority Vault)
 * @param webIdentity    no static keys: a service-account token exchanged at STS (stories 4, 5)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Source(
        RookObjectUserSource rookObjectUser, SecretSource secret, MinioSource minio, WebIdentitySource webIdentity) {

    /** Field names of every kind, in declaration order. */
    public static final List<String> KINDS = List.of("rookObjectUser", "secret", "minio", "webIdentity");

    public static Source of(SourceKind kind) {
        return new Source(
                kind instanceof RookObjectUserSource r ? r : null,
                kind instanceof SecretSource s ? s : null,
                kind instanceof MinioSource m ? m : null,
                kind instanceof WebIdentitySource w ? w : null);
    }

    /** Every kind that is set, in declaration order (more than one is invalid). */
    @JsonIgnore
    public List<SourceKind> setKinds() {
        return Stream.of(rookObjectUser, secret, minio, webIdentity)
                .filter(kind -> kind != null)
                .map(SourceKind.class::cast)
                .toList();
    }

    /** The one kind that is set, or empty when none or several are. */
    @JsonIgnore
    public Optional<SourceKind> selected() {
        List<SourceKind> kinds = setKinds();
        return kinds.size() == 1 ? Optional.of(kinds.get(0)) : Optional.empty();
    }
}
