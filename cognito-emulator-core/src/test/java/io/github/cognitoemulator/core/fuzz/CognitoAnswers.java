package io.github.cognitoemulator.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every answer of the emulator must look like, whatever was sent: never a server error, a JSON object body,
 * and for an error Cognito's shape ({@code __type}, {@code message}, {@code x-amzn-ErrorType}, and an
 * {@code x-amzn-ErrorMessage} that is short enough for any HTTP server to send).
 */
public final class CognitoAnswers {

    /** The longest {@code x-amzn-ErrorMessage} an answer may carry. */
    public static final int MAX_ERROR_MESSAGE_HEADER = 1024;

    private CognitoAnswers() {}

    /**
     * Checks one answer.
     *
     * @param status the HTTP status
     * @param header the value of a response header by name, case-insensitively, or {@code null}
     * @param body the response body
     * @param request what was sent, for the failure message
     * @return the error's {@code __type}, or {@code null} for a success
     */
    public static @Nullable String check(
            int status, Function<String, @Nullable String> header, byte[] body, Supplier<String> request) {
        // Described lazily: the fuzz checks a hundred thousand answers, and only a failing one needs its story.
        Supplier<String> context = () -> "answer " + status + " " + Fragment.preview(body) + "\nto " + request.get();
        assertThat(status).as(context).isLessThan(500);
        assertThat(header.apply("Content-Type")).as(context).isEqualTo(AwsJsonProtocol.CONTENT_TYPE);
        assertThat(header.apply("x-amzn-RequestId")).as(context).isNotBlank();
        Map<String, Object> json;
        try {
            json = CognitoJson.readMap(body);
        } catch (RuntimeException ex) {
            throw new AssertionError("The body is not a JSON object: " + context.get(), ex);
        }
        if (status == 200) {
            assertThat(header.apply("x-amzn-ErrorType")).as(context).isNull();
            return null;
        }
        if (!(json.get("__type") instanceof String type)) {
            return fail("No string __type: " + context.get());
        }
        Optional<ErrorType> known = Arrays.stream(ErrorType.values())
                .filter((candidate) -> candidate.wireName().equals(type))
                .findFirst();
        assertThat(known)
                .as(() -> "a __type the emulator declares: " + context.get())
                .isPresent();
        assertThat(status).as(context).isEqualTo(known.get().httpStatus());
        assertThat(header.apply("x-amzn-ErrorType")).as(context).isEqualTo(type + ":");
        Object message = json.get("message");
        boolean mayOmitMessage = known.get() == ErrorType.UNKNOWN_OPERATION || known.get() == ErrorType.SERIALIZATION;
        if (message != null || !mayOmitMessage) {
            // Cognito answers only these two without a message, when the request gives it nothing to say.
            assertThat(message).as(context).isInstanceOf(String.class);
        }
        String headerMessage = header.apply("x-amzn-ErrorMessage");
        if (headerMessage != null) {
            // Compared as booleans: a failure must not print a message of seventy thousand characters twice.
            assertThat(headerMessage.equals(message))
                    .as(() -> "x-amzn-ErrorMessage is the message: " + context.get())
                    .isTrue();
            assertThat(headerMessage.length() <= MAX_ERROR_MESSAGE_HEADER && headerMessage.matches("[\\x20-\\x7e]*"))
                    .as(() -> "x-amzn-ErrorMessage is short printable ASCII: " + context.get())
                    .isTrue();
        }
        return type;
    }
}
