package dev.credrift.reconciler.step;

import io.vertx.core.Future;

/** One remediation step. Idempotent: run again after it succeeded, it answers {@link StepOutcome.AlreadyDone}. */
@FunctionalInterface
public interface Step {

    /** Runs the step; a failed future means an unexpected failure (the runner reports it as a failed step). */
    Future<StepOutcome> run(StepContext context);
}
