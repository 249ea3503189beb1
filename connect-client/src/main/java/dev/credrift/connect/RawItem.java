package dev.credrift.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A parsed item and its fields as the server sent them, in the same order: a write sends a field back whole with
 * only its value changed, so that nothing else of it (a section, a generator recipe) is lost.
 */
public record RawItem(VaultItem item, List<ObjectNode> rawFields) {}
