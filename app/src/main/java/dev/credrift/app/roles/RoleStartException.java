package dev.credrift.app.roles;

/** A role could not start; the message names the role and what is missing or failed, never a secret. */
public final class RoleStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RoleStartException(Role role, String problem) {
        super(role.label() + ": " + problem);
    }

    public RoleStartException(Role role, String problem, Throwable cause) {
        super(role.label() + ": " + problem, cause);
    }
}
