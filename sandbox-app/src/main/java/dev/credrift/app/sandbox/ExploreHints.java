package dev.credrift.app.sandbox;

import java.net.URI;
import java.util.List;

/**
 * What {@code --keep-running} prints to get a newcomer going with third-party tools on the kept world: where the
 * kubeconfig and the Connect token file are, and one command per tool. Paths only — never the token itself.
 */
final class ExploreHints {

    private ExploreHints() {}

    /**
     * @param kubectlUrl   the kubectl front of the world's API server
     * @param bootstrap    the Kafka bootstrap address
     * @param topicPrefix  {@code credrift.<world>}
     * @param connectUrl   the 1Password Connect emulator's root
     */
    static List<String> lines(
            String kubectlUrl, ExploreFiles files, String bootstrap, String topicPrefix, URI connectUrl) {
        String vaults = connectUrl.resolve("/v1/vaults").toString();
        return List.of(
                "  kubectl            " + kubectlUrl + "   (kubeconfig below; namespace " + files.namespace() + ")",
                "  Connect token file " + files.connectTokenFile(),
                "",
                "  export KUBECONFIG=" + files.kubeconfig(),
                "  kubectl get credentialbindings -A",
                "  kcat -C -b " + bootstrap + " -t " + topicPrefix + ".outcomes -f '%h\\n%s\\n'",
                "  curl -s -H \"Authorization: Bearer $(cat " + files.connectTokenFile() + ")\" " + vaults);
    }
}
