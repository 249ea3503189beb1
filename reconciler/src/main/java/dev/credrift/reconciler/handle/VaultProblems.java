package dev.credrift.reconciler.handle;

import dev.credrift.connect.ConnectException;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.resilience.Transient;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.VaultValue;

/** A failed vault read as a typed hop problem. */
public final class VaultProblems {

    private VaultProblems() {}

    public static Hop<VaultValue> hop(Throwable failure) {
        Throwable t = Transient.unwrap(failure);
        ProblemCode code;
        if (t instanceof ConnectException.NotFound) {
            code = ProblemCode.MISSING_OBJECT;
        } else if (t instanceof ConnectException.FieldProblem field) {
            code = field.problem() == ConnectException.FieldProblem.Problem.MISSING
                    ? ProblemCode.MISSING_KEY
                    : ProblemCode.INVALID_VALUE;
        } else if (t instanceof ConnectException.Unauthorized
                || t instanceof ConnectException.Forbidden
                || t instanceof ConnectException.TokenUnavailable) {
            code = ProblemCode.FORBIDDEN;
        } else if (t instanceof ConnectException.Ambiguous || t instanceof ConnectException.InvalidResponse) {
            code = ProblemCode.INVALID_VALUE;
        } else {
            code = ProblemCode.UNREACHABLE;
        }
        return Hop.unreadable(code, SafeText.of(t));
    }
}
