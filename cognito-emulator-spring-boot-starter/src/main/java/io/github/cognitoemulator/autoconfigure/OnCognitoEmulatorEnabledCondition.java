package io.github.cognitoemulator.autoconfigure;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Keeps the emulator out of any environment that did not ask for it: an explicit {@code enabled} flag wins, and
 * otherwise only the development profiles turn it on, so a production deployment that merely carries the starter on its
 * class path never exposes it.
 */
class OnCognitoEmulatorEnabledCondition extends SpringBootCondition {

    private static final String ENABLED = CognitoEmulatorProperties.PREFIX + ".enabled";

    private static final String PROFILES = CognitoEmulatorProperties.PREFIX + ".profiles";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnCognitoEmulatorEnabled.class);
        Environment environment = context.getEnvironment();
        Binder binder = Binder.get(environment);
        Boolean enabled = binder.bind(ENABLED, Boolean.class).orElse(null);
        if (enabled != null) {
            return enabled
                    ? ConditionOutcome.match(message.because(ENABLED + " is true"))
                    : ConditionOutcome.noMatch(message.because(ENABLED + " is false"));
        }
        List<String> profiles = binder.bind(PROFILES, Bindable.listOf(String.class))
                .orElse(List.of(CognitoEmulatorProperties.DEFAULT_PROFILE));
        if (!profiles.isEmpty() && environment.acceptsProfiles(Profiles.of(profiles.toArray(String[]::new)))) {
            return ConditionOutcome.match(message.because("one of the profiles " + profiles + " is active"));
        }
        return ConditionOutcome.noMatch(message.because("none of the profiles " + profiles + " is active"));
    }
}
