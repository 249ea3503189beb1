package dev.credrift.events.credential;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

// Jackson's own "cannot construct from String value ('...')" errors quote the input: refuse before that.
final class RefuseToDeserialize extends JsonDeserializer<Object> {

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        p.skipChildren();
        throw JsonMappingException.from(
                p,
                "credrift never reads credentials from event JSON;"
                        + " wrap values read by a typed client with SecretValue.of");
    }
}
