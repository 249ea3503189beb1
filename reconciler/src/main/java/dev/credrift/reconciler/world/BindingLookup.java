package dev.credrift.reconciler.world;

/** Whether the binding an event names exists and can be read. */
public sealed interface BindingLookup permits BindingLookup.Found, BindingLookup.Gone, BindingLookup.Unreadable {

    /** The binding exists and its spec could be read (it may still be invalid: see its validation). */
    record Found(BoundBinding binding) implements BindingLookup {}

    /** The binding does not exist (deleted, or never created). */
    record Gone() implements BindingLookup {}

    /** The binding exists but its spec cannot be read as a CredentialBinding. */
    record Unreadable(String detail) implements BindingLookup {}
}
