package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationPathsTests {

    @Test
    void stripsEveryTrailingSlash() {
        assertThat(ApplicationPaths.withoutTrailingSlashes("/cognito//")).isEqualTo("/cognito");
        assertThat(ApplicationPaths.withoutTrailingSlashes("/")).isEmpty();
        assertThat(ApplicationPaths.withoutTrailingSlashes("/a/b")).isEqualTo("/a/b");
    }
}
