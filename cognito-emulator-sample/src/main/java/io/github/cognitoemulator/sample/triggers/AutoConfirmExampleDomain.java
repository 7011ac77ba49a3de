package io.github.cognitoemulator.sample.triggers;

import io.github.cognitoemulator.autoconfigure.LambdaFunction;
import io.github.cognitoemulator.core.trigger.PreSignUpTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import org.springframework.stereotype.Component;

/**
 * A pre sign-up trigger that confirms users of the {@code example.com} domain at once, with their email address
 * verified, and turns away addresses of {@code spam.example}.
 */
@Component
@LambdaFunction("auto-confirm-example-domain")
public class AutoConfirmExampleDomain implements PreSignUpTrigger {

    @Override
    public Response preSignUp(TriggerEvent<Request> event) {
        String email = event.request().userAttributes().getOrDefault("email", "");
        if (email.endsWith("@spam.example")) {
            throw new IllegalArgumentException("Invalid email domain");
        }
        boolean trusted = email.endsWith("@example.com");
        return new Response(trusted, trusted, false);
    }
}
