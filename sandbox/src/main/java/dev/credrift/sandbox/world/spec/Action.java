package dev.credrift.sandbox.world.spec;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Something that happens to the world at a moment of its timeline. {@link #describe()} never shows a value. */
public sealed interface Action {

    /** One line for a timeline printout, e.g. {@code rotate Rook user storage/storage/loki}. */
    String describe();

    /** RGW regenerates the user's keys; Rook rewrites its Secret (story 1). */
    record RotateRookUser(String namespace, String store, String user) implements Action {
        @Override
        public String describe() {
            return "rotate the keys of Rook object store user " + namespace + "/" + user + " (store " + store + ")";
        }
    }

    /** RGW gets a second key for the user; Rook writes {@code keys[0]} by access key order. */
    record AddRookUserKey(String namespace, String store, String user) implements Action {
        @Override
        public String describe() {
            return "add a key to Rook object store user " + namespace + "/" + user + " (store " + store + ")";
        }
    }

    /** The store alone regenerates the user's keys (nobody tells Rook or anyone else). */
    record RotateStoreUser(String user) implements Action {
        @Override
        public String describe() {
            return "rotate the keys of store user " + user + " behind everyone's back";
        }
    }

    /** The store suspends the user. */
    record SuspendStoreUser(String user) implements Action {
        @Override
        public String describe() {
            return "suspend store user " + user;
        }
    }

    /** The store lifts the suspension. */
    record ResumeStoreUser(String user) implements Action {
        @Override
        public String describe() {
            return "resume store user " + user;
        }
    }

    /** A human edits fields of a 1Password item. */
    record EditVaultItem(String vault, String item, Map<String, ValueTemplate> fields) implements Action {
        public EditVaultItem {
            fields = Map.copyOf(fields);
        }

        @Override
        public String describe() {
            return "edit 1Password item " + vault + "/" + item + " (fields " + fields.keySet() + ")";
        }
    }

    /** Someone deletes a pod ({@code kubectl delete pod}). */
    record DeletePod(String namespace, String name) implements Action {
        @Override
        public String describe() {
            return "delete pod " + namespace + "/" + name;
        }
    }

    /** Someone runs {@code kubectl rollout restart}. */
    record RestartWorkload(String namespace, String kind, String name) implements Action {
        @Override
        public String describe() {
            return "rollout restart " + kind + " " + namespace + "/" + name;
        }
    }

    /** Someone annotates an object ({@code kubectl annotate … --overwrite}), e.g. ESO's {@code force-sync}. */
    record Annotate(String apiVersion, String kind, String namespace, String name, Map<String, String> annotations)
            implements Action {
        public Annotate {
            annotations = Map.copyOf(annotations);
        }

        @Override
        public String describe() {
            return "annotate " + kind + " " + namespace + "/" + name + " with " + annotations.keySet();
        }
    }

    /** The store starts presenting an expired certificate from the world's CA. */
    record ExpireCertificate() implements Action {
        @Override
        public String describe() {
            return "the store's TLS certificate expires";
        }
    }

    /** The store starts presenting a certificate from another CA. */
    record UntrustCertificate() implements Action {
        @Override
        public String describe() {
            return "the store presents a certificate from another CA";
        }
    }

    /** The store gets a fresh, valid certificate from the world's CA. */
    record RenewCertificate() implements Action {
        @Override
        public String describe() {
            return "the store's TLS certificate is renewed";
        }
    }

    /** An object is applied (created or replaced). */
    record ApplyObject(WorldObject object) implements Action {
        @Override
        public String describe() {
            return "apply " + object.describe();
        }
    }

    /** Someone edits a role's trust policy: from now on it admits these subjects (and audiences, if any). */
    record EditTrustPolicy(String roleArn, Set<String> subjects, Set<String> audiences) implements Action {
        public EditTrustPolicy {
            subjects = Set.copyOf(subjects);
            audiences = Set.copyOf(audiences);
        }

        @Override
        public String describe() {
            return "edit the trust policy of role " + roleArn + ": sub " + new TreeSet<>(subjects)
                    + (audiences.isEmpty() ? "" : ", aud " + new TreeSet<>(audiences));
        }
    }

    /** Someone changes the audiences (client ids) an OIDC provider accepts. */
    record SetOidcClientIds(String providerArn, Set<String> clientIds) implements Action {
        public SetOidcClientIds {
            clientIds = Set.copyOf(clientIds);
        }

        @Override
        public String describe() {
            return "set the client ids (audiences) of OIDC provider " + providerArn + " to " + new TreeSet<>(clientIds);
        }
    }

    /** An object is deleted. */
    record DeleteObject(String apiVersion, String kind, String namespace, String name) implements Action {
        @Override
        public String describe() {
            return "delete " + apiVersion + " " + kind + " " + namespace + "/" + name;
        }
    }
}
