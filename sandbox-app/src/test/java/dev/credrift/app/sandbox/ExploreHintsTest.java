package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExploreHintsTest {

    private static final Path DIRECTORY = Path.of("/tmp/credrift-sandbox-123");
    private static final ExploreFiles FILES = new ExploreFiles(
            DIRECTORY, DIRECTORY.resolve("kubeconfig"), DIRECTORY.resolve("onepassword-connect-token"), "monitoring");

    @Test
    void shouldNameTheKubeconfigAndTokenFileAndOneCommandPerToolWhenKeepingAWorld() {
        List<String> lines = ExploreHints.lines(
                "http://127.0.0.1:40125",
                FILES,
                "127.0.0.1:9092",
                "credrift.story-1",
                URI.create("http://127.0.0.1:36763"));

        assertThat(lines)
                .contains(
                        "  kubectl            http://127.0.0.1:40125   (kubeconfig below; namespace monitoring)",
                        "  Connect token file /tmp/credrift-sandbox-123/onepassword-connect-token",
                        "  export KUBECONFIG=/tmp/credrift-sandbox-123/kubeconfig",
                        "  kubectl get credentialbindings -A",
                        "  kcat -C -b 127.0.0.1:9092 -t credrift.story-1.outcomes -f '%h\\n%s\\n'",
                        "  curl -s -H \"Authorization: Bearer $(cat /tmp/credrift-sandbox-123/onepassword-connect-token)\""
                                + " http://127.0.0.1:36763/v1/vaults");
    }
}
