package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringShapeTest {

    @Test
    void anyStringHasNoViolations() {
        assertThat(StringShape.ANY.violations("")).isEmpty();
        assertThat(StringShape.ANY.violations("with spaces and ✓")).isEmpty();
    }

    @Test
    void patternIsCheckedBeforeLength() {
        StringShape digits = StringShape.length(6, 6).pattern("[0-9]+");

        assertThat(digits.violations("Aaaa"))
                .containsExactly(
                        "Member must satisfy regular expression pattern: [0-9]+",
                        "Member must have length greater than or equal to 6");
        assertThat(digits.violations("1234567")).containsExactly("Member must have length less than or equal to 6");
        assertThat(digits.violations("123456")).isEmpty();
    }

    @Test
    void patternMustMatchTheWholeValue() {
        assertThat(StringShape.ANY.pattern("[a-z]+").violations("abc1")).hasSize(1);
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(StringShape.length(1, 1).violations("😀")).isEmpty();
    }

    @Test
    void enumerationOnlyReportsTheValueSet() {
        assertThat(StringShape.oneOf("ACTIVE", "INACTIVE").violations("active"))
                .containsExactly("Member must satisfy enum value set: [ACTIVE, INACTIVE]");
        assertThat(StringShape.oneOf("ACTIVE", "INACTIVE").violations("ACTIVE")).isEmpty();
    }

    @Test
    void sensitivityIsKeptWhenAPatternIsAdded() {
        StringShape shape = StringShape.length(1, 5).asSensitive().pattern("x+");

        assertThat(shape.sensitive()).isTrue();
        assertThat(shape.minLength()).isEqualTo(1);
        assertThat(shape.maxLength()).isEqualTo(5);
    }

    @Test
    void integerRangeNamesTheBrokenBound() {
        IntShape shape = IntShape.range(1, 60);

        assertThat(shape.violations(0)).containsExactly("Member must have value greater than or equal to 1");
        assertThat(shape.violations(61)).containsExactly("Member must have value less than or equal to 60");
        assertThat(shape.violations(60)).isEmpty();
    }
}
