package dev.credrift.sandbox.emulate.eso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.SecretValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ESO's {@code onepassword} provider over the Connect REST API: vaults are looked up by name
 * ({@code filter=name eq "..."}) and searched in priority order; an item is found by title
 * ({@code remoteRef.key}) and must be unique in the first vault that has it; a field is found by label
 * ({@code remoteRef.property}, default {@code password}) and must be unique in the item. Error texts follow ESO's.
 */
final class OnePasswordProvider implements SecretSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI connectHost;
    private final SecretValue token;
    private final Map<String, Integer> vaultPriorities;
    private List<String> sortedVaultIds;

    /**
     * @param connectHost     {@code spec.provider.onepassword.connectHost}
     * @param token           the Connect token from the store's {@code connectTokenSecretRef}
     * @param vaultPriorities {@code spec.provider.onepassword.vaults}: vault name to priority (1 first)
     */
    OnePasswordProvider(HttpClient http, URI connectHost, SecretValue token, Map<String, Integer> vaultPriorities) {
        this.http = Objects.requireNonNull(http, "http");
        this.connectHost = Objects.requireNonNull(connectHost, "connectHost");
        this.token = Objects.requireNonNull(token, "token");
        this.vaultPriorities = new LinkedHashMap<>(vaultPriorities);
    }

    /** Resolves every configured vault name; ESO's store validation. */
    @Override
    public void validate() throws ProviderException {
        vaultIds();
    }

    /** The value of one field of one item. */
    @Override
    public byte[] getSecret(String itemTitle, String property, String version) throws ProviderException {
        if (version != null && !version.isEmpty()) {
            throw new ProviderException("version is not implemented in the 1Password provider");
        }
        JsonNode item = findItem(itemTitle);
        String label = property == null || property.isEmpty() ? "password" : property;
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode field : item.path("fields")) {
            if (label.equals(field.path("label").asText(null))) {
                matches.add(field);
            }
        }
        if (matches.size() != 1) {
            throw new ProviderException("expected one 1Password ItemField matching \"" + label + "\" in \"" + itemTitle
                    + "\", got " + matches.size());
        }
        return matches.get(0).path("value").asText("").getBytes(StandardCharsets.UTF_8);
    }

    /** Every field of one item, by label ({@code dataFrom.extract}). */
    @Override
    public Map<String, byte[]> getSecretMap(String itemTitle) throws ProviderException {
        JsonNode item = findItem(itemTitle);
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (JsonNode field : item.path("fields")) {
            String label = field.path("label").asText("");
            if (label.isEmpty()) {
                continue;
            }
            if (values.containsKey(label)) {
                throw new ProviderException("expected one 1Password ItemField matching \"" + label + "\" in \""
                        + itemTitle + "\", got more");
            }
            values.put(label, field.path("value").asText("").getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    /**
     * The fields {@code find} selects across the vaults in priority order, by label; the first holding a label wins
     * (ESO's {@code getAllForVault}/{@code getAllFields}).
     */
    @Override
    public Map<String, byte[]> getAllSecrets(DataFrom.Find find) throws ProviderException {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (String vaultId : vaultIds()) {
            for (JsonNode summary : get("/v1/vaults/" + vaultId + "/items")) {
                String title = summary.path("title").asText("");
                if (find.path().isPresent() && !find.path().get().equals(title)) {
                    continue;
                }
                JsonNode item = get(
                        "/v1/vaults/" + vaultId + "/items/" + summary.path("id").asText());
                Map<String, Integer> labels = new LinkedHashMap<>();
                item.path("fields")
                        .forEach(field -> labels.merge(field.path("label").asText(""), 1, Integer::sum));
                for (JsonNode field : item.path("fields")) {
                    String label = field.path("label").asText("");
                    if (label.isEmpty()) {
                        continue; // no Secret key can be empty
                    }
                    if (labels.get(label) != 1) {
                        throw new ProviderException("expected one 1Password ItemField matching \"" + label + "\" in \""
                                + title + "\", got " + labels.get(label));
                    }
                    if (find.labelMatches(label)) {
                        values.putIfAbsent(label, field.path("value").asText("").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return values;
    }

    private JsonNode findItem(String title) throws ProviderException {
        for (String vaultId : vaultIds()) {
            JsonNode items = get("/v1/vaults/" + vaultId + "/items?filter=" + filter("title", title));
            if (items.size() == 1) {
                return get("/v1/vaults/" + vaultId + "/items/"
                        + items.get(0).path("id").asText());
            }
            if (items.size() > 1) {
                throw new ProviderException("expected one 1Password Item matching \"" + title + "\" in vault " + vaultId
                        + ", got " + items.size());
            }
        }
        throw new ProviderException("key not found in 1Password Vaults: " + title + " in: " + vaultPriorities);
    }

    private List<String> vaultIds() throws ProviderException {
        if (sortedVaultIds != null) {
            return sortedVaultIds;
        }
        if (vaultPriorities.isEmpty()) {
            throw new ProviderException("spec.provider.onepassword.vaults must name at least one vault");
        }
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> vault : vaultPriorities.entrySet()) {
            JsonNode found = get("/v1/vaults?filter=" + filter("name", vault.getKey()));
            if (found.size() != 1) {
                throw new ProviderException(
                        "expected one 1Password vault named \"" + vault.getKey() + "\", got " + found.size());
            }
            byId.put(found.get(0).path("id").asText(), vault.getValue());
        }
        sortedVaultIds = byId.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey)
                .toList();
        return sortedVaultIds;
    }

    private JsonNode get(String pathAndQuery) throws ProviderException {
        URI uri = URI.create(connectHost.toString().replaceAll("/+$", "") + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderException("1Password Connect at " + connectHost + " is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while calling 1Password Connect");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException(
                    "1Password Connect answered " + response.statusCode() + " to GET " + uri.getRawPath());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException("1Password Connect sent a body that is not JSON for GET " + uri.getRawPath());
        }
    }

    private static String filter(String attribute, String value) {
        return URLEncoder.encode(attribute + " eq \"" + value + "\"", StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
