package dev.credrift.sandbox.onepassword;

import dev.credrift.events.credential.SecretValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An item as the emulator holds it now (not as a lagging read would show it). Field values are
 * {@link SecretValue}s, so printing a snapshot shows no secret.
 */
public record ItemSnapshot(
        String vaultId,
        String id,
        String title,
        int version,
        Instant updatedAt,
        String lastEditedBy,
        List<Field> fields) {

    public ItemSnapshot {
        fields = List.copyOf(fields);
    }

    /** The first field with this label, if any. */
    public Optional<Field> field(String label) {
        return fields.stream().filter(f -> label.equals(f.label())).findFirst();
    }

    /** The first field with this label in the section labelled {@code section}, if any. */
    public Optional<Field> field(String section, String label) {
        return fields.stream()
                .filter(f -> label.equals(f.label()) && f.section().equals(Optional.of(section)))
                .findFirst();
    }

    /**
     * One field of the item.
     *
     * @param section the label of the section it is in ({@code field.section.id} resolved), empty outside sections
     */
    public record Field(
            String id, String label, String type, String purpose, SecretValue value, Optional<String> section) {}
}
