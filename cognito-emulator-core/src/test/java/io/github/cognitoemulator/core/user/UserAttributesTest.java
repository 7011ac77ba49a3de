package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class UserAttributesTest {

    private static Map<String, String> given() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", "9f1c");
        attributes.put(new String("email"), new String("alice@example.com"));
        attributes.put(new String("email_verified"), new String("true"));
        attributes.put("phone_number_verified", new String("false"));
        attributes.put("name", "Alice");
        return attributes;
    }

    @Test
    void keepsEveryAttributeInTheOrderGiven() {
        Map<String, String> attributes = UserAttributes.copyOf(given());

        assertThat(attributes).containsExactlyEntriesOf(given());
        assertThat(attributes.keySet())
                .containsExactly("sub", "email", "email_verified", "phone_number_verified", "name");
        assertThat(attributes).hasSize(5).isEqualTo(given()).isEqualTo(new HashMap<>(given()));
        assertThat(attributes.hashCode()).isEqualTo(given().hashCode());
        assertThat(attributes.toString()).isEqualTo(given().toString());
    }

    @Test
    void findsEachAttributeByName() {
        Map<String, String> attributes = UserAttributes.copyOf(given());

        assertThat(attributes.get("sub")).isEqualTo("9f1c");
        assertThat(attributes.get("name")).isEqualTo("Alice");
        assertThat(attributes.get("email")).isEqualTo("alice@example.com");
        assertThat(attributes.get("given_name")).isNull();
        assertThat(attributes.get(null)).isNull();
        assertThat(attributes.containsKey("name")).isTrue();
        assertThat(attributes.containsKey("sub")).isTrue();
        assertThat(attributes.containsKey("nickname")).isFalse();
    }

    @Test
    void sharesNamesAndFlagValuesAmongUsers() {
        Map<String, String> first = UserAttributes.copyOf(given());
        Map<String, String> second = UserAttributes.copyOf(given());

        String[] firstNames = first.keySet().toArray(String[]::new);
        String[] secondNames = second.keySet().toArray(String[]::new);
        for (int i = 0; i < firstNames.length; i++) {
            assertThat(secondNames[i]).isSameAs(firstNames[i]);
        }
        assertThat(first.get("email_verified")).isSameAs("true");
        assertThat(first.get("phone_number_verified")).isSameAs("false");
        assertThat(second.get("email")).isNotSameAs(first.get("email"));
    }

    @Test
    void aCopyOfACopyIsTheSameAndAnEmptyOneIsShared() {
        Map<String, String> attributes = UserAttributes.copyOf(given());

        assertThat(UserAttributes.copyOf(attributes)).isSameAs(attributes);
        assertThat(UserAttributes.copyOf(Map.of())).isEmpty();
        assertThat(UserAttributes.copyOf(new HashMap<>())).isSameAs(UserAttributes.copyOf(Map.of()));
    }

    @Test
    void cannotBeChanged() {
        Map<String, String> attributes = UserAttributes.copyOf(given());

        assertThatThrownBy(() -> attributes.put("name", "Bob")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(attributes::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(attributes).isEqualTo(given());
    }

    @Test
    void iterationEndsAfterTheLastAttribute() {
        Iterator<Map.Entry<String, String>> entries =
                UserAttributes.copyOf(Map.of("sub", "9f1c")).entrySet().iterator();

        assertThat(entries.hasNext()).isTrue();
        assertThat(entries.next()).isEqualTo(Map.entry("sub", "9f1c"));
        assertThat(entries.hasNext()).isFalse();
        assertThatThrownBy(entries::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aUserKeepsItsAttributesThisWay() {
        User user = new User(
                "us-east-1_a",
                "alice",
                "9f1c",
                given(),
                UserStatus.CONFIRMED,
                true,
                java.time.Instant.EPOCH,
                java.time.Instant.EPOCH,
                null,
                null,
                0);

        assertThat(user.attributes()).isInstanceOf(UserAttributes.class).isEqualTo(given());
        assertThat(user.withStatus(UserStatus.UNCONFIRMED, java.time.Instant.EPOCH)
                        .attributes())
                .isSameAs(user.attributes());
    }
}
