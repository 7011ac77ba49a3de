package io.github.cognitoemulator.core.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One change to a valid request: a member (at any depth) replaced by another value, changed a little, nested to the
 * parser's limit, removed, added or repeated, or the body cut short. Which member is chosen when the case runs, from
 * the request's own members, so the same mutation applies to any template.
 *
 * @param kind what is done
 * @param position which member or byte it is done to, taken modulo the number of candidates
 * @param value the value put in, where one is
 * @param text a plausible string for {@link Kind#RETYPE}: a fixture value, a word Cognito knows, a short name
 * @param name the member name added, for {@link Kind#ADD}
 */
public record Mutation(Kind kind, int position, Fragment value, String text, String name) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String PLACEHOLDER = "@@placeholder@@";

    /** The deepest nesting the request parser accepts, its default. */
    private static final int MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    /** What a mutation does. */
    public enum Kind {
        /** Puts another value, of any type, size or content, in place of a member or list item. */
        REPLACE,
        /**
         * Puts another value of the same JSON type in place of a member or list item (a plausible string for a
         * string, a number for a number, the other boolean), so the request passes the type checks and reaches the
         * action's own.
         */
        RETYPE,
        /** Changes a string member a little: case, one character more or less, a space around it. */
        TWEAK,
        /**
         * Wraps a member in objects or arrays until the body is nested as deep as the parser allows, or a level or
         * two deeper, wherever in the body the member sits.
         */
        NEST,
        /** Leaves a member or list item out. */
        REMOVE,
        /** Adds a member, known or not, next to an existing one; an existing member of that name is replaced. */
        ADD,
        /** Repeats a member of the body with another value, which JSON parsers resolve in different ways. */
        DUPLICATE,
        /** Cuts the body short. */
        TRUNCATE
    }

    /**
     * Mutations, most of them replacing a member: with a plausible value of its own type, which reaches the action's
     * checks, or with any value at all, which tests the type checks.
     */
    public static Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1 << 20);
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(3, FuzzValues.choose(FuzzValues.MEMBER_NAMES)),
                Tuple.of(2, FuzzValues.choose(FuzzValues.INNER_NAMES)),
                Tuple.of(1, FuzzValues.strings()));
        Arbitrary<Kind> kind = Arbitraries.frequency(
                Tuple.of(8, Kind.REPLACE),
                Tuple.of(12, Kind.RETYPE),
                Tuple.of(5, Kind.TWEAK),
                Tuple.of(2, Kind.NEST),
                Tuple.of(2, Kind.REMOVE),
                Tuple.of(2, Kind.ADD),
                Tuple.of(1, Kind.DUPLICATE),
                Tuple.of(1, Kind.TRUNCATE));
        return Combinators.combine(kind, position, FuzzValues.values(), FuzzValues.plausibleStrings(), name)
                .as(Mutation::new);
    }

    /** The body of {@code template} with this mutation, fixture markers still in place. */
    public byte[] apply(Map<String, Object> template) {
        ObjectNode root = MAPPER.valueToTree(template);
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(root, new ArrayList<>(), paths);
        List<Object> path = paths.isEmpty() ? List.of() : paths.get(this.position % paths.size());
        return switch (this.kind) {
            case REPLACE -> {
                if (path.isEmpty()) {
                    yield this.value.bytes();
                }
                set(root, path, TextNode.valueOf(PLACEHOLDER));
                yield withValue(write(root));
            }
            case RETYPE -> {
                if (path.isEmpty()) {
                    yield write(root);
                }
                set(root, path, retyped(at(root, path)));
                yield write(root);
            }
            case TWEAK -> {
                if (path.isEmpty() || !(at(root, path) instanceof TextNode original)) {
                    yield write(root);
                }
                set(root, path, TextNode.valueOf(tweaked(original.textValue())));
                yield write(root);
            }
            case NEST -> {
                if (path.isEmpty()) {
                    yield write(root);
                }
                JsonNode original = at(root, path);
                // The member sits inside path.size() containers and holds depthOf(original) more; the parser allows
                // MAX_DEPTH in all. The wrapping brings the body from two levels short of that limit to one past it,
                // where a stored document answered back inside a response is deeper than the request was.
                int wrappers = Math.max(0, MAX_DEPTH - path.size() - depthOf(original) - 2 + this.position % 4);
                boolean arrays = (this.position / 4) % 2 == 1;
                String open = arrays
                        ? "["
                        : "{" + new String(FuzzValues.string(this.name).bytes(), StandardCharsets.UTF_8) + ":";
                String close = arrays ? "]" : "}";
                set(root, path, TextNode.valueOf(PLACEHOLDER));
                byte[] nested = FuzzValues.concat(
                        open.repeat(wrappers).getBytes(StandardCharsets.UTF_8),
                        write(original),
                        close.repeat(wrappers).getBytes(StandardCharsets.US_ASCII));
                yield withValue(write(root), nested);
            }
            case REMOVE -> {
                if (!path.isEmpty()) {
                    remove(root, path);
                }
                yield write(root);
            }
            case ADD -> {
                JsonNode parent = path.isEmpty() ? root : parentOf(root, path);
                ObjectNode object = (parent instanceof ObjectNode node) ? node : root;
                object.set(this.name, TextNode.valueOf(PLACEHOLDER));
                yield withValue(write(root));
            }
            case DUPLICATE -> {
                String member = path.isEmpty() ? this.name : String.valueOf(path.get(0));
                byte[] body = write(root);
                String extra = (body.length > 2 ? "," : "") + "\"" + member.replace("\"", "") + "\":";
                yield FuzzValues.concat(
                        Arrays.copyOf(body, body.length - 1),
                        extra.getBytes(StandardCharsets.UTF_8),
                        this.value.bytes(),
                        new byte[] {'}'});
            }
            case TRUNCATE -> {
                byte[] body = write(root);
                yield Arrays.copyOf(body, this.position % body.length);
            }
        };
    }

    /** A value of the same JSON type as {@code original}, but another. */
    private JsonNode retyped(JsonNode original) {
        if (original.isTextual()) {
            return TextNode.valueOf(this.text);
        }
        if (original.isBoolean()) {
            return BooleanNode.valueOf(!original.booleanValue());
        }
        if (original.isNumber()) {
            long[] numbers = {0, -1, 1, 2, 59, 61, 3600, 86401, Integer.MAX_VALUE, Integer.MIN_VALUE};
            return LongNode.valueOf(numbers[this.position % numbers.length]);
        }
        if (original.isArray()) {
            ArrayNode array = MAPPER.createArrayNode();
            if (this.position % 3 != 0) {
                array.add(this.text);
            }
            return array;
        }
        ObjectNode object = MAPPER.createObjectNode();
        if (this.position % 2 == 0) {
            object.put(this.name, this.text);
        }
        return object;
    }

    private String tweaked(String original) {
        return switch (this.position % 6) {
            case 0 -> original.toUpperCase(Locale.ROOT);
            case 1 -> original + "x";
            case 2 -> original.isEmpty() ? original : original.substring(0, original.length() - 1);
            case 3 -> " " + original;
            case 4 -> original + " ";
            default -> original + original;
        };
    }

    private byte[] withValue(byte[] body) {
        return withValue(body, this.value.bytes());
    }

    private static byte[] withValue(byte[] body, byte[] value) {
        byte[] placeholder = ("\"" + PLACEHOLDER + "\"").getBytes(StandardCharsets.US_ASCII);
        int at = FuzzValues.indexOf(body, placeholder, 0);
        return FuzzValues.concat(
                Arrays.copyOf(body, at), value, Arrays.copyOfRange(body, at + placeholder.length, body.length));
    }

    private static void collectPaths(JsonNode node, List<Object> prefix, List<List<Object>> paths) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining((field) -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(field);
                paths.add(path);
                collectPaths(object.get(field), path, paths);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                paths.add(path);
                collectPaths(array.get(i), path, paths);
            }
        }
    }

    /** How many containers {@code node} is: 0 for a scalar, 1 for a flat object or array. */
    private static int depthOf(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depthOf(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        return (last instanceof Integer index) ? parent.get(index) : parent.get((String) last);
    }

    private static JsonNode parentOf(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = (step instanceof Integer index) ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static void remove(JsonNode root, List<Object> path) {
        JsonNode parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.remove((int) (Integer) last);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String toString() {
        return switch (this.kind) {
            case REMOVE -> "REMOVE member #" + this.position;
            case TRUNCATE -> "TRUNCATE at " + this.position;
            case ADD -> "ADD " + this.name + " = " + this.value;
            case RETYPE -> "RETYPE member #" + this.position + " as '" + this.text + "'";
            case TWEAK -> "TWEAK member #" + this.position;
            case NEST -> "NEST member #" + this.position + " to the parser's limit + " + (this.position % 4 - 2);
            default -> this.kind + " member #" + this.position + " with " + this.value;
        };
    }
}
