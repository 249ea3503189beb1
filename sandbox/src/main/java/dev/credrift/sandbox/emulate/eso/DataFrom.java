package dev.credrift.sandbox.emulate.eso;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code spec.dataFrom[]} entry of an ExternalSecret, as ESO's 1Password provider reads it: every field it copies
 * lands in the target Secret under the field's label.
 */
public sealed interface DataFrom {

    /** Whether this entry copies field {@code fieldLabel} of item {@code itemTitle} into the Secret. */
    boolean copies(String itemTitle, String fieldLabel);

    /** {@code extract: {key: <item title>}}: every field of one item. */
    record Extract(String key) implements DataFrom {
        @Override
        public boolean copies(String itemTitle, String fieldLabel) {
            return key.equals(itemTitle);
        }
    }

    /**
     * {@code find: {path: <item title>, name: {regexp: <field label pattern>}}}: in ESO's 1Password provider
     * ({@code getAllForVault}/{@code getAllFields}) {@code path} narrows the items to the one of that title and
     * {@code name.regexp} selects fields by label (not items); the first vault and item holding a label wins.
     */
    record Find(Optional<String> path, Optional<Pattern> name) implements DataFrom {
        @Override
        public boolean copies(String itemTitle, String fieldLabel) {
            return path.map(itemTitle::equals).orElse(true) && labelMatches(fieldLabel);
        }

        /** Go's {@code regexp.MatchString}: a match anywhere in the label. */
        boolean labelMatches(String fieldLabel) {
            return name.map(pattern -> pattern.matcher(fieldLabel).find()).orElse(true);
        }
    }
}
