/**
 * Deployment assets live outside Java: the Helm chart ({@code deploy/helm/credrift}: Deployments, ServiceAccounts,
 * least-privilege RBAC, the CRD copied from the api module, Service, ServiceMonitor, PodDisruptionBudget,
 * NetworkPolicy, Strimzi KafkaTopics), the image ({@code deploy/image/Dockerfile}) and example bindings
 * ({@code deploy/examples}). This module's tests render the chart with helm-java and check it: against the api
 * module's CRD, against {@code dev.credrift.api.access.KubeCalls} (RBAC, both directions) and for Pod Security.
 */
package dev.credrift.deploy;
