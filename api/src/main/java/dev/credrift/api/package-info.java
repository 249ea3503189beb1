/**
 * The {@code CredentialBinding} custom resource ({@code credrift.dev/v1alpha1}): model, CRD and the
 * validator that names every bad field. Not built yet (issue 3).
 */
package dev.credrift.api;
