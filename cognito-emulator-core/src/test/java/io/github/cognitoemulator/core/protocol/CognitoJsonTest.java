package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CognitoJsonTest {

    record Sample(String zeta, Integer alpha, Instant creationDate, List<String> middle) {}

    private static String write(Object value) {
        return new String(CognitoJson.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void timestampIsEpochSecondsWithMilliseconds() {
        assertThat(write(Map.of("CreationDate", Instant.parse("2020-07-16T08:54:18.976Z"))))
                .isEqualTo("{\"CreationDate\":1.594889658976E9}");
    }

    @Test
    void timestampOnAWholeSecondKeepsTheJavaNumberForm() {
        assertThat(write(Map.of("CreationDate", Instant.parse("2020-07-16T08:54:18Z"))))
                .isEqualTo("{\"CreationDate\":1.594889658E9}");
    }

    @Test
    void recordComponentsArePascalCaseAlphabeticalAndNullsLeftOut() {
        assertThat(write(new Sample("z", null, Instant.parse("2020-07-16T08:54:18.976Z"), List.of("b", "a"))))
                .isEqualTo("{\"CreationDate\":1.594889658976E9,\"Middle\":[\"b\",\"a\"],\"Zeta\":\"z\"}");
    }

    @Test
    void mapEntriesAreWrittenInKeyOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("UserStatus", "CONFIRMED");
        map.put("Enabled", true);
        map.put("Attributes", List.of());

        assertThat(write(map)).isEqualTo("{\"Attributes\":[],\"Enabled\":true,\"UserStatus\":\"CONFIRMED\"}");
    }

    @Test
    void readMapKeepsTheOrderOfTheText() {
        Map<String, Object> map =
                CognitoJson.readMap("{\"b\":1,\"a\":{\"c\":[true]}}".getBytes(StandardCharsets.UTF_8));

        assertThat(map.keySet()).containsExactly("b", "a");
        assertThat(map).containsEntry("a", Map.of("c", List.of(true)));
    }

    @Test
    void readMapRejectsMalformedJson() {
        assertThatThrownBy(() -> CognitoJson.readMap("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
    }
}
