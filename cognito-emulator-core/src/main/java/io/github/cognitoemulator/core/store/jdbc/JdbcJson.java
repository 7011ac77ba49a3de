package io.github.cognitoemulator.core.store.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON text the store keeps structured values in, written and read with a mapper of its own that nothing else
 * configures.
 *
 * <p>Settings (the {@code Map<String, Object>} of pools and clients) must read back equal to what was written, and
 * plain JSON loses the Java type of a number: a {@code Long} 5 would come back an {@code Integer}. So a number JSON
 * would not restore as it was is written as a one-member object naming its type ({@code {"$long":"5"}}), and a map
 * key that starts with {@code $} gets a second {@code $} so that it is never taken for one.
 */
final class JdbcJson {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().addModule(instants()).build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private JdbcJson() {}

    /** Instants as ISO-8601 text, which keeps their nanoseconds; plain Jackson cannot write them at all. */
    private static SimpleModule instants() {
        SimpleModule module = new SimpleModule("instants");
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Instant.parse(parser.getValueAsString());
            }
        });
        return module;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(
                    "Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException ex) {
            throw unreadable(type.getSimpleName(), ex);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException ex) {
            throw unreadable(type.getType().getTypeName(), ex);
        }
    }

    /** A map of strings in the order it was written, as a user's attributes must keep it. */
    static Map<String, String> readStringMap(String json) {
        return read(json, STRING_MAP);
    }

    static List<String> readStringList(String json) {
        return read(json, STRING_LIST);
    }

    static String writeKey(RSAKey key) {
        return key.toJSONString();
    }

    static RSAKey readKey(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException ex) {
            throw new JdbcStoreException("A stored signing key cannot be read", ex);
        }
    }

    /** Writes settings so that {@link #readSettings(String)} gives back an equal map. */
    static String writeSettings(Map<String, Object> settings) {
        return write(node(settings));
    }

    static Map<String, Object> readSettings(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) value(MAPPER.readTree(json));
            return settings;
        } catch (JsonProcessingException | ClassCastException ex) {
            throw unreadable("settings", ex);
        }
    }

    private static JsonNode node(@Nullable Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, member) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("Settings have string keys, not " + key);
                }
                object.set(name.startsWith("$") ? "$" + name : name, node(member));
            });
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach((item) -> array.add(node(item)));
            return array;
        }
        throw new IllegalArgumentException("Settings hold strings, numbers, booleans, lists and maps, not "
                + value.getClass().getName());
    }

    /** A number as JSON, typed where JSON would read it back as another type. */
    private static JsonNode number(Number number) {
        if (number instanceof Integer value) {
            return NODES.numberNode(value);
        }
        if (number instanceof Long value && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            return NODES.numberNode(value);
        }
        if (number instanceof Double value && Double.isFinite(value)) {
            return NODES.numberNode(value);
        }
        if (number instanceof BigInteger value && value.bitLength() >= Long.SIZE) {
            return NODES.numberNode(value);
        }
        String type = numberType(number);
        if (type == null) {
            throw new IllegalArgumentException(
                    "Settings hold standard numbers, not " + number.getClass().getName());
        }
        return NODES.objectNode().put(type, number.toString());
    }

    private static @Nullable String numberType(Number number) {
        if (number instanceof Long) {
            return "$long";
        } else if (number instanceof Double) {
            return "$double";
        } else if (number instanceof BigInteger) {
            return "$bigint";
        } else if (number instanceof BigDecimal) {
            return "$decimal";
        } else if (number instanceof Float) {
            return "$float";
        } else if (number instanceof Short) {
            return "$short";
        } else if (number instanceof Byte) {
            return "$byte";
        }
        return null;
    }

    private static @Nullable Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray()) {
            List<@Nullable Object> list = new ArrayList<>();
            node.forEach((item) -> list.add(value(item)));
            return Collections.unmodifiableList(list);
        }
        if (node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.properties().iterator().next();
            Number typed = typedNumber(only.getKey(), only.getValue());
            if (typed != null) {
                return typed;
            }
        }
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String key = member.getKey();
            map.put(key.startsWith("$$") ? key.substring(1) : key, value(member.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    private static @Nullable Number typedNumber(String type, JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.textValue();
        return switch (type) {
            case "$long" -> Long.valueOf(text);
            case "$double" -> Double.valueOf(text);
            case "$bigint" -> new BigInteger(text);
            case "$decimal" -> new BigDecimal(text);
            case "$float" -> Float.valueOf(text);
            case "$short" -> Short.valueOf(text);
            case "$byte" -> Byte.valueOf(text);
            default -> null;
        };
    }

    private static JdbcStoreException unreadable(String what, Exception ex) {
        return new JdbcStoreException("Stored " + what + " cannot be read", ex);
    }
}
