package dev.credrift.connect;

import java.util.List;

/** A full item: its reference (with version) and its fields. */
public record VaultItem(ItemRef ref, List<ItemField> fields) {

    public VaultItem {
        fields = List.copyOf(fields);
    }

    /**
     * The one field with this label; a missing or repeated label is the item's
     * {@link ConnectException.FieldProblem}.
     */
    public ItemField field(String label) {
        List<ItemField> matches =
                fields.stream().filter(f -> label.equals(f.label())).toList();
        ConnectTarget target = ConnectTarget.item(ref);
        if (matches.isEmpty()) {
            throw new ConnectException.FieldProblem(target, label, ConnectException.FieldProblem.Problem.MISSING);
        }
        if (matches.size() > 1) {
            throw new ConnectException.FieldProblem(
                    target, label, ConnectException.FieldProblem.Problem.DUPLICATE_LABEL);
        }
        return matches.get(0);
    }
}
