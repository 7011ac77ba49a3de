package io.github.cognitoemulator.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final int SAMPLES = 500;

    private final Ids ids = new Ids(new SplittableRandom(42));

    @Test
    void userPoolIdIsTheRegionAndNineAlphanumerics() {
        for (int i = 0; i < SAMPLES; i++) {
            assertThat(this.ids.userPoolId("us-east-1"))
                    .matches("us-east-1_[0-9A-Za-z]{9}")
                    // The service model's UserPoolIdType.
                    .matches("[\\w-]+_[0-9a-zA-Z]+");
        }
    }

    @Test
    void userPoolIdsUseBothCases() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < SAMPLES; i++) {
            all.append(this.ids.userPoolId("eu-west-1").substring("eu-west-1_".length()));
        }

        assertThat(all.toString())
                .containsPattern("[a-z]")
                .containsPattern("[A-Z]")
                .containsPattern("[0-9]");
    }

    @Test
    void clientIdIsTwentySixLowercaseAlphanumerics() {
        for (int i = 0; i < SAMPLES; i++) {
            assertThat(this.ids.clientId()).matches("[a-z0-9]{26}");
        }
    }

    @Test
    void clientSecretIsFiftyOneLowercaseAlphanumerics() {
        for (int i = 0; i < SAMPLES; i++) {
            assertThat(this.ids.clientSecret()).matches("[a-z0-9]{51}");
        }
    }

    @Test
    void uuidIsARandomVersionFourUuid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            String uuid = this.ids.uuid();

            assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(UUID.fromString(uuid).version()).isEqualTo(4);
            assertThat(UUID.fromString(uuid).variant()).isEqualTo(2);
            seen.add(uuid);
        }

        assertThat(seen).hasSize(SAMPLES);
    }

    @Test
    void sameSeedGivesTheSameIds() {
        Ids first = new Ids(new SplittableRandom(7));
        Ids second = new Ids(new SplittableRandom(7));

        assertThat(first.userPoolId("us-east-1")).isEqualTo(second.userPoolId("us-east-1"));
        assertThat(first.clientId()).isEqualTo(second.clientId());
        assertThat(first.uuid()).isEqualTo(second.uuid());
    }

    @Test
    void randomStringDrawsOnlyFromTheAlphabet() {
        assertThat(this.ids.randomString("ab", 200)).matches("[ab]{200}").contains("a", "b");
        assertThat(this.ids.randomString("xyz", 0)).isEmpty();
    }

    @Test
    void randomBytesHaveTheRequestedLength() {
        assertThat(this.ids.randomBytes(16)).hasSize(16);
        assertThat(this.ids.randomBytes(16)).isNotEqualTo(this.ids.randomBytes(16));
    }
}
