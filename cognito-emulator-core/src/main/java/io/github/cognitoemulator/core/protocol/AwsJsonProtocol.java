package io.github.cognitoemulator.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Cognito's JSON 1.1 protocol: finds the action named by {@code X-Amz-Target}, reads and validates the body,
 * runs the action and writes its result, or the AWS-shaped error ({@code __type}, {@code message},
 * {@code x-amzn-ErrorType}) when anything fails. No exception ever leaves this class.
 */
public final class AwsJsonProtocol {

    /** The prefix of every {@code X-Amz-Target} the Cognito user pools service answers. */
    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    /**
     * The longest message that is also sent in {@code x-amzn-ErrorMessage}. A validation message repeats the values
     * it rejects, so it can be as long as the request; in a header it would overflow the server's response header
     * buffer (8 KB by default in Tomcat, Jetty and Undertow), which then answers with an empty 500 instead. The body
     * always carries the whole message, and it is the body that the SDKs read the message from.
     */
    static final int MAX_HEADER_MESSAGE_LENGTH = 1024;

    /** The most characters of a caller's value that go into a log line. */
    private static final int MAX_LOGGED_LENGTH = 200;

    private static final Logger logger = LoggerFactory.getLogger(AwsJsonProtocol.class);

    private final ActionRegistry registry;

    private final String defaultRegion;

    private final Supplier<String> requestIds;

    private final ServiceModel model;

    /**
     * @param registry the actions served
     * @param defaultRegion the region of requests that name none
     * @param requestIds the source of request ids
     * @param model the service model every request is validated against before its action runs
     */
    public AwsJsonProtocol(
            ActionRegistry registry, String defaultRegion, Supplier<String> requestIds, ServiceModel model) {
        this.registry = Objects.requireNonNull(registry, "'registry' must not be null");
        this.model = Objects.requireNonNull(model, "'model' must not be null");
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "'defaultRegion' must not be null");
        this.requestIds = Objects.requireNonNull(requestIds, "'requestIds' must not be null");
    }

    /** Answers one call. */
    public ProtocolResponse handle(ProtocolRequest request) {
        String requestId = this.requestIds.get();
        String region = (request.region() != null) ? request.region() : this.defaultRegion;
        try {
            String name = actionName(request.target());
            ActionRegistry.RegisteredAction<?> action = findAction(name);
            if (action.signed() && !request.signed()) {
                throw ErrorType.MISSING_AUTHENTICATION_TOKEN.exception("Missing Authentication Token");
            }
            RequestReader input = validatedInput(name, readBody(request.body()));
            String issuerBaseUrl = (request.issuerBaseUrl() != null)
                    ? request.issuerBaseUrl()
                    : RequestContext.cognitoIssuerBaseUrl(region);
            Object result = action.invoke(input, new RequestContext(region, requestId, issuerBaseUrl));
            return success(requestId, (result != null) ? result : Map.of());
        } catch (CognitoException ex) {
            return error(requestId, ex.type(), ex.getMessage());
        } catch (RuntimeException ex) {
            logger.error("Cognito emulator failed on {} (request {})", loggable(request.target()), requestId, ex);
            return error(requestId, ErrorType.INTERNAL_ERROR, "Internal server error.");
        }
    }

    /**
     * Runs an action for a caller inside the JVM, such as the pools declared in configuration: the same validation
     * against the service model, parsing and checks as a call through {@link #handle(ProtocolRequest)}, but a refusal
     * is thrown rather than written.
     *
     * @param action the action name, for example {@code "CreateGroup"}
     * @param body the request body
     * @return the response shape, {@code null} for Cognito's empty {@code {}}
     * @throws CognitoException the error Cognito answers with
     */
    public @Nullable Object call(String action, ObjectNode body, RequestContext context) {
        ActionRegistry.RegisteredAction<?> registered = findAction(action);
        return registered.invoke(validatedInput(action, body), context);
    }

    /**
     * Checks a request body against the input shape of {@code action} in the service model, as every call is checked
     * before its action runs, for an in-JVM caller that then hands the reader to the action family itself.
     *
     * @throws CognitoException {@code InvalidParameterException} with Cognito's validation message
     */
    public RequestReader validatedInput(String action, ObjectNode body) {
        this.model.input(action).ifPresent((input) -> validate(input, body));
        return RequestReader.of(body);
    }

    /**
     * Checks a request against its operation's input shape in the service model, reporting every broken constraint
     * at once in Cognito's wording, before the action reads it or any state changes.
     */
    static void validate(ShapeRule.StructureRule input, ObjectNode body) {
        List<String> violations = new ArrayList<>();
        input.check(body, "", violations);
        if (!violations.isEmpty()) {
            int count = violations.size();
            String summary = count + " validation error" + ((count == 1) ? "" : "s") + " detected: ";
            throw ErrorType.INVALID_PARAMETER.exception(summary + String.join("; ", violations));
        }
    }

    private static String actionName(@Nullable String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw ErrorType.UNKNOWN_OPERATION.exception(null);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private ActionRegistry.RegisteredAction<?> findAction(String name) {
        return this.registry.find(name).orElseThrow(() -> {
            logger.warn("Cognito emulator does not support the action '{}'", loggable(name));
            return ErrorType.UNKNOWN_OPERATION.exception(null);
        });
    }

    private static ObjectNode readBody(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode json;
        try {
            json = CognitoJson.read(body);
        } catch (IOException ex) {
            throw ErrorType.SERIALIZATION.exception(null);
        }
        if (json == null || json.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!json.isObject()) {
            throw ErrorType.SERIALIZATION.exception(null);
        }
        return (ObjectNode) json;
    }

    private static ProtocolResponse success(String requestId, Object result) {
        return new ProtocolResponse(200, headers(requestId), CognitoJson.write(result));
    }

    private static ProtocolResponse error(String requestId, ErrorType type, @Nullable String message) {
        Map<String, String> headers = headers(requestId);
        headers.put("x-amzn-ErrorType", type.wireName() + ":");
        if (message != null && fitsInAHeader(message)) {
            headers.put("x-amzn-ErrorMessage", message);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type.wireName());
        if (message != null) {
            body.put("message", message);
        }
        return new ProtocolResponse(type.httpStatus(), headers, CognitoJson.write(body));
    }

    /** Whether {@code value} travels in a header unchanged: short, and printable ASCII only. */
    private static boolean fitsInAHeader(String value) {
        return value.length() <= MAX_HEADER_MESSAGE_LENGTH && value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f);
    }

    /**
     * {@code value} as it may go into a log line: the caller chose it, so it is cut short and its control characters
     * escaped, lest a request fill the log or forge lines in it.
     */
    static String loggable(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder loggable = new StringBuilder(Math.min(value.length(), MAX_LOGGED_LENGTH) + 16);
        for (int i = 0; i < value.length() && i < MAX_LOGGED_LENGTH; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                loggable.append(String.format("\\u%04x", (int) c));
            } else {
                loggable.append(c);
            }
        }
        if (value.length() > MAX_LOGGED_LENGTH) {
            loggable.append("... (").append(value.length()).append(" characters)");
        }
        return loggable.toString();
    }

    private static Map<String, String> headers(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("x-amzn-RequestId", requestId);
        return headers;
    }
}
