package dev.credrift.sandbox.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SCIM-style {@code filter} of a Connect list request: {@code <attribute> <eq|co> "<value>"}.
 *
 * <p>The bundled OpenAPI file documents only {@code name eq} for vaults and {@code title eq} for items. The real
 * server accepts more, and the emulator follows the server:
 * <ul>
 *   <li>{@code title eq} on {@code /v1/vaults}: both official SDKs send it for "vault by title"
 *       ({@code @1password/connect} {@code QueryBuilder.filterByTitle} used by {@code listVaultsByTitle};
 *       {@code connect-sdk-go} {@code GetVaultsByTitle} sends {@code title eq} to {@code /v1/vaults}), and both are
 *       tested by 1Password against Connect.</li>
 *   <li>{@code co} (contains) on item titles: {@code @1password/connect} 1.2+ {@code listItemsByTitleContains}
 *       ({@code QueryBuilder.searchByTitle}, added by 1Password in connect-sdk-js PR #79 "search by title").</li>
 *   <li>{@code tag eq|co} on items: 1Password's Connect API reference, "List items": "Items can only be filtered
 *       by title or tag", example {@code tag eq "banking"}; connect-sdk-js {@code __test__/tag-search.test.ts}.</li>
 * </ul>
 * Anything else (another attribute, another operator, compound filters) is refused with 400, as the reference says
 * vaults "can only be filtered by name" and items "only by title or tag".
 */
record ConnectFilter(String attribute, Operator operator, String value) {

    // the value is a JSON-style string literal: backslash escapes a quote or a backslash
    private static final Pattern FILTER = Pattern.compile("^\\s*(\\w+)\\s+(\\w+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    /** SCIM comparison operators the server understands on these attributes. */
    enum Operator {
        EQ,
        CO
    }

    /** What a vault list can be filtered by: {@code name} (the spec) and {@code title} (the SDKs), equality only. */
    static final Set<String> VAULT_ATTRIBUTES = Set.of("name", "title");
    /** What an item list can be filtered by. */
    static final Set<String> ITEM_ATTRIBUTES = Set.of("title", "tag");

    /**
     * Parses {@code filter} for a collection whose objects can be filtered by {@code attributes}.
     *
     * @param allowContains whether {@code co} is accepted (items) or only {@code eq} (vaults)
     * @throws ConnectError 400 naming what is wrong (never the value, which is a title the caller chose)
     */
    static ConnectFilter parse(String filter, Set<String> attributes, boolean allowContains) {
        Matcher m = FILTER.matcher(filter);
        String expected =
                "expected " + String.join("|", attributes.stream().sorted().toList())
                        + (allowContains ? " eq|co" : " eq") + " \"...\"";
        if (!m.matches()) {
            throw ConnectError.badRequest("Invalid filter: " + expected);
        }
        String attribute = m.group(1);
        if (!attributes.contains(attribute)) {
            throw ConnectError.badRequest("Invalid filter: cannot filter by '" + attribute + "'; " + expected);
        }
        Operator operator = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "eq" -> Operator.EQ;
            case "co" -> {
                if (!allowContains) {
                    throw ConnectError.badRequest("Invalid filter: operator 'co' not supported here; " + expected);
                }
                yield Operator.CO;
            }
            default ->
                throw ConnectError.badRequest(
                        "Invalid filter: operator '" + m.group(2) + "' not supported; " + expected);
        };
        return new ConnectFilter(attribute, operator, m.group(3).replaceAll("\\\\(.)", "$1"));
    }

    /** Whether an item document matches: by its title, or by any of its tags. */
    boolean matchesItem(JsonNode item) {
        if (attribute.equals("tag")) {
            for (JsonNode tag : item.path("tags")) {
                if (matches(tag.asText())) {
                    return true;
                }
            }
            return false;
        }
        return matches(item.path("title").asText(null));
    }

    /** Whether {@code candidate} (a name, title or tag) matches; {@code co} is case-insensitive as SCIM's is. */
    boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return switch (operator) {
            case EQ -> candidate.equals(value);
            case CO -> candidate.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
        };
    }
}
