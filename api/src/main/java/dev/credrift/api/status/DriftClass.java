package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/** The verdict of an assessment (architecture.md §4), spelled as in the design's table. */
public enum DriftClass implements WireEnum {
    IN_SYNC("IN_SYNC"),
    AUTHORITY_REJECTED("AUTHORITY_REJECTED"),
    VAULT_STALE("VAULT_STALE"),
    REPLICA_STALE("REPLICA_STALE"),
    CONSUMERS_STALE("CONSUMERS_STALE"),
    STORE_MISSING_ACCOUNT("STORE_MISSING_ACCOUNT"),
    ENDPOINT_UNTRUSTED("ENDPOINT_UNTRUSTED"),
    IDENTITY_REJECTED("IDENTITY_REJECTED"),
    REPLICA_UNSYNCABLE("REPLICA_UNSYNCABLE"),
    UNRECOGNIZED(null);

    private final String wireName;

    DriftClass(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static DriftClass fromWire(String text) {
        return WireEnum.fromWire(DriftClass.class, text, UNRECOGNIZED);
    }
}
