package dev.credrift.reconciler.step;

import dev.credrift.reconciler.world.VaultAccess;
import io.github.resilience4j.ratelimiter.RateLimiter;

/** Writing the vault: the item access and the limiter every write asks first (1Password's rate limits). */
public record VaultPorts(VaultAccess vault, RateLimiter writes) {}
