/**
 * The {@code CredentialBinding} custom resource ({@code credrift.dev/v1alpha1}): one declared chain
 * source → vault → replica → consumers, judged by one store.
 *
 * <p>{@link dev.credrift.api.CredentialBinding} is the fabric8 model, {@link dev.credrift.api.CredentialBindingCrd}
 * loads the hand-written CRD that ships with this module, {@code spec} and {@code status} hold the two halves of the
 * resource and {@code validation} names every bad field of a spec without ever throwing.
 */
package dev.credrift.api;
