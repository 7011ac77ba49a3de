package io.github.cognitoemulator.sample.triggers;

import io.github.cognitoemulator.autoconfigure.LambdaFunction;
import io.github.cognitoemulator.core.trigger.ChallengeResult;
import io.github.cognitoemulator.core.trigger.CreateAuthChallengeTrigger;
import io.github.cognitoemulator.core.trigger.DefineAuthChallengeTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import io.github.cognitoemulator.core.trigger.VerifyAuthChallengeResponseTrigger;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The three custom authentication triggers in one bean: a user signs in with CUSTOM_AUTH by answering "What is 6 x
 * 7?", with three tries. A client that starts with SRP (as amazon-cognito-identity-js does) proves the password first.
 * A pool names the same function for {@code DefineAuthChallenge}, {@code CreateAuthChallenge} and
 * {@code VerifyAuthChallengeResponse}.
 */
@Component
@LambdaFunction("arithmetic-challenge")
public class ArithmeticChallenge
        implements DefineAuthChallengeTrigger, CreateAuthChallengeTrigger, VerifyAuthChallengeResponseTrigger {

    static final int TRIES = 3;

    @Override
    public DefineAuthChallengeTrigger.Response defineAuthChallenge(
            TriggerEvent<DefineAuthChallengeTrigger.Request> event) {
        List<ChallengeResult> session = event.request().session();
        if (!session.isEmpty()) {
            ChallengeResult last = session.get(session.size() - 1);
            if (last.challengeName().equals("SRP_A")) {
                return new DefineAuthChallengeTrigger.Response("PASSWORD_VERIFIER", false, false);
            }
            if (last.challengeName().equals("CUSTOM_CHALLENGE") && last.challengeResult()) {
                return DefineAuthChallengeTrigger.Response.issueTokensNow();
            }
        }
        if (questionsAsked(session) >= TRIES) {
            return DefineAuthChallengeTrigger.Response.fail();
        }
        return DefineAuthChallengeTrigger.Response.customChallenge();
    }

    @Override
    public CreateAuthChallengeTrigger.Response createAuthChallenge(
            TriggerEvent<CreateAuthChallengeTrigger.Request> event) {
        long triesLeft = TRIES - questionsAsked(event.request().session());
        return new CreateAuthChallengeTrigger.Response(
                Map.of("question", "What is 6 x 7?", "triesLeft", Long.toString(triesLeft)),
                Map.of("answer", "42"),
                "ARITHMETIC");
    }

    @Override
    public VerifyAuthChallengeResponseTrigger.Response verifyAuthChallengeResponse(
            TriggerEvent<VerifyAuthChallengeResponseTrigger.Request> event) {
        String expected = event.request().privateChallengeParameters().get("answer");
        return new VerifyAuthChallengeResponseTrigger.Response(
                event.request().challengeAnswer().trim().equals(expected));
    }

    private static long questionsAsked(List<ChallengeResult> session) {
        return session.stream()
                .filter((round) -> round.challengeName().equals("CUSTOM_CHALLENGE"))
                .count();
    }
}
