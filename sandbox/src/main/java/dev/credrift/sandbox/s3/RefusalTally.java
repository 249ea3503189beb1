package dev.credrift.sandbox.s3;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's 403s per store user, kept across restarts of the proxy (a certificate replacement restarts it). A key
 * removed or rotated away still counts against the user who held it (a consumer left on a revoked key is that user's
 * problem); a key never known counts only in {@link #total()}.
 */
final class RefusalTally {

    private final StoreUsers users;
    private final Map<String, RefusalCount> byUser = new ConcurrentHashMap<>();
    private RefusalCount total = RefusalCount.NONE;

    RefusalTally(StoreUsers users) {
        this.users = users;
    }

    synchronized RefusalCount of(String user) {
        return byUser.getOrDefault(user, RefusalCount.NONE);
    }

    synchronized RefusalCount total() {
        return total;
    }

    synchronized void refused(String accessKeyId, boolean byConsumer) {
        total = total.plus(byConsumer);
        Optional<String> owner = users.owner(accessKeyId);
        owner.ifPresent(user -> byUser.put(user, of(user).plus(byConsumer)));
    }
}
