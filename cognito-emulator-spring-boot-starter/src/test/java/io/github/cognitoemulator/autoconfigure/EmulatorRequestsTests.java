package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmulatorRequestsTests {

    @Test
    void stripsEveryTrailingSlash() {
        assertThat(EmulatorRequests.stripTrailingSlashes("/cognito//")).isEqualTo("/cognito");
        assertThat(EmulatorRequests.stripTrailingSlashes("/")).isEmpty();
        assertThat(EmulatorRequests.stripTrailingSlashes("/a/b")).isEqualTo("/a/b");
    }
}
