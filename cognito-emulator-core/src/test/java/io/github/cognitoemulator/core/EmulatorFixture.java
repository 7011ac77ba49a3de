package io.github.cognitoemulator.core;

import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An emulator with a fixed clock and seeded randomness, driven in-process, with helpers to send JSON and read the
 * answers. Public because tests of every package use it.
 */
public final class EmulatorFixture {

    /** The instant of the real CreateUserPool response quoted in the spec, so wire timestamps can be compared. */
    public static final Instant NOW = Instant.parse("2020-07-16T08:54:18.976Z");

    /** {@link #NOW} as Cognito prints it. */
    public static final String NOW_ON_THE_WIRE = "1.594889658976E9";

    private final CognitoEmulator emulator;

    private EmulatorFixture(CognitoEmulator emulator) {
        this.emulator = emulator;
    }

    public static EmulatorFixture create() {
        return create(CognitoEmulator.builder());
    }

    /** An emulator from {@code builder}, with the fixture's clock and randomness. */
    public static EmulatorFixture create(CognitoEmulator.Builder builder) {
        return new EmulatorFixture(builder.clock(Clock.fixed(NOW, ZoneOffset.UTC))
                // java.util.Random rather than SplittableRandom: the concurrency tests share it between threads.
                .random(new Random(20200716))
                // Keys generated once for the whole run and handed out again: the default prefetch would generate
                // two RSA keys in the background for every emulator, which was most of the suite's run time.
                .keySource(ReusableRsaKeys.source())
                .build());
    }

    public CognitoEmulator emulator() {
        return this.emulator;
    }

    public Reply call(String action, Map<String, ?> body) {
        return call(action, new String(CognitoJson.write(body), StandardCharsets.UTF_8));
    }

    public Reply call(String action, String body) {
        return Reply.of(this.emulator.handle(action, body));
    }

    public Reply call(ProtocolRequest request) {
        return Reply.of(this.emulator.handle(request));
    }

    /** Creates a pool named {@code pool} with {@code settings} and returns its id. */
    public String createPool(Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.putIfAbsent("PoolName", "pool");
        return call("CreateUserPool", body).requireSuccess().string("UserPool", "Id");
    }

    public String createPool() {
        return createPool(Map.of());
    }

    /** AdminCreateUser with the given {@code name, value} attribute pairs. */
    public Reply createUser(String userPoolId, String username, String... attributeNamesAndValues) {
        return call(
                "AdminCreateUser",
                Map.of(
                        "UserPoolId",
                        userPoolId,
                        "Username",
                        username,
                        "UserAttributes",
                        attributes(attributeNamesAndValues)));
    }

    public Reply getUser(String userPoolId, String username) {
        return call("AdminGetUser", Map.of("UserPoolId", userPoolId, "Username", username));
    }

    /** An {@code AttributeListType} from {@code name, value} pairs. */
    public static List<Map<String, String>> attributes(String... namesAndValues) {
        List<Map<String, String>> attributes = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.add(Map.of("Name", namesAndValues[i], "Value", namesAndValues[i + 1]));
        }
        return attributes;
    }

    /**
     * One answer of the emulator.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body text
     */
    public record Reply(int status, Map<String, String> headers, String body) {

        static Reply of(ProtocolResponse response) {
            return new Reply(response.status(), response.headers(), response.bodyAsString());
        }

        public Map<String, Object> json() {
            return CognitoJson.readMap(this.body.getBytes(StandardCharsets.UTF_8));
        }

        /** The member at {@code path} through nested objects, or {@code null}. */
        public Object at(String... path) {
            Object current = json();
            for (String member : path) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(member);
            }
            return current;
        }

        public String string(String... path) {
            return (String) at(path);
        }

        /** The object at {@code path}. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String... path) {
            return (Map<String, Object>) at(path);
        }

        /** The list of objects at {@code path}. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String... path) {
            return (List<Map<String, Object>>) at(path);
        }

        /** The {@code Name}/{@code Value} list at {@code path}, as a map. */
        public Map<String, String> attributes(String... path) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Object entry : (List<?>) at(path)) {
                Map<?, ?> attribute = (Map<?, ?>) entry;
                attributes.put((String) attribute.get("Name"), (String) attribute.get("Value"));
            }
            return attributes;
        }

        /** {@code "<status> <__type>: <message>"}, which reads well in assertions and their failures. */
        public String error() {
            if (this.status == 200) {
                return "200 (no error) " + this.body;
            }
            String message = string("message");
            return this.status + " " + string("__type") + ((message != null) ? ": " + message : "");
        }

        public Reply requireSuccess() {
            if (this.status != 200) {
                throw new AssertionError("Expected success, got " + this.status + " " + this.body);
            }
            return this;
        }
    }
}
