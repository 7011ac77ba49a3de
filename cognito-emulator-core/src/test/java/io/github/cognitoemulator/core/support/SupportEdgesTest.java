package io.github.cognitoemulator.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Redacted descriptions, random numbers, and page tokens that point exactly at the next item. */
class SupportEdgesTest {

    @Test
    void secretIsMarkedAndAbsenceIsShownAsNull() {
        assertThat(Redacted.secret("hunter2")).isEqualTo("***");
        assertThat(Redacted.secret(null)).isEqualTo("null");
    }

    @Test
    void secretValuesShowOnlyTheirKeys() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", "alice");
        parameters.put("PASSWORD", "hunter2");

        assertThat(Redacted.values(parameters)).isEqualTo("{USERNAME=***, PASSWORD=***}");
        assertThat(Redacted.values(Map.of())).isEqualTo("{}");
        assertThat(Redacted.values(null)).isEqualTo("null");
    }

    @Test
    void nextIntDrawsOverTheWholeRange() {
        Ids ids = new Ids(new SplittableRandom(7));
        Set<Integer> drawn = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int value = ids.nextInt(10);
            assertThat(value).isBetween(0, 9);
            drawn.add(value);
        }

        assertThat(drawn).hasSize(10);
    }

    @Test
    void tokenPagesStartAtTheItemTheTokenNames() {
        List<String> items = List.of("a", "b", "c", "d", "e");

        PageTokens.Page<String> first = PageTokens.page(items, Function.identity(), null, 2);
        PageTokens.Page<String> second = PageTokens.page(items, Function.identity(), first.nextToken(), 2);
        PageTokens.Page<String> fromToken = PageTokens.page(items, Function.identity(), PageTokens.tokenFor("c"), 5);

        assertThat(first.items()).containsExactly("a", "b");
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(PageTokens.keyOf(second.nextToken())).isEqualTo("e");
        assertThat(fromToken.items()).containsExactly("c", "d", "e");
        assertThat(fromToken.nextToken()).isNull();
        assertThat(PageTokens.page(items, Function.identity(), PageTokens.tokenFor("a"), 5)
                        .items())
                .containsExactlyElementsOf(items);
        assertThat(PageTokens.page(items, Function.identity(), PageTokens.tokenFor("z"), 5)
                        .items())
                .isEmpty();
    }
}
