package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.ValueTemplate;
import dev.credrift.sandbox.world.spec.VaultSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code onePassword.vaults}: vaults, their items, the items' fields and sections. */
final class VaultsSection {

    private VaultsSection() {}

    static VaultSpec vault(Fields v, Placeholders placeholders) {
        String name = v.string("name");
        List<VaultSpec.Item> items = new ArrayList<>();
        for (YamlNode node : v.list("items")) {
            items.add(item(Fields.of(node, "a 1Password item"), placeholders));
        }
        v.done();
        return new VaultSpec(name, items);
    }

    private static VaultSpec.Item item(Fields i, Placeholders placeholders) {
        String title = i.string("title");
        String category = i.optionalString("category").orElse("API_CREDENTIAL");
        Map<String, ValueTemplate> fields = i.has("fields") || !i.has("sections")
                ? placeholders.templates(i.map("fields", "field labels and values"))
                : Map.of();
        Map<String, Map<String, ValueTemplate>> sections = new LinkedHashMap<>();
        for (YamlNode sectionNode : i.list("sections")) {
            Fields section = Fields.of(sectionNode, "an item section");
            String label = section.string("label");
            if (sections.containsKey(label)) {
                throw section.error("label", "a section with this label is already declared");
            }
            sections.put(label, placeholders.templates(section.map("fields", "field labels and values")));
            if (sections.get(label).isEmpty()) {
                throw section.error("fields", "must hold at least one field");
            }
            section.done();
        }
        if (fields.isEmpty() && sections.isEmpty()) {
            throw i.error("fields", "must hold at least one field");
        }
        return i.done(new VaultSpec.Item(title, category, fields, sections, i.location()));
    }
}
