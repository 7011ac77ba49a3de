package io.github.cognitoemulator.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTokensTest {

    private static final List<String> ITEMS = IntStream.range(0, 23)
            .mapToObj((i) -> String.format("item-%02d", i))
            .toList();

    private static List<Integer> pageSizes(List<String> items, int size) {
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            PageTokens.Page<String> page = PageTokens.page(items, Function.identity(), token, size);
            sizes.add(page.items().size());
            token = page.nextToken();
        } while (token != null);
        return sizes;
    }

    @Test
    void pagesCoverEveryItemExactlyOnceInOrder() {
        for (int size = 1; size <= 25; size++) {
            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                PageTokens.Page<String> page = PageTokens.page(ITEMS, Function.identity(), token, size);
                assertThat(page.items()).as("size %d", size).hasSizeLessThanOrEqualTo(size);
                seen.addAll(page.items());
                token = page.nextToken();
            } while (token != null);

            assertThat(seen).as("size %d", size).isEqualTo(ITEMS);
        }
    }

    @Test
    void onlyTheLastPageHasNoToken() {
        assertThat(pageSizes(ITEMS, 10)).containsExactly(10, 10, 3);
        assertThat(pageSizes(ITEMS, 23)).containsExactly(23);
        assertThat(pageSizes(List.of(), 10)).containsExactly(0);
    }

    @Test
    void tokenIsOpaqueToTheCaller() {
        String token = PageTokens.page(ITEMS, Function.identity(), null, 5).nextToken();

        assertThat(token).matches("[\\S]+").doesNotContain("item-05");
    }

    @Test
    void pagingResumesAfterTheNextItemIsDeleted() {
        String token = PageTokens.page(ITEMS, Function.identity(), null, 5).nextToken();
        List<String> withoutNext = new ArrayList<>(ITEMS);
        withoutNext.remove("item-05");

        assertThat(PageTokens.page(withoutNext, Function.identity(), token, 2).items())
                .containsExactly("item-06", "item-07");
    }

    @Test
    void tokenPastTheEndGivesAnEmptyLastPage() {
        String token = PageTokens.page(ITEMS, Function.identity(), null, 22).nextToken();

        PageTokens.Page<String> page = PageTokens.page(ITEMS.subList(0, 20), Function.identity(), token, 5);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void tokenThatIsNotOneOfOursIsAnInvalidParameter() {
        assertThatThrownBy(() -> PageTokens.page(ITEMS, Function.identity(), "not a token!", 5))
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.INVALID_PARAMETER))
                .hasMessage("Invalid pagination token.");
    }
}
