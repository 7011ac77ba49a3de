package io.github.cognitoemulator.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.cognitoemulator.core.error.ErrorType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the service model allows for one shape, and the check of a JSON value against it in Cognito's words: a value
 * of the wrong JSON type fails at once with {@code SerializationException}; broken constraints are collected, each as
 * {@code Value '<value>' at '<path>' failed to satisfy constraint: <constraint>}, and reported together.
 */
public sealed interface ShapeRule {

    /**
     * Checks {@code value}, which is present and not null, adding a line to {@code violations} for each broken
     * constraint.
     *
     * @param path where the value sits in the request, as Cognito names it ({@code userAttributes.1.member.name})
     */
    void check(JsonNode value, String path, List<String> violations);

    /** The name of the Java type Cognito's front end reads the shape as, for its serialization messages. */
    String javaType();

    /** The JSON type a value of this shape must have. */
    JsonNodeType jsonType();

    /** Whether this shape's values are left out of messages. */
    default boolean sensitive() {
        return false;
    }

    /**
     * The constraints {@code value} breaks, without the {@code Value ... at ...} frame, for a value inside a list or
     * map; empty for shapes whose values are not checked this way.
     */
    default List<String> itemViolations(JsonNode value) {
        return List.of();
    }

    /** Adds the violations of {@code constraints} at {@code path}, showing {@code shown} unless it is sensitive. */
    private static void report(
            String shown, boolean sensitive, String path, List<String> constraints, List<String> violations) {
        String value = sensitive ? "Value" : "Value '" + shown + "'";
        for (String constraint : constraints) {
            violations.add(value + " at '" + path + "' failed to satisfy constraint: " + constraint);
        }
    }

    /** Fails at once when {@code value} has not the JSON type of {@code rule}. */
    static void expectType(ShapeRule rule, JsonNode value) {
        boolean matches = (rule.jsonType() == JsonNodeType.NUMBER)
                ? value.isNumber()
                : (rule == ScalarRule.DOCUMENT) || value.getNodeType() == rule.jsonType();
        if (!matches) {
            throw serializationError(value, rule.javaType());
        }
    }

    /** The {@code SerializationException} Cognito's front end raises for a value of the wrong JSON type. */
    static RuntimeException serializationError(JsonNode value, String javaType) {
        return switch (value.getNodeType()) {
            case OBJECT -> ErrorType.SERIALIZATION.exception("Start of structure or map found where not expected.");
            case ARRAY -> ErrorType.SERIALIZATION.exception("Start of list found where not expected");
            case STRING -> ErrorType.SERIALIZATION.exception("STRING_VALUE can not be converted to " + javaType);
            case NUMBER -> ErrorType.SERIALIZATION.exception("NUMBER_VALUE can not be converted to " + javaType);
            case BOOLEAN -> ErrorType.SERIALIZATION.exception("BOOLEAN_VALUE can not be converted to " + javaType);
            default -> ErrorType.SERIALIZATION.exception(null);
        };
    }

    /** A member of a structure. */
    record Member(String name, Supplier<ShapeRule> rule, boolean required) {

        public Member {
            rule = Lazy.of(rule);
        }

        /** The member's name as Cognito writes it in a path: its first letter in lower case. */
        String pathName() {
            return Character.toLowerCase(this.name.charAt(0)) + this.name.substring(1);
        }
    }

    /** A structure: its members in the model's order, which is the order violations are reported in. */
    record StructureRule(Map<String, Member> members, boolean sensitive) implements ShapeRule {

        /** The input of an operation that takes none. */
        static final StructureRule EMPTY = new StructureRule(Map.of(), false);

        public StructureRule {
            members = new LinkedHashMap<>(members);
        }

        @Override
        public void check(JsonNode value, String path, List<String> violations) {
            String prefix = path.isEmpty() ? "" : path + ".";
            for (Member member : this.members.values()) {
                JsonNode memberValue = value.get(member.name());
                String memberPath = prefix + member.pathName();
                if (memberValue == null || memberValue.isNull()) {
                    if (member.required()) {
                        violations.add("Value null at '" + memberPath
                                + "' failed to satisfy constraint: Member must not be null");
                    }
                    continue;
                }
                ShapeRule rule = member.rule().get();
                expectType(rule, memberValue);
                rule.check(memberValue, memberPath, violations);
            }
        }

        @Override
        public String javaType() {
            return "a Structure";
        }

        @Override
        public JsonNodeType jsonType() {
            return JsonNodeType.OBJECT;
        }
    }

    /** A string: length in code points, a pattern the whole value matches, or an enumeration. */
    record StringRule(
            int minLength, int maxLength, @Nullable Pattern pattern, List<String> allowedValues, boolean sensitive)
            implements ShapeRule {

        public StringRule {
            allowedValues = List.copyOf(allowedValues);
        }

        @Override
        public void check(JsonNode value, String path, List<String> violations) {
            report(value.textValue(), this.sensitive, path, itemViolations(value), violations);
        }

        /**
         * Cognito's service framework prints an enumeration in the iteration order of a Java hash set
         * ({@code [OPTIONAL, OFF, ON]}), not in the model's order, and so does this.
         */
        @Override
        public List<String> itemViolations(JsonNode value) {
            String text = value.textValue();
            if (!this.allowedValues.isEmpty()) {
                return this.allowedValues.contains(text)
                        ? List.of()
                        : List.of("Member must satisfy enum value set: " + new HashSet<>(this.allowedValues));
            }
            List<String> broken = new ArrayList<>(2);
            if (this.pattern != null && !this.pattern.matcher(text).matches()) {
                broken.add("Member must satisfy regular expression pattern: " + this.pattern.pattern());
            }
            int length = text.codePointCount(0, text.length());
            if (length < this.minLength) {
                broken.add("Member must have length greater than or equal to " + this.minLength);
            }
            if (length > this.maxLength) {
                broken.add("Member must have length less than or equal to " + this.maxLength);
            }
            return broken;
        }

        @Override
        public String javaType() {
            return "a String";
        }

        @Override
        public JsonNodeType jsonType() {
            return JsonNodeType.STRING;
        }
    }

    /** An integer or a long, within a range. */
    record NumberRule(long min, long max, boolean isLong) implements ShapeRule {

        @Override
        public void check(JsonNode value, String path, List<String> violations) {
            report(value.asText(), false, path, itemViolations(value), violations);
        }

        @Override
        public List<String> itemViolations(JsonNode value) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw ErrorType.SERIALIZATION.exception("NUMBER_VALUE can not be converted to " + javaType());
            }
            long number = value.longValue();
            List<String> broken = new ArrayList<>(1);
            if (number < this.min) {
                broken.add("Member must have value greater than or equal to " + this.min);
            }
            if (number > this.max) {
                broken.add("Member must have value less than or equal to " + this.max);
            }
            return broken;
        }

        @Override
        public String javaType() {
            return this.isLong ? "a Long" : "an Integer";
        }

        @Override
        public JsonNodeType jsonType() {
            return JsonNodeType.NUMBER;
        }
    }

    /** Binary data, sent as base64 text, with a length in bytes. */
    record BlobRule(int minLength, int maxLength) implements ShapeRule {

        @Override
        public void check(JsonNode value, String path, List<String> violations) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value.textValue());
            } catch (IllegalArgumentException ex) {
                throw ErrorType.SERIALIZATION.exception(null);
            }
            List<String> broken = new ArrayList<>(1);
            if (bytes.length < this.minLength) {
                broken.add("Member must have length greater than or equal to " + this.minLength);
            }
            if (bytes.length > this.maxLength) {
                broken.add("Member must have length less than or equal to " + this.maxLength);
            }
            report(
                    "java.nio.HeapByteBuffer[pos=0 lim=" + bytes.length + " cap=" + bytes.length + "]",
                    false,
                    path,
                    broken,
                    violations);
        }

        @Override
        public String javaType() {
            return "a ByteBuffer";
        }

        @Override
        public JsonNodeType jsonType() {
            return JsonNodeType.STRING;
        }
    }

    /** Shapes with nothing to check beyond their JSON type. */
    enum ScalarRule implements ShapeRule {
        BOOLEAN("a Boolean", JsonNodeType.BOOLEAN),
        DOUBLE("a Double", JsonNodeType.NUMBER),
        TIMESTAMP("a Date", JsonNodeType.NUMBER),
        /** Free-form JSON, bounded only in depth. */
        DOCUMENT("a Document", JsonNodeType.OBJECT);

        private final String javaType;

        private final JsonNodeType jsonType;

        ScalarRule(String javaType, JsonNodeType jsonType) {
            this.javaType = javaType;
            this.jsonType = jsonType;
        }

        @Override
        public void check(JsonNode value, String path, List<String> violations) {
            if (this == DOCUMENT && RequestReader.exceedsDepth(value, RequestReader.MAX_DOCUMENT_DEPTH)) {
                throw ErrorType.SERIALIZATION.exception(null);
            }
        }

        @Override
        public String javaType() {
            return this.javaType;
        }

        @Override
        public JsonNodeType jsonType() {
            return this.jsonType;
        }
    }

    /** A list: its size, and each item against the member shape. */
    record ListRule(Supplier<ShapeRule> item, int minSize, int maxSize, boolean sensitive) implements ShapeRule {

        public ListRule {
            item = Lazy.of(item);
        }

        @Override
        public void check(JsonNode value, String path, List<String> violations) {
            ShapeRule itemRule = this.item.get();
            List<String> broken = new ArrayList<>();
            List<String> shown = new ArrayList<>(value.size());
            for (JsonNode item : value) {
                expectType(itemRule, item);
                shown.add(item.isTextual() ? item.textValue() : item.toString());
                for (String violation : itemRule.itemViolations(item)) {
                    if (!broken.contains(violation)) {
                        broken.add(violation);
                    }
                }
            }
            List<String> constraints = new ArrayList<>();
            if (!broken.isEmpty()) {
                constraints.add("Member must satisfy constraint: [" + String.join(", ", broken) + "]");
            }
            if (value.size() < this.minSize) {
                constraints.add("Member must have length greater than or equal to " + this.minSize);
            }
            if (value.size() > this.maxSize) {
                constraints.add("Member must have length less than or equal to " + this.maxSize);
            }
            boolean hidden = this.sensitive || itemRule.sensitive() || !isScalar(itemRule);
            report(shown.toString(), hidden, path, constraints, violations);
            if (itemRule instanceof StructureRule || itemRule instanceof ListRule || itemRule instanceof MapRule) {
                int index = 1;
                for (JsonNode item : value) {
                    itemRule.check(item, path + "." + index++ + ".member", violations);
                }
            }
        }

        @Override
        public String javaType() {
            return "a List";
        }

        @Override
        public JsonNodeType jsonType() {
            return JsonNodeType.ARRAY;
        }
    }

    /** A map: its size, and its keys and values against their shapes. */
    record MapRule(Supplier<ShapeRule> key, Supplier<ShapeRule> value, int minSize, int maxSize, boolean sensitive)
            implements ShapeRule {

        public MapRule {
            key = Lazy.of(key);
            value = Lazy.of(value);
        }

        @Override
        public void check(JsonNode map, String path, List<String> violations) {
            ShapeRule keyRule = this.key.get();
            ShapeRule valueRule = this.value.get();
            List<String> brokenKeys = new ArrayList<>();
            List<String> brokenValues = new ArrayList<>();
            Map<String, String> shown = new LinkedHashMap<>();
            int size = 0;
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                if (entry.getValue().isNull()) {
                    // An entry with a null value counts as absent, as a member set to null does.
                    continue;
                }
                expectType(valueRule, entry.getValue());
                size++;
                shown.put(
                        entry.getKey(),
                        entry.getValue().isTextual()
                                ? entry.getValue().textValue()
                                : entry.getValue().toString());
                addNew(brokenKeys, keyRule.itemViolations(TextNode.valueOf(entry.getKey())));
                addNew(brokenValues, valueRule.itemViolations(entry.getValue()));
            }
            List<String> constraints = new ArrayList<>();
            if (!brokenKeys.isEmpty()) {
                constraints.add("Map keys must satisfy constraint: [" + String.join(", ", brokenKeys) + "]");
            }
            if (!brokenValues.isEmpty()) {
                constraints.add("Map value must satisfy constraint: [" + String.join(", ", brokenValues) + "]");
            }
            if (size < this.minSize) {
                constraints.add("Member must have length greater than or equal to " + this.minSize);
            }
            if (size > this.maxSize) {
                constraints.add("Member must have length less than or equal to " + this.maxSize);
            }
            boolean hidden = this.sensitive || keyRule.sensitive() || valueRule.sensitive() || !isScalar(valueRule);
            report(shown.toString(), hidden, path, constraints, violations);
        }

        private static void addNew(List<String> into, List<String> violations) {
            for (String violation : violations) {
                if (!into.contains(violation)) {
                    into.add(violation);
                }
            }
        }

        @Override
        public String javaType() {
            return "a Map";
        }

        @Override
        public JsonNodeType jsonType() {
            return JsonNodeType.OBJECT;
        }
    }

    private static boolean isScalar(ShapeRule rule) {
        return rule instanceof StringRule || rule instanceof NumberRule || rule instanceof ScalarRule;
    }

    /** A supplier that asks its source once, then forgets it, so that the model it was read from can be let go. */
    final class Lazy<T> implements Supplier<T> {

        private @Nullable Supplier<T> source;

        private volatile @Nullable T value;

        private Lazy(Supplier<T> source) {
            this.source = source;
        }

        static <T> Supplier<T> of(Supplier<T> source) {
            return (source instanceof Lazy<T>) ? source : new Lazy<>(source);
        }

        @Override
        public T get() {
            T resolved = this.value;
            if (resolved != null) {
                return resolved;
            }
            synchronized (this) {
                if (this.value == null) {
                    this.value = this.source.get();
                    this.source = null;
                }
                return this.value;
            }
        }
    }
}
