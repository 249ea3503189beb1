package dev.credrift.reconciler.it;

import dev.credrift.sandbox.kube.MockKubernetes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The mock API server's request log, as {@code METHOD path} lines. */
final class ApiRequests {

    private ApiRequests() {}

    /** Every request received since the last drain. */
    static List<String> drain(MockKubernetes kube) {
        List<String> requests = new ArrayList<>();
        try {
            while (true) {
                var request = kube.server().takeRequest(10, TimeUnit.MILLISECONDS);
                if (request == null) {
                    return requests;
                }
                requests.add(request.getMethod() + " " + request.getPath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return requests;
        }
    }

    /** The writes among them (anything but GET). */
    static List<String> writes(List<String> requests) {
        return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
    }
}
