/**
 * Assessment, classification and healing of drifted bindings. Not built yet (issue 4).
 */
package dev.credrift.reconciler;
