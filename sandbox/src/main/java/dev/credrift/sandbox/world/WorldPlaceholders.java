package dev.credrift.sandbox.world;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.tls.TestPki;
import dev.credrift.sandbox.world.spec.ValueTemplate;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The values of a world file's placeholders ({@code ${s3.endpoint}}, {@code ${storeUser.<user>.secretAccessKey}},
 * … — the list is in {@link ValueTemplate}), read from the running world when asked:
 * a part not started (yet) has no value.
 */
final class WorldPlaceholders {

    private WorldPlaceholders() {}

    /** The value of placeholder {@code name} in {@code world}, now. */
    static Optional<String> resolve(World world, String name) {
        switch (name) {
            case "s3.endpoint":
                return Optional.of(world.storeEndpoint().toString());
            case "s3.host":
                return Optional.of(world.storeEndpoint().getHost());
            case "s3.port":
                return Optional.of(Integer.toString(world.storeEndpoint().getPort()));
            case "onepassword.url":
                return Optional.ofNullable(world.onePassword())
                        .map(op -> op.baseUri().toString());
            case "onepassword.token":
                return Optional.ofNullable(world.onePassword())
                        .map(op -> op.token().reveal());
            case "ca.pem":
                return world.ca().map(TestPki::caCertificatePem);
            case "sts.aws.endpoint":
                return world.sts().flatMap(StsWorld::awsEndpoint).map(URI::toString);
            case "sts.alibaba.endpoint":
                return world.sts().flatMap(StsWorld::alibabaEndpoint).map(URI::toString);
            case "minio.endpoint":
                return world.minio().map(m -> m.endpoint().toString());
            case "minio.rootUser":
                return world.minio().map(m -> m.root().accessKeyId());
            case "minio.rootPassword":
                return world.minio().map(m -> m.root().secret().reveal());
            default:
                break;
        }
        Optional<String> user = ValueTemplate.storeUserOf(name);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        List<Credential> keys;
        try {
            keys = world.objectStore().users().keys(user.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Credential first = keys.get(0);
        return Optional.of(
                name.endsWith(".accessKeyId")
                        ? first.accessKeyId()
                        : first.secret().reveal());
    }
}
