package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.error.CognitoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader's members one by one: presence, list and map values, and size limits inclusive at both ends. */
class RequestReaderMembersTest {

    private static RequestReader reader(String json) throws IOException {
        return RequestReader.of((ObjectNode) CognitoJson.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void memberIsPresentOnlyWithAValue() throws IOException {
        RequestReader in = reader("{\"A\":\"x\",\"B\":null}");

        assertThat(in.has("A")).isTrue();
        assertThat(in.has("B")).isFalse();
        assertThat(in.has("C")).isFalse();
    }

    @Test
    void requiredIntegerIsReadAsGiven() throws IOException {
        RequestReader in = reader("{\"Limit\":7}");

        assertThat(in.requiredInteger("Limit", IntShape.range(0, 60))).isEqualTo(7);
        in.validate();
    }

    @Test
    void stringListOfExactlyTheSizeLimitsIsAccepted() throws IOException {
        RequestReader in = reader("{\"One\":[\"a\"],\"Two\":[\"a\",\"b\"]}");

        assertThat(in.stringList("One", StringShape.length(1, 3), 1, 2)).containsExactly("a");
        assertThat(in.stringList("Two", StringShape.length(1, 3), 1, 2)).containsExactly("a", "b");
        in.validate();
    }

    @Test
    void stringMapKeepsItsEntries() throws IOException {
        RequestReader in = reader("{\"Meta\":{\"a\":\"1\",\"b\":\"2\"}}");

        assertThat(in.stringMap("Meta")).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(in.stringMap("Absent")).isNull();
    }

    @Test
    void errorMessageGoesInAHeaderOnlyWhenPrintable() {
        io.github.cognitoemulator.core.EmulatorFixture fixture =
                io.github.cognitoemulator.core.EmulatorFixture.create();

        var withSpace = fixture.call("CreateUserPool", Map.of("PoolName", "a! b"));
        var withDelete = fixture.call("CreateUserPool", Map.of("PoolName", "a\u007fb"));

        assertThat(withSpace.error()).startsWith("400 InvalidParameterException: 1 validation error detected");
        assertThat(withSpace.headers()).containsKey("x-amzn-ErrorMessage");
        assertThat(withDelete.error()).startsWith("400 InvalidParameterException: 1 validation error detected");
        assertThat(withDelete.headers()).doesNotContainKey("x-amzn-ErrorMessage");
    }

    @Test
    void loggedValueIsCutAfterTwoHundredCharacters() {
        assertThat(AwsJsonProtocol.loggable("a".repeat(200))).isEqualTo("a".repeat(200));
        assertThat(AwsJsonProtocol.loggable("a".repeat(201))).isEqualTo("a".repeat(200) + "... (201 characters)");
        assertThat(AwsJsonProtocol.loggable("a\u007fb~")).isEqualTo("a\\u007fb~");
    }

    @Test
    void structureListOfExactlyTheSizeLimitsIsAccepted() throws IOException {
        RequestReader in = reader("{\"One\":[{\"N\":\"a\"}],\"Two\":[{\"N\":\"a\"},{\"N\":\"b\"}]}");

        List<RequestReader> one = in.structureList("One", 1, 2);
        List<RequestReader> two = in.structureList("Two", 1, 2);

        assertThat(one).hasSize(1);
        assertThat(two).hasSize(2);
        assertThat(two.get(1).string("N", StringShape.length(1, 3))).isEqualTo("b");
        in.validate();
    }

    @Test
    void structureListOutsideItsSizeLimitsIsAViolation() throws IOException {
        RequestReader tooFew = reader("{\"List\":[]}");
        tooFew.structureList("List", 1, 2);
        RequestReader tooMany = reader("{\"List\":[{},{},{}]}");
        tooMany.structureList("List", 1, 2);

        assertThatThrownBy(tooFew::validate)
                .isInstanceOf(CognitoException.class)
                .hasMessage("1 validation error detected: Value at 'list' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
        assertThatThrownBy(tooMany::validate)
                .isInstanceOf(CognitoException.class)
                .hasMessage("1 validation error detected: Value at 'list' failed to satisfy constraint: Member must"
                        + " have length less than or equal to 2");
    }

    @Test
    void statedViolationIsReportedInCognitosWords() throws IOException {
        RequestReader in = reader("{}");

        in.violation("Name", "bad", false, "Member must be good");
        in.violation("Secret", "hidden", true, "Member must be good");

        assertThatThrownBy(in::validate)
                .hasMessage("2 validation errors detected: Value 'bad' at 'name' failed to satisfy constraint: Member"
                        + " must be good; Value at 'secret' failed to satisfy constraint: Member must be good");
    }
}
