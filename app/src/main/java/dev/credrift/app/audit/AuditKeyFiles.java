package dev.credrift.app.audit;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.roles.FingerprintKey;
import dev.credrift.events.audit.AuditKey;
import dev.credrift.events.audit.AuditKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads audit keys from files (a mounted Secret's key): the current one seals, previous ones verify. Errors name the
 * setting, the file and its size, never its content; the key bytes are wiped once the MAC key holds them.
 */
public final class AuditKeyFiles {

    private AuditKeyFiles() {}

    /** The keys of the config's {@code audit} section; {@link AuditKeys#none()} without {@code keyFile}. */
    public static AuditKeys forSealing(CredriftConfig.Audit audit) {
        if (audit.keyFile().isEmpty()) {
            return AuditKeys.none();
        }
        return AuditKeys.of(
                key(audit.keyFile().get(), "audit.keyFile"), keys(audit.previousKeyFiles(), "audit.previousKeyFiles"));
    }

    /** Every key given on the command line and in the config, for verification only. */
    public static AuditKeys forVerifying(List<Path> given, CredriftConfig.Audit audit) {
        List<AuditKey> all = new ArrayList<>(keys(given, "--audit-key"));
        audit.keyFile().ifPresent(file -> all.add(key(file, "audit.keyFile")));
        all.addAll(keys(audit.previousKeyFiles(), "audit.previousKeyFiles"));
        return AuditKeys.verifyingOnly(all);
    }

    private static List<AuditKey> keys(List<Path> files, String field) {
        return files.stream().map(file -> key(file, field)).toList();
    }

    private static AuditKey key(Path file, String field) {
        byte[] bytes = FingerprintKey.read(file, field, AuditKey.MIN_KEY_BYTES);
        try {
            return AuditKey.of(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
