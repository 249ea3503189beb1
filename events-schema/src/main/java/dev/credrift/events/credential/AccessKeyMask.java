package dev.credrift.events.credential;

import dev.credrift.events.ContractViolation;

/**
 * Masks access key ids: {@code AKIAIOSFODNN7EXAMPLE} → {@code AKIA…MPLE}; shorter ids show fewer
 * characters so that at most a quarter of the id shows at each end (half in all).
 */
public final class AccessKeyMask {

    private static final int MAX_SHOWN_PER_END = 4;

    private AccessKeyMask() {}

    /** Masks an access key id; never returns more than half of it. */
    public static MaskedKeyId mask(String accessKeyId) {
        if (accessKeyId == null) {
            throw new ContractViolation("accessKeyId", "must not be null");
        }
        int length = accessKeyId.length();
        int shown = Math.min(MAX_SHOWN_PER_END, length / 4);
        String head = accessKeyId.substring(0, shown);
        String tail = accessKeyId.substring(length - shown);
        if (!printableAscii(head) || !printableAscii(tail)) {
            // the mask's shape admits printable ASCII only; show nothing rather than mangle
            return new MaskedKeyId(MaskedKeyId.ELLIPSIS);
        }
        return new MaskedKeyId(head + MaskedKeyId.ELLIPSIS + tail);
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c >= '!' && c <= '~');
    }
}
