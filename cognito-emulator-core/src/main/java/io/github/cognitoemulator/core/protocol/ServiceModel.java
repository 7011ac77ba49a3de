package io.github.cognitoemulator.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The operations and input shapes of Cognito's published service model: the {@code cognito-idp} JSON that botocore
 * and the AWS CLI ship (Apache License 2.0, see the NOTICE file next to it), read once and turned into the
 * {@link ShapeRule rules} that every request is checked against before its action runs.
 *
 * <p>Only what validation needs is kept: member names, required members, lengths, ranges, patterns, enumerations,
 * JSON types and which values are sensitive. Documentation and output shapes are dropped after reading.
 */
public final class ServiceModel {

    /** Where the model lies on the class path. */
    public static final String RESOURCE = "cognito-idp-2016-04-18.json";

    /**
     * Shapes whose values are kept out of messages although the model does not mark them sensitive: a confirmation
     * code is a secret, and a validation message is readily logged by the caller.
     */
    private static final Set<String> ALSO_SENSITIVE = Set.of("ConfirmationCodeType");

    /**
     * Patterns the service enforces differently from the model. {@code DomainType} allows one DNS label in the
     * model, yet the same member carries the fully qualified name of a custom domain ({@code auth.example.com}), as
     * the model's own documentation says; the label-only rule applies to prefix domains and is checked there.
     */
    private static final Map<String, String> PATTERNS_ENFORCED = Map.of(
            "DomainType", "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?)*$");

    private final Map<String, ShapeRule.StructureRule> inputs;

    private ServiceModel(Map<String, ShapeRule.StructureRule> inputs) {
        this.inputs = Map.copyOf(inputs);
    }

    /** Cognito's model, read from the class path on first use and shared afterwards: it never changes. */
    public static ServiceModel cognitoIdp() {
        return CognitoIdp.MODEL;
    }

    /** Holds Cognito's model, which the JVM reads when the holder is first used, once, under its class lock. */
    private static final class CognitoIdp {

        static final ServiceModel MODEL = read(ServiceModel.class.getResourceAsStream(RESOURCE));
    }

    /** Reads a model in botocore's JSON form. */
    static ServiceModel read(@Nullable InputStream json) {
        if (json == null) {
            throw new IllegalStateException("The service model " + RESOURCE + " is missing from the class path");
        }
        JsonNode root;
        try (json) {
            root = CognitoJson.read(json.readAllBytes());
        } catch (IOException ex) {
            throw new UncheckedIOException("The service model cannot be read", ex);
        }
        Builder builder = new Builder(root.path("shapes"));
        Map<String, ShapeRule.StructureRule> inputs = new HashMap<>();
        for (Map.Entry<String, JsonNode> operation : root.path("operations").properties()) {
            String input = operation.getValue().path("input").path("shape").asText(null);
            inputs.put(
                    operation.getKey(),
                    (input != null) ? (ShapeRule.StructureRule) builder.rule(input) : ShapeRule.StructureRule.EMPTY);
        }
        inputs.values().forEach((input) -> resolve(input, new HashSet<>()));
        return new ServiceModel(inputs);
    }

    /** Resolves every rule reachable from {@code rule} now, so that none holds on to the model's JSON afterwards. */
    private static void resolve(ShapeRule rule, Set<ShapeRule> seen) {
        if (!seen.add(rule)) {
            return;
        }
        if (rule instanceof ShapeRule.StructureRule structure) {
            structure
                    .members()
                    .values()
                    .forEach((member) -> resolve(member.rule().get(), seen));
        } else if (rule instanceof ShapeRule.ListRule list) {
            resolve(list.item().get(), seen);
        } else if (rule instanceof ShapeRule.MapRule map) {
            resolve(map.key().get(), seen);
            resolve(map.value().get(), seen);
        }
    }

    /** The names of the model's operations, in alphabetical order. */
    public Set<String> operationNames() {
        return new TreeSet<>(this.inputs.keySet());
    }

    /** The rules of an operation's input, or empty when the model does not have the operation. */
    public Optional<ShapeRule.StructureRule> input(String operation) {
        return Optional.ofNullable(this.inputs.get(operation));
    }

    /** Turns the model's shapes into rules, each once, so that shapes shared by many operations share a rule. */
    private static final class Builder {

        private final JsonNode shapes;

        private final Map<String, ShapeRule> built = new HashMap<>();

        Builder(JsonNode shapes) {
            this.shapes = shapes;
        }

        ShapeRule rule(String name) {
            ShapeRule rule = this.built.get(name);
            if (rule == null) {
                rule = build(name, this.shapes.path(name));
                this.built.put(name, rule);
            }
            return rule;
        }

        private ShapeRule build(String name, JsonNode shape) {
            boolean sensitive = shape.path("sensitive").asBoolean(false) || ALSO_SENSITIVE.contains(name);
            String type = shape.path("type").asText();
            switch (type) {
                case "string":
                    return new ShapeRule.StringRule(
                            intOr(shape, "min", 0),
                            intOr(shape, "max", Integer.MAX_VALUE),
                            pattern(
                                    name,
                                    PATTERNS_ENFORCED.getOrDefault(
                                            name, shape.path("pattern").asText(null))),
                            strings(shape.path("enum")),
                            sensitive);
                case "integer":
                    return new ShapeRule.NumberRule(
                            longOr(shape, "min", Integer.MIN_VALUE), longOr(shape, "max", Integer.MAX_VALUE), false);
                case "long":
                    return new ShapeRule.NumberRule(
                            longOr(shape, "min", Long.MIN_VALUE), longOr(shape, "max", Long.MAX_VALUE), true);
                case "boolean":
                    return ShapeRule.ScalarRule.BOOLEAN;
                case "double":
                case "float":
                    return ShapeRule.ScalarRule.DOUBLE;
                case "timestamp":
                    return ShapeRule.ScalarRule.TIMESTAMP;
                case "blob":
                    return new ShapeRule.BlobRule(intOr(shape, "min", 0), intOr(shape, "max", Integer.MAX_VALUE));
                case "list":
                    return new ShapeRule.ListRule(
                            () -> rule(shape.path("member").path("shape").asText()),
                            intOr(shape, "min", 0),
                            intOr(shape, "max", Integer.MAX_VALUE),
                            sensitive);
                case "map":
                    return new ShapeRule.MapRule(
                            () -> rule(shape.path("key").path("shape").asText()),
                            () -> rule(shape.path("value").path("shape").asText()),
                            intOr(shape, "min", 0),
                            intOr(shape, "max", Integer.MAX_VALUE),
                            sensitive);
                case "structure":
                    if (shape.path("document").asBoolean(false)) {
                        return ShapeRule.ScalarRule.DOCUMENT;
                    }
                    return structure(shape, sensitive);
                default:
                    throw new IllegalStateException("Shape " + name + " has an unknown type '" + type + "'");
            }
        }

        private ShapeRule.StructureRule structure(JsonNode shape, boolean sensitive) {
            Set<String> required = new TreeSet<>(strings(shape.path("required")));
            Map<String, ShapeRule.Member> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : shape.path("members").properties()) {
                String target = member.getValue().path("shape").asText();
                members.put(
                        member.getKey(),
                        new ShapeRule.Member(member.getKey(), () -> rule(target), required.contains(member.getKey())));
            }
            return new ShapeRule.StructureRule(members, sensitive);
        }

        private static @Nullable Pattern pattern(String shape, @Nullable String regex) {
            if (regex == null) {
                return null;
            }
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException ex) {
                throw new IllegalStateException("Shape " + shape + " has a pattern Java cannot read: " + regex, ex);
            }
        }

        private static int intOr(JsonNode shape, String field, int fallback) {
            return (int) Math.min(Integer.MAX_VALUE, longOr(shape, field, fallback));
        }

        private static long longOr(JsonNode shape, String field, long fallback) {
            JsonNode value = shape.get(field);
            return (value != null && value.canConvertToLong()) ? value.longValue() : fallback;
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach((value) -> values.add(value.asText()));
            return values;
        }
    }
}
