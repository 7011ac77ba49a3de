package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.trigger.PostAuthenticationTrigger;
import io.github.cognitoemulator.core.trigger.PreTokenGenerationTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostedSignInEventsTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final List<TriggerEvent<PostAuthenticationTrigger.Request>> postAuthentications = new ArrayList<>();

    private final List<TriggerEvent<PreTokenGenerationTrigger.Request>> preTokens = new ArrayList<>();

    private final SignInFixture fixture = SignInFixture.create((builder) -> builder.lambdaFunction(
                    "post-auth", (PostAuthenticationTrigger) this.postAuthentications::add)
            .lambdaFunction("tokens", (PreTokenGenerationTrigger) (event) -> {
                this.preTokens.add(event);
                return PreTokenGenerationTrigger.Response.unchanged();
            }));

    @Test
    void aSignInOnThePageRunsTheTriggersAndIsRecordedOnce() {
        OAuthFixture oauth = OAuthFixture.create(
                this.fixture,
                Map.of(
                        "LambdaConfig",
                        Map.of("PostAuthentication", ARN + "post-auth", "PreTokenGeneration", ARN + "tokens"),
                        "UserPoolTier",
                        "PLUS",
                        "UserPoolAddOns",
                        Map.of("AdvancedSecurityMode", "AUDIT")),
                Map.of());

        oauth.exchange(oauth.code());
        // Answered from the session: no new sign-in.
        oauth.exchange(oauth.code());

        assertThat(this.postAuthentications).hasSize(1);
        assertThat(this.postAuthentications.get(0).triggerSource()).isEqualTo("PostAuthentication_Authentication");
        assertThat(this.preTokens).hasSize(2);
        Map<String, Object> events = this.fixture
                .call("AdminListUserAuthEvents", Map.of("UserPoolId", oauth.poolId, "Username", OAuthFixture.USER))
                .requireSuccess()
                .json();
        assertThat(events.get("AuthEvents").toString())
                .contains("EventType=SignIn")
                .contains("EventResponse=Pass");
        assertThat((List<?>) events.get("AuthEvents")).hasSize(1);
    }
}
