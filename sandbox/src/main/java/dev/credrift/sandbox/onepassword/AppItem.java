package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

// An item as a human makes it in the 1Password app, before the store gives it ids and times: concealed fields, and
// sections with an id each ({"id", "label"}) whose fields point at it with "section": {"id"} — the shape Connect
// serves items with sections in.
final class AppItem {

    private AppItem() {}

    static ObjectNode document(
            ObjectMapper json,
            String title,
            String category,
            Map<String, String> fieldsByLabel,
            Map<String, Map<String, String>> sectionFieldsByLabel) {
        ObjectNode item = json.createObjectNode();
        item.put("title", title);
        item.put("category", category);
        ArrayNode sections = item.putArray("sections");
        ArrayNode fields = item.putArray("fields");
        fieldsByLabel.forEach((label, value) -> concealed(fields, label, value));
        sectionFieldsByLabel.forEach((sectionLabel, sectionFields) -> {
            String sectionId = ConnectIds.next();
            sections.addObject().put("id", sectionId).put("label", sectionLabel);
            sectionFields.forEach((label, value) ->
                    concealed(fields, label, value).putObject("section").put("id", sectionId));
        });
        return item;
    }

    private static ObjectNode concealed(ArrayNode fields, String label, String value) {
        ObjectNode field = fields.addObject();
        field.put("id", ConnectIds.next());
        field.put("type", "CONCEALED");
        field.put("purpose", "");
        field.put("label", label);
        field.put("value", value);
        return field;
    }
}
