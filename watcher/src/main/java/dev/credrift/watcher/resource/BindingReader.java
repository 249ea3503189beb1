package dev.credrift.watcher.resource;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.credrift.api.CredentialBinding;
import dev.credrift.api.validation.CredentialBindingValidator;
import dev.credrift.api.validation.Violation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * Turns an untyped CredentialBinding into the model and validates it. Bindings are watched untyped so that one
 * malformed object (which the mock server, or a cluster without the CRD schema, lets through) cannot break the
 * informer for all of them; here it becomes a {@link BindingRead.Unreadable} naming the field, never the value.
 */
public final class BindingReader {

    private final KubernetesSerialization serialization;
    private final CredentialBindingValidator validator = new CredentialBindingValidator();

    public BindingReader(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /** Never throws. */
    public BindingRead read(GenericKubernetesResource raw) {
        CredentialBinding binding;
        try {
            binding = serialization.convertValue(raw, CredentialBinding.class);
        } catch (RuntimeException e) {
            return new BindingRead.Unreadable(Violation.error(path(e), reason(e)));
        }
        if (binding == null) {
            return new BindingRead.Unreadable(Violation.error("spec", "cannot be read"));
        }
        return new BindingRead.Readable(binding, validator.validate(binding));
    }

    // Jackson's messages quote the offending input; only its path and the expected type are safe to show.
    private static String path(Throwable e) {
        JsonMappingException mapping = mappingCause(e);
        if (mapping == null || mapping.getPath() == null || mapping.getPath().isEmpty()) {
            return "spec";
        }
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> references = mapping.getPath();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "spec" : path.toString();
    }

    private static String reason(Throwable e) {
        JsonMappingException mapping = mappingCause(e);
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "cannot be read: expected " + describe(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    private static String describe(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type.isEnum()) {
            return "a string";
        }
        return "an object";
    }

    private static JsonMappingException mappingCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping) {
                return mapping;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
