package dev.credrift.sandbox.world.file;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape a Kubernetes object in a world file must have, from fabric8's typed model or a CRD's
 * {@code openAPIV3Schema}: just enough to name an unknown field or a wrong type at its line before anything starts.
 */
sealed interface ObjectSchema {

    /**
     * A mapping.
     *
     * @param properties the known fields (filled after creation for the typed model, whose types may nest
     *                   themselves)
     * @param values     the schema of every value when the mapping is a map of free keys ({@code stringData})
     * @param open       unknown fields are allowed ({@code x-kubernetes-preserve-unknown-fields})
     */
    record Struct(Map<String, ObjectSchema> properties, Optional<ObjectSchema> values, boolean open)
            implements ObjectSchema {}

    /** A list of {@code items}. */
    record ListOf(ObjectSchema items) implements ObjectSchema {}

    /**
     * A scalar of one type; {@code allowed} lists the values an enum permits (empty: any).
     */
    record Scalar(Type type, List<String> allowed) implements ObjectSchema {
        Scalar(Type type) {
            this(type, List.of());
        }
    }

    /** Not checked: free-form values. */
    record Anything() implements ObjectSchema {}

    /** Scalar types, as Kubernetes knows them. */
    enum Type {
        STRING("text"),
        INTEGER("a whole number"),
        NUMBER("a number"),
        BOOLEAN("true or false"),
        INT_OR_STRING("a whole number or text"),
        QUANTITY("a quantity such as 500m, 1Gi or 2");

        private final String words;

        Type(String words) {
            this.words = words;
        }

        /** How an error says it, e.g. "a whole number". */
        String words() {
            return words;
        }
    }
}
