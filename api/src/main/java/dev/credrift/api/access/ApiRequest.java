package dev.credrift.api.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP request to the Kubernetes API server, read the way the API server's RBAC authorizer reads it: group,
 * version, namespace, resource, name, subresource and verb ({@code GET} of a collection is {@code list}, with
 * {@code watch=true} it is {@code watch}). Paths that name no resource ({@code /apis/external-secrets.io/v1},
 * {@code /version}) are non-resource requests: API discovery, which every authenticated user may do.
 *
 * @param method      the HTTP method
 * @param path        the path, without the query
 * @param group       the API group, {@code ""} for the core group and for non-resource requests
 * @param version     the API version, {@code ""} when the path has none
 * @param namespace   the namespace, absent for cluster-wide requests
 * @param resource    the resource, absent for non-resource requests
 * @param name        the object's name, absent for collections
 * @param subresource the subresource or {@code ""}
 * @param verb        the RBAC verb, absent when the method maps to none credrift knows (e.g. a collection DELETE)
 */
public record ApiRequest(
        String method,
        String path,
        String group,
        String version,
        Optional<String> namespace,
        Optional<String> resource,
        Optional<String> name,
        String subresource,
        Optional<Verb> verb) {

    /** Reads a request line: {@code method} and a path that may carry a query. Never throws on a well-formed path. */
    public static ApiRequest parse(String method, String pathAndQuery) {
        String upper = method.toUpperCase(Locale.ROOT);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        List<String> parts =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String group;
        String version;
        List<String> rest;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            rest = parts.subList(3, parts.size());
        } else {
            return nonResource(
                    upper, path, "", parts.size() == 2 && parts.get(0).equals("api") ? parts.get(1) : "");
        }
        if (rest.isEmpty()) {
            return nonResource(upper, path, group, version);
        }
        Optional<String> namespace = Optional.empty();
        if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
            namespace = Optional.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0);
        Optional<String> name = rest.size() >= 2 ? Optional.of(rest.get(1)) : Optional.empty();
        String subresource = rest.size() >= 3 ? String.join("/", rest.subList(2, rest.size())) : "";
        return new ApiRequest(
                upper,
                path,
                group,
                version,
                namespace,
                Optional.of(resource),
                name,
                subresource,
                verb(upper, name.isPresent(), watching(query)));
    }

    /** Whether the request names no resource (API discovery, {@code /version}). */
    public boolean nonResource() {
        return resource.isEmpty();
    }

    private static ApiRequest nonResource(String method, String path, String group, String version) {
        return new ApiRequest(
                method,
                path,
                group,
                version,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                method.equals("GET") ? Optional.of(Verb.GET) : Optional.empty());
    }

    private static Optional<Verb> verb(String method, boolean named, boolean watch) {
        return switch (method) {
            case "GET", "HEAD" -> Optional.of(watch ? Verb.WATCH : named ? Verb.GET : Verb.LIST);
            case "POST" -> Optional.of(Verb.CREATE);
            case "PUT" -> Optional.of(Verb.UPDATE);
            case "PATCH" -> Optional.of(Verb.PATCH);
            case "DELETE" -> named ? Optional.of(Verb.DELETE) : Optional.empty(); // deletecollection: not ours
            default -> Optional.empty();
        };
    }

    private static boolean watching(String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("watch") && (value.equals("true") || value.equals("1"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + verb.map(Verb::rbac).orElse("?") + " "
                + (group.isEmpty() ? "" : group + "/") + resource.orElse("<non-resource>")
                + (subresource.isEmpty() ? "" : "/" + subresource)
                + namespace.map(n -> " in " + n).orElse("") + ")";
    }
}
