package dev.credrift.reconciler.step;

import dev.credrift.reconciler.resilience.Guards;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Where and how a step's calls run: blocking calls go through the {@code guards} on the worker pool, results come
 * back on the reconciler's {@code context}; polls are timed on {@code vertx} and every instant comes from
 * {@code clock}. One per reconciler.
 */
public record Exec(Vertx vertx, Context context, Guards guards, Clock clock) {}
