package io.github.cognitoemulator.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * The emulator's own JSON mapper for Cognito's wire format, never shared with the host application: PascalCase
 * member names, members in alphabetical order as Cognito writes them, absent members left out, and timestamps as
 * epoch seconds with a millisecond fraction ({@code 1.594889658976E9}).
 */
public final class CognitoJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("cognito-wire").addSerializer(Instant.class, new EpochSecondsSerializer()))
            .build();

    private CognitoJson() {}

    /** Writes a response shape (a record, map or list) as Cognito's JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Reads any JSON text, failing with {@link IOException} when it is malformed. */
    static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** Reads a JSON object into plain Java values; for tests and tools that inspect responses. */
    public static Map<String, Object> readMap(byte[] json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Reads a JSON object in Cognito's wire format into a record whose components name members in camelCase
     * ({@code userPoolId} for {@code UserPoolId}); members the record does not name are skipped.
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, MAP);
    }

    /** A timestamp as Cognito writes it: a JSON number of seconds since the epoch, with milliseconds. */
    private static final class EpochSecondsSerializer extends StdSerializer<Instant> {

        private static final long serialVersionUID = 1L;

        EpochSecondsSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(value.toEpochMilli() / 1000.0);
        }
    }
}
