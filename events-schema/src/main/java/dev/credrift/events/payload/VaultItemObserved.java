package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import java.util.List;

/**
 * The watcher polled the vault item (e.g. 1Password {@code Infrastructure/loki-s3-config}); the
 * credential is absent when a problem kept it from being read.
 *
 * @param vault       the vault's name or id
 * @param item        the item's title or id
 * @param itemVersion the item's version as reported by the vault, if any
 */
public record VaultItemObserved(
        BindingId bindingId,
        String vault,
        String item,
        Long itemVersion,
        ObservedCredential credential,
        List<Problem> problems)
        implements EventPayload {

    /** Validates like {@code dev.credrift.observation.vault-item.v1.json}. */
    public VaultItemObserved {
        Check.required(bindingId, "bindingId");
        Check.text(vault, "vault", Check.NAME_MAX);
        Check.text(item, "item", Check.NAME_MAX);
        Check.optionalAtLeast(itemVersion, 0, "itemVersion");
        problems = Check.list(problems, "problems");
    }

    @Override
    public EventType type() {
        return EventType.VAULT_ITEM_OBSERVED;
    }
}
