package dev.credrift.sandbox.emulate.eso;

import dev.credrift.api.spec.GoDuration;
import dev.credrift.sandbox.emulate.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The parts of an {@code external-secrets.io/v1 ExternalSecret} the emulator acts on, read from the generic
 * object with the CRD's defaults applied (the stand-in applies none): {@code refreshInterval} 1h,
 * {@code refreshPolicy} Periodic, {@code target.creationPolicy} Owner, {@code target.deletionPolicy} Retain.
 */
public record ExternalSecretState(
        ObjectKey key,
        String uid,
        long generation,
        Map<String, String> labels,
        Map<String, String> annotations,
        Duration refreshInterval,
        RefreshPolicy refreshPolicy,
        String targetName,
        String creationPolicy,
        String deletionPolicy,
        boolean immutable,
        Optional<Template> template,
        String storeName,
        String storeKind,
        List<DataRef> data,
        List<DataFrom> dataFrom,
        Optional<String> syncedResourceVersion,
        Optional<Instant> refreshTime,
        List<Map<String, Object>> conditions) {

    /** ESO's CRD default for {@code spec.refreshInterval}. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofHours(1);

    /** Copies collections. */
    public ExternalSecretState {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        data = List.copyOf(data);
        dataFrom = List.copyOf(dataFrom);
        conditions = List.copyOf(conditions);
    }

    /**
     * One {@code spec.data[]} entry.
     *
     * @param secretKey the key in the target Secret
     * @param key       {@code remoteRef.key}: the 1Password item title
     * @param property  {@code remoteRef.property}: the field label (empty: ESO's default {@code password})
     * @param version   {@code remoteRef.version} (the 1Password provider refuses any)
     */
    public record DataRef(String secretKey, String key, String property, String version) {}

    /**
     * {@code spec.target.template}, without Go templating beyond {@code {{ .name }}}.
     *
     * @param type        the Secret type
     * @param labels      labels to put on the Secret
     * @param annotations annotations to put on the Secret
     * @param data        the template's data (values may refer to fetched keys as {@code {{ .key }}})
     * @param mergePolicy {@code Replace} (default) or {@code Merge}
     */
    public record Template(
            Optional<String> type,
            Map<String, String> labels,
            Map<String, String> annotations,
            Map<String, String> data,
            String mergePolicy) {}

    /** The synced resource version this object has now: {@code <generation>-<hash of labels and annotations>}. */
    public String currentResourceVersion() {
        return GoObjectHash.resourceVersion(generation, nullIfEmpty(annotations), nullIfEmpty(labels));
    }

    /**
     * Reads {@code object}.
     *
     * @throws IllegalArgumentException naming the field when the object is malformed
     */
    public static ExternalSecretState of(GenericKubernetesResource object) {
        var meta = object.getMetadata();
        ObjectKey key = ObjectKey.of(object);
        String intervalText = object.get("spec", "refreshInterval");
        Duration interval = intervalText == null
                ? DEFAULT_REFRESH_INTERVAL
                : GoDuration.parse(intervalText)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "spec.refreshInterval: '" + intervalText + "' is not a duration"));
        String policyText = object.get("spec", "refreshPolicy");
        RefreshPolicy policy = RefreshPolicy.fromWire(policyText)
                .orElseThrow(() -> new IllegalArgumentException(
                        "spec.refreshPolicy: '" + policyText + "' is not CreatedOnce, Periodic or OnChange"));
        String targetName = Optional.ofNullable(object.<String>get("spec", "target", "name"))
                .filter(s -> !s.isEmpty())
                .orElse(meta.getName());
        String storeName = object.get("spec", "secretStoreRef", "name");
        String storeKind = Optional.ofNullable(object.<String>get("spec", "secretStoreRef", "kind"))
                .orElse("SecretStore");
        List<DataRef> data = new ArrayList<>();
        List<Map<String, Object>> rawData = object.get("spec", "data");
        if (rawData != null) {
            for (int i = 0; i < rawData.size(); i++) {
                Map<String, Object> entry = rawData.get(i);
                Map<String, Object> remoteRef = map(entry.get("remoteRef"));
                data.add(new DataRef(
                        requireString(entry.get("secretKey"), "spec.data[" + i + "].secretKey"),
                        requireString(remoteRef.get("key"), "spec.data[" + i + "].remoteRef.key"),
                        string(remoteRef.get("property")),
                        string(remoteRef.get("version"))));
            }
        }
        List<DataFrom> dataFrom = new ArrayList<>();
        List<Map<String, Object>> rawDataFrom = object.get("spec", "dataFrom");
        if (rawDataFrom != null) {
            for (int i = 0; i < rawDataFrom.size(); i++) {
                dataFrom.add(dataFrom(rawDataFrom.get(i), "spec.dataFrom[" + i + "]"));
            }
        }
        Map<String, Object> status = object.get("status");
        Optional<String> synced = Optional.empty();
        Optional<Instant> refreshTime = Optional.empty();
        List<Map<String, Object>> conditions = List.of();
        if (status != null) {
            synced = Optional.ofNullable(string(status.get("syncedResourceVersion")))
                    .filter(s -> !s.isEmpty());
            refreshTime = Optional.ofNullable(string(status.get("refreshTime")))
                    .filter(s -> !s.isEmpty())
                    .map(ExternalSecretState::instant);
            if (status.get("conditions") instanceof List<?> list) {
                List<Map<String, Object>> copied = new ArrayList<>();
                for (Object item : list) {
                    copied.add(map(item));
                }
                conditions = copied;
            }
        }
        return new ExternalSecretState(
                key,
                meta.getUid(),
                meta.getGeneration() == null ? 0 : meta.getGeneration(),
                meta.getLabels(),
                meta.getAnnotations(),
                interval,
                policy,
                targetName,
                Optional.ofNullable(object.<String>get("spec", "target", "creationPolicy"))
                        .orElse("Owner"),
                Optional.ofNullable(object.<String>get("spec", "target", "deletionPolicy"))
                        .orElse("Retain"),
                Boolean.TRUE.equals(object.get("spec", "target", "immutable")),
                template(object),
                storeName,
                storeKind,
                data,
                dataFrom,
                synced,
                refreshTime,
                conditions);
    }

    private static DataFrom dataFrom(Map<String, Object> entry, String field) {
        Map<String, Object> extract = map(entry.get("extract"));
        Map<String, Object> find = map(entry.get("find"));
        if (!extract.isEmpty()) {
            return new DataFrom.Extract(requireString(extract.get("key"), field + ".extract.key"));
        }
        if (find.isEmpty()) {
            throw new IllegalArgumentException(field + ": give extract or find (the sandbox's ESO has no generators)");
        }
        if (!map(find.get("tags")).isEmpty()) {
            throw new IllegalArgumentException(field + ".find.tags: not supported by the 1Password provider");
        }
        Optional<Pattern> name;
        try {
            name = Optional.ofNullable(string(map(find.get("name")).get("regexp")))
                    .map(Pattern::compile);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(field + ".find.name.regexp is not a regular expression");
        }
        return new DataFrom.Find(Optional.ofNullable(string(find.get("path"))), name);
    }

    private static Optional<Template> template(GenericKubernetesResource object) {
        Map<String, Object> raw = object.get("spec", "target", "template");
        if (raw == null) {
            return Optional.empty();
        }
        Map<String, Object> metadata = map(raw.get("metadata"));
        return Optional.of(new Template(
                Optional.ofNullable(string(raw.get("type"))),
                stringMap(metadata.get("labels"), "spec.target.template.metadata.labels"),
                stringMap(metadata.get("annotations"), "spec.target.template.metadata.annotations"),
                stringMap(raw.get("data"), "spec.target.template.data"),
                Optional.ofNullable(string(raw.get("mergePolicy"))).orElse("Replace")));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("status.refreshTime: '" + text + "' is not an RFC 3339 time");
        }
    }

    private static Map<String, String> stringMap(Object value, String field) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map(value).entrySet()) {
            result.put(entry.getKey(), requireString(entry.getValue(), field + "." + entry.getKey()));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String requireString(Object value, String field) {
        if (!(value instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return text;
    }

    private static Map<String, String> nullIfEmpty(Map<String, String> map) {
        return map.isEmpty() ? null : map;
    }
}
