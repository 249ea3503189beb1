package dev.credrift.events.credential;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

// Fails rather than writing a redaction marker: a "<redacted>" that reached 1Password or a Secret
// would be a silent outage, an exception is a loud bug.
final class RefuseToSerialize extends JsonSerializer<Object> {

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        throw JsonMappingException.from(
                gen,
                "credrift never serializes a " + value.getClass().getSimpleName()
                        + ": credentials leave memory only as fingerprints and masked access key ids");
    }
}
