package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks Cognito's service model: every operation is served, and for every constraint the model puts on a member of an
 * operation's input, a request that breaks it gets {@code InvalidParameterException} naming that member, before the
 * action runs.
 */
class ServiceModelContractTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Operations of the current API that came after the model kept here; they are served all the same. */
    static final Set<String> NEWER_THAN_THE_MODEL = Set.of(
            "AdminGetUserAuthFactors",
            "CreateUserPoolReplica",
            "DeleteUserPoolReplica",
            "GetProvisionedLimit",
            "ListUserPoolReplicas",
            "UpdateProvisionedLimit",
            "UpdateUserPoolReplica");

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final ServiceModel model = ServiceModel.cognitoIdp();

    @Test
    void everyOperationOfTheModelIsServed() {
        Set<String> expected = new TreeSet<>(this.model.operationNames());
        expected.addAll(NEWER_THAN_THE_MODEL);

        assertThat(expected).hasSize(129);
        assertThat(this.fixture.emulator().actionNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theModelIsCompleteAndItsPatternsAreJava() {
        assertThat(this.model.operationNames()).hasSize(122).doesNotContainAnyElementsOf(NEWER_THAN_THE_MODEL);
        assertThat(this.model.input("CreateUserPool")).isPresent();
        assertThat(this.model.input("NoSuchOperation")).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenConstraintIsAnInvalidParameterNamingItsMember() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : this.model.operationNames()) {
            if (!this.fixture.emulator().actionNames().contains(operation)) {
                continue;
            }
            ShapeRule.StructureRule input = this.model.input(operation).orElseThrow();
            for (Violation violation : violations(input, "", 2)) {
                tests.add(DynamicTest.dynamicTest(operation + " " + violation.description(), () -> {
                    Reply reply = this.fixture.call(operation, violation.body().toString());

                    assertThat(reply.error())
                            .startsWith("400 InvalidParameterException: ")
                            .contains("at '" + violation.path() + "' failed to satisfy constraint: "
                                    + violation.constraint());
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(300);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aMemberOfTheWrongJsonTypeIsASerializationError() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : this.model.operationNames()) {
            if (!this.fixture.emulator().actionNames().contains(operation)) {
                continue;
            }
            for (ShapeRule.Member member :
                    this.model.input(operation).orElseThrow().members().values()) {
                ShapeRule rule = member.rule().get();
                if (rule == ShapeRule.ScalarRule.DOCUMENT) {
                    continue;
                }
                JsonNode wrong = (rule instanceof ShapeRule.StringRule) ? JSON.numberNode(1) : JSON.textNode("x");
                tests.add(DynamicTest.dynamicTest(operation + " " + member.name(), () -> {
                    ObjectNode body = JSON.objectNode().set(member.name(), wrong);

                    assertThat(this.fixture.call(operation, body.toString()).error())
                            .startsWith("400 SerializationException");
                }));
            }
        }
        return tests.stream();
    }

    /**
     * A request that breaks one constraint.
     *
     * @param path the member's path in Cognito's messages
     * @param constraint the start of the constraint's wording
     */
    record Violation(String description, ObjectNode body, String path, String constraint) {}

    /** One request per constraint of {@code structure}'s members, following structures {@code depth} levels down. */
    private static List<Violation> violations(ShapeRule.StructureRule structure, String prefix, int depth) {
        List<Violation> violations = new ArrayList<>();
        for (ShapeRule.Member member : structure.members().values()) {
            String path = prefix + member.pathName();
            Function<JsonNode, ObjectNode> body = (value) -> JSON.objectNode().set(member.name(), value);
            if (member.required()) {
                violations.add(new Violation(path + " missing", JSON.objectNode(), path, "Member must not be null"));
            }
            ShapeRule rule = member.rule().get();
            if (rule instanceof ShapeRule.StringRule string) {
                for (Broken broken : broken(string)) {
                    violations.add(new Violation(
                            path + " " + broken.constraint(),
                            body.apply(JSON.textNode(broken.value())),
                            path,
                            broken.constraint()));
                }
            } else if (rule instanceof ShapeRule.NumberRule number) {
                if (number.min() > Integer.MIN_VALUE) {
                    violations.add(new Violation(
                            path + " below " + number.min(),
                            body.apply(JSON.numberNode(number.min() - 1)),
                            path,
                            "Member must have value greater than or equal to " + number.min()));
                }
                if (number.max() < Integer.MAX_VALUE) {
                    violations.add(new Violation(
                            path + " above " + number.max(),
                            body.apply(JSON.numberNode(number.max() + 1)),
                            path,
                            "Member must have value less than or equal to " + number.max()));
                }
            } else if (rule instanceof ShapeRule.ListRule list) {
                if (list.minSize() > 0) {
                    violations.add(new Violation(
                            path + " empty",
                            body.apply(JSON.arrayNode()),
                            path,
                            "Member must have length greater than or equal to " + list.minSize()));
                }
                JsonNode item = validItem(list.item().get());
                if (list.maxSize() < 1000 && item != null) {
                    var items = JSON.arrayNode();
                    for (int i = 0; i <= list.maxSize(); i++) {
                        items.add(item);
                    }
                    violations.add(new Violation(
                            path + " too long",
                            body.apply(items),
                            path,
                            "Member must have length less than or equal to " + list.maxSize()));
                }
                if (list.item().get() instanceof ShapeRule.StringRule string
                        && !broken(string).isEmpty()) {
                    Broken broken = broken(string).get(0);
                    violations.add(new Violation(
                            path + " item " + broken.constraint(),
                            body.apply(JSON.arrayNode().add(broken.value())),
                            path,
                            "Member must satisfy constraint: ["));
                }
            } else if (rule instanceof ShapeRule.StructureRule nested && depth > 1) {
                for (Violation inner : violations(nested, path + ".", depth - 1)) {
                    violations.add(new Violation(
                            inner.description(), body.apply(inner.body()), inner.path(), inner.constraint()));
                }
            }
        }
        return violations;
    }

    /** A value of a string shape that breaks one of its constraints. */
    record Broken(String value, String constraint) {}

    private static List<Broken> broken(ShapeRule.StringRule string) {
        List<Broken> broken = new ArrayList<>();
        if (!string.allowedValues().isEmpty()) {
            broken.add(new Broken("NOT_A_VALUE_OF_THE_ENUM", "Member must satisfy enum value set: "));
            return broken;
        }
        if (string.minLength() > 0) {
            broken.add(new Broken("", "Member must have length greater than or equal to " + string.minLength()));
        }
        if (string.maxLength() < 100_000) {
            broken.add(new Broken(
                    "a".repeat(string.maxLength() + 1),
                    "Member must have length less than or equal to " + string.maxLength()));
        }
        if (string.pattern() != null) {
            for (String candidate : List.of(" ", "\t", "!", "ä", "\u0000", "a b", "-", "a")) {
                String value = candidate.repeat(Math.max(1, string.minLength()));
                int length = value.codePointCount(0, value.length());
                if (length <= string.maxLength()
                        && !string.pattern().matcher(value).matches()) {
                    broken.add(new Broken(
                            value,
                            "Member must satisfy regular expression pattern: "
                                    + string.pattern().pattern()));
                    break;
                }
            }
        }
        return broken;
    }

    /** A value that breaks nothing, for shapes where one is easily made; {@code null} otherwise. */
    private static @Nullable JsonNode validItem(ShapeRule item) {
        if (item instanceof ShapeRule.StringRule string && string.pattern() == null) {
            return string.allowedValues().isEmpty()
                    ? JSON.textNode("a".repeat(Math.max(1, string.minLength())))
                    : JSON.textNode(string.allowedValues().get(0));
        }
        if (item instanceof ShapeRule.StructureRule) {
            return JSON.objectNode();
        }
        return null;
    }
}
