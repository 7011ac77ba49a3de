package io.github.cognitoemulator.core.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Writes inbox messages as JSON for tools and tests: camelCase members, ISO-8601 times. */
public final class MessageJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("messages").addSerializer(Instant.class, ToStringSerializer.instance))
            .build();

    private MessageJson() {}

    /** A JSON array of {@code messages}, in the given order. */
    public static String write(List<Message> messages) {
        try {
            return new String(MAPPER.writeValueAsBytes(messages), StandardCharsets.UTF_8);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
