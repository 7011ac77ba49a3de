package io.github.cognitoemulator.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.error.ErrorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the members of a JSON 1.1 request body while checking them against the service model, the way Cognito's
 * front end does.
 *
 * <p>A member of the wrong JSON type fails at once with {@code SerializationException}. Constraint violations
 * (missing required members, lengths, patterns, ranges, enumerations) are collected and reported together as one
 * {@code InvalidParameterException} in Cognito's wording once the whole request has been read, so a request is
 * rejected before any state changes.
 */
public final class RequestReader {

    /**
     * How deep a structure kept as a document may nest. No structure of the Cognito model comes close, and a stored
     * document is answered back a level or two deeper than it came, inside the response: at the parser's own limit
     * it could not be written at all, and even well below it, clients with a stricter parser could not read it.
     */
    static final int MAX_DOCUMENT_DEPTH = 64;

    private final ObjectNode node;

    private final String path;

    private final List<String> violations;

    private RequestReader(ObjectNode node, String path, List<String> violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    static RequestReader of(ObjectNode body) {
        return new RequestReader(body, "", new ArrayList<>());
    }

    /** Whether the request carries {@code member} with a non-null value. */
    public boolean has(String member) {
        JsonNode value = this.node.get(member);
        return value != null && !value.isNull();
    }

    /** An optional string member, or {@code null} when absent. */
    public @Nullable String string(String member, StringShape shape) {
        JsonNode value = value(member, JsonNodeType.STRING, "a String");
        if (value == null) {
            return null;
        }
        check(member, value.textValue(), shape.sensitive(), shape.violations(value.textValue()));
        return value.textValue();
    }

    /** A required string member; when it is absent a violation is recorded and an empty string returned. */
    public String requiredString(String member, StringShape shape) {
        String value = string(member, shape);
        if (value == null) {
            missing(member);
            return "";
        }
        return value;
    }

    /** An optional integer member, or {@code null} when absent. */
    public @Nullable Integer integer(String member, IntShape shape) {
        JsonNode value = value(member, JsonNodeType.NUMBER, "an Integer");
        if (value == null) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ErrorType.SERIALIZATION.exception("NUMBER_VALUE can not be converted to an Integer");
        }
        long number = value.longValue();
        check(member, Long.toString(number), false, shape.violations(number));
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
    }

    /** A required integer member; when it is absent a violation is recorded and {@code 0} returned. */
    public int requiredInteger(String member, IntShape shape) {
        Integer value = integer(member, shape);
        if (value == null) {
            missing(member);
            return 0;
        }
        return value;
    }

    /** An optional boolean member, or {@code null} when absent. */
    public @Nullable Boolean bool(String member) {
        JsonNode value = value(member, JsonNodeType.BOOLEAN, "a Boolean");
        return (value != null) ? value.booleanValue() : null;
    }

    /**
     * An optional list of strings, or {@code null} when absent.
     *
     * @param minSize the fewest items allowed
     * @param maxSize the most items allowed
     */
    public @Nullable List<String> stringList(String member, StringShape itemShape, int minSize, int maxSize) {
        JsonNode value = value(member, JsonNodeType.ARRAY, "a List");
        if (value == null) {
            return null;
        }
        List<String> items = new ArrayList<>(value.size());
        List<String> itemViolations = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw serializationError(item, "a String");
            }
            items.add(item.textValue());
            for (String violation : itemShape.violations(item.textValue())) {
                if (!itemViolations.contains(violation)) {
                    itemViolations.add(violation);
                }
            }
        }
        List<String> violations = new ArrayList<>();
        if (!itemViolations.isEmpty()) {
            violations.add("Member must satisfy constraint: [" + String.join(", ", itemViolations) + "]");
        }
        if (items.size() < minSize) {
            violations.add("Member must have length greater than or equal to " + minSize);
        }
        if (items.size() > maxSize) {
            violations.add("Member must have length less than or equal to " + maxSize);
        }
        check(member, items.toString(), itemShape.sensitive(), violations);
        return Collections.unmodifiableList(items);
    }

    /** An optional list of strings of any length, or {@code null} when absent. */
    public @Nullable List<String> stringList(String member, StringShape itemShape) {
        return stringList(member, itemShape, 0, Integer.MAX_VALUE);
    }

    /** An optional map of strings to strings, or {@code null} when absent. */
    public @Nullable Map<String, String> stringMap(String member) {
        JsonNode value = value(member, JsonNodeType.OBJECT, "a Map");
        if (value == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getValue().isNull()) {
                // Absent, as a member set to null is: amazon-cognito-identity-js sends "DEVICE_KEY": null when it
                // answers again without a device Cognito no longer knows.
                continue;
            }
            if (!entry.getValue().isTextual()) {
                throw serializationError(entry.getValue(), "a String");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return Collections.unmodifiableMap(map);
    }

    /** An optional structure, read with a reader whose violations are reported with this request's. */
    public @Nullable RequestReader structure(String member) {
        JsonNode value = value(member, JsonNodeType.OBJECT, "a Structure");
        return (value != null)
                ? new RequestReader((ObjectNode) value, memberPath(member) + ".", this.violations)
                : null;
    }

    /** An optional list of structures, or {@code null} when absent. */
    public @Nullable List<RequestReader> structureList(String member, int minSize, int maxSize) {
        JsonNode value = value(member, JsonNodeType.ARRAY, "a List");
        if (value == null) {
            return null;
        }
        List<RequestReader> items = new ArrayList<>(value.size());
        int index = 1;
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw serializationError(item, "a Structure");
            }
            items.add(new RequestReader(
                    (ObjectNode) item, memberPath(member) + "." + index++ + ".member.", this.violations));
        }
        List<String> violations = new ArrayList<>();
        if (items.size() < minSize) {
            violations.add("Member must have length greater than or equal to " + minSize);
        }
        if (items.size() > maxSize) {
            violations.add("Member must have length less than or equal to " + maxSize);
        }
        if (!violations.isEmpty()) {
            check(member, "[" + items.size() + " items]", true, violations);
        }
        return items;
    }

    /**
     * An optional structure kept as plain Java values (maps, lists, strings, numbers, booleans), for settings the
     * emulator stores and returns without acting on them.
     */
    public @Nullable Map<String, Object> document(String member) {
        JsonNode value = value(member, JsonNodeType.OBJECT, "a Structure");
        if (value == null) {
            return null;
        }
        if (exceedsDepth(value, MAX_DOCUMENT_DEPTH)) {
            throw ErrorType.SERIALIZATION.exception(null);
        }
        return CognitoJson.toMap(value);
    }

    /** Records that a required member is missing. */
    public void missing(String member) {
        this.violations.add(
                "Value null at '" + memberPath(member) + "' failed to satisfy constraint: Member must not be null");
    }

    /** Records a violation of a constraint the model states in words rather than as a shape. */
    public void violation(String member, @Nullable String value, boolean sensitive, String constraint) {
        check(member, value, sensitive, List.of(constraint));
    }

    /**
     * Ends reading: throws {@code InvalidParameterException} listing every violation found, in Cognito's wording.
     */
    public void validate() {
        if (this.violations.isEmpty()) {
            return;
        }
        int count = this.violations.size();
        String summary = count + " validation error" + ((count == 1) ? "" : "s") + " detected: ";
        throw ErrorType.INVALID_PARAMETER.exception(summary + String.join("; ", this.violations));
    }

    private @Nullable JsonNode value(String member, JsonNodeType expected, String javaType) {
        JsonNode value = this.node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.getNodeType() != expected) {
            throw serializationError(value, javaType);
        }
        return value;
    }

    private void check(String member, @Nullable String value, boolean sensitive, List<String> violations) {
        for (String violation : violations) {
            String shown = sensitive ? "Value" : "Value '" + value + "'";
            this.violations.add(shown + " at '" + memberPath(member) + "' failed to satisfy constraint: " + violation);
        }
    }

    private String memberPath(String member) {
        return this.path + Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    /** Whether {@code node}, counting itself, holds containers more than {@code depth} levels deep. */
    static boolean exceedsDepth(JsonNode node, int depth) {
        if (!node.isContainerNode()) {
            return false;
        }
        if (depth == 0) {
            return true;
        }
        for (JsonNode child : node) {
            if (exceedsDepth(child, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException serializationError(JsonNode value, String javaType) {
        return switch (value.getNodeType()) {
            case OBJECT -> ErrorType.SERIALIZATION.exception("Start of structure or map found where not expected.");
            case ARRAY -> ErrorType.SERIALIZATION.exception("Start of list found where not expected");
            case STRING -> ErrorType.SERIALIZATION.exception("STRING_VALUE can not be converted to " + javaType);
            case NUMBER -> ErrorType.SERIALIZATION.exception("NUMBER_VALUE can not be converted to " + javaType);
            case BOOLEAN -> ErrorType.SERIALIZATION.exception("BOOLEAN_VALUE can not be converted to " + javaType);
            default -> ErrorType.SERIALIZATION.exception(null);
        };
    }
}
