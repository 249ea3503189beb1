package dev.credrift.watcher;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.VaultItemObserved;
import dev.credrift.watcher.resource.BindingRead;
import dev.credrift.watcher.vault.VaultTarget;
import dev.credrift.watcher.vault.VaultWatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The loop's 1Password polling state: which item each binding names (handed to the {@link VaultWatch}), and what the
 * poller last saw of it, kept as the binding's VAULT facet. Without polling configured every call does nothing. Only
 * the loop calls it, except for the poller's own thread inside {@link VaultWatch}.
 */
final class VaultFacet {

    private final VaultWatch watch;
    private final Consumer<BindingId> seenChanged;
    private final Map<BindingId, VaultTarget> targets = new HashMap<>();
    private final Map<BindingId, VaultItemObserved> seen = new HashMap<>();

    /**
     * @param watch       the poller, or null when 1Password polling is off
     * @param seenChanged told, on the loop, of each binding whose item the poller saw change
     */
    VaultFacet(VaultWatch watch, Consumer<BindingId> seenChanged) {
        this.watch = watch;
        this.seenChanged = seenChanged;
    }

    boolean polling() {
        return watch != null;
    }

    void start() {
        if (watch != null) {
            watch.start();
        }
    }

    /** Stops the poller's thread. */
    void close() {
        if (watch != null) {
            watch.close();
        }
    }

    /** What the poller reports, on the loop: kept as the binding's VAULT facet and published like any other. */
    void changed(List<VaultItemObserved> changed) {
        for (VaultItemObserved observed : changed) {
            VaultTarget target = targets.get(observed.bindingId());
            if (target == null
                    || !target.vault().equals(observed.vault())
                    || !target.item().equals(observed.item())) {
                continue; // the binding went away or names another item since
            }
            seen.put(observed.bindingId(), observed);
            seenChanged.accept(observed.bindingId());
        }
    }

    /** What the poller last saw of the binding's item, if anything. */
    Optional<VaultItemObserved> seen(BindingId id) {
        return Optional.ofNullable(seen.get(id));
    }

    /** The binding was read (again): poll the item it names now, if that changed. */
    void retarget(BindingId id, BindingRead read) {
        if (watch == null) {
            return;
        }
        Optional<VaultTarget> target =
                read instanceof BindingRead.Readable readable ? target(id, readable.binding()) : Optional.empty();
        VaultTarget before = target.isPresent() ? targets.put(id, target.get()) : targets.remove(id);
        if (!Objects.equals(before, target.orElse(null))) {
            seen.remove(id);
            watch.targets(targets);
        }
    }

    /** The binding is gone: stop polling its item. */
    void forget(BindingId id) {
        if (targets.remove(id) != null && watch != null) {
            watch.targets(targets);
        }
        seen.remove(id);
    }

    /** Leadership lost: a later leadership starts from a fresh poll, as what this replica saw may be old by then. */
    void reset() {
        seen.clear();
        if (watch != null) {
            watch.reset();
        }
    }

    void pollSoon() {
        if (watch != null) {
            watch.pollSoon();
        }
    }

    private static Optional<VaultTarget> target(BindingId id, CredentialBinding binding) {
        var spec = binding.getSpec();
        var item = spec == null || spec.vault() == null ? null : spec.vault().onePassword();
        if (item == null
                || blank(item.vault())
                || blank(item.item())
                || item.fields() == null
                || blank(item.fields().accessKeyId())
                || blank(item.fields().secretAccessKey())) {
            return Optional.empty(); // nothing to poll; the binding's validation names what is missing
        }
        if (item.connectSecretRef() != null) {
            return Optional.empty(); // another Connect server than ours: not polled (yet)
        }
        return Optional.of(new VaultTarget(
                id,
                item.vault(),
                item.item(),
                item.fields().accessKeyId(),
                item.fields().secretAccessKey()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
