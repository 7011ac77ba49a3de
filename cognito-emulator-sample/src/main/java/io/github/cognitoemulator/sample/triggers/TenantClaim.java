package io.github.cognitoemulator.sample.triggers;

import io.github.cognitoemulator.autoconfigure.LambdaFunction;
import io.github.cognitoemulator.core.trigger.PreTokenGenerationTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A pre token generation trigger (event version 1) that adds a {@code tenant} claim to ID tokens, taken from the
 * user's {@code custom:tenant} attribute, and leaves the phone number out of them.
 */
@Component
@LambdaFunction("tenant-claim")
public class TenantClaim implements PreTokenGenerationTrigger {

    @Override
    public Response preTokenGeneration(TriggerEvent<Request> event) {
        String tenant = event.request().userAttributes().getOrDefault("custom:tenant", "none");
        return new Response(new ClaimsOverrideDetails(Map.of("tenant", tenant), List.of("phone_number"), null));
    }
}
