package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.util.Map;

/** Calls on an emulator in the same JVM, for the set-up of the benchmarks: a failed call stops the run. */
final class InProcess {

    private InProcess() {}

    /** The answer of a call that must succeed, as a map. */
    static Map<String, Object> call(CognitoEmulator emulator, String action, String body) {
        ProtocolResponse response = emulator.handle(action, body);
        if (response.status() != 200) {
            throw new IllegalStateException(action + " failed: " + response.bodyAsString() + " for " + body);
        }
        return CognitoJson.readMap(response.body());
    }

    /** A member of an answer that is itself an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
