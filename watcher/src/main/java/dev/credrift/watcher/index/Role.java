package dev.credrift.watcher.index;

import java.util.EnumSet;
import java.util.Set;

/** The part an object plays in a binding, and which facets change when it changes. */
public enum Role {
    SOURCE_SECRET(EnumSet.of(Facet.SOURCE)),
    ROOK_USER(EnumSet.of(Facet.SOURCE)),
    // the target Secret or its keys may have changed with the ExternalSecret, and with them the consumers
    EXTERNAL_SECRET(EnumSet.of(Facet.EXTERNAL_SECRET, Facet.REPLICA, Facet.CONSUMERS)),
    REPLICA_SECRET(EnumSet.of(Facet.REPLICA));

    private final Set<Facet> facets;

    Role(Set<Facet> facets) {
        this.facets = facets;
    }

    public Set<Facet> facets() {
        return EnumSet.copyOf(facets);
    }
}
