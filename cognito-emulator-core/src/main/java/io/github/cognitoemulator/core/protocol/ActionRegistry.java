package io.github.cognitoemulator.core.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The Cognito actions the emulator serves, keyed by the action name that follows the target prefix. */
public final class ActionRegistry {

    private final Map<String, RegisteredAction<?>> actions;

    private ActionRegistry(Map<String, RegisteredAction<?>> actions) {
        this.actions = Collections.unmodifiableMap(new TreeMap<>(actions));
    }

    /** A builder into which {@link ActionFamily families} register their actions. */
    public static Builder builder() {
        return new Builder();
    }

    /** The names of every action served, in alphabetical order. */
    public Set<String> actionNames() {
        return this.actions.keySet();
    }

    Optional<RegisteredAction<?>> find(String actionName) {
        return Optional.ofNullable(this.actions.get(actionName));
    }

    /** Collects actions; each name may be registered once. */
    public static final class Builder {

        private final Map<String, RegisteredAction<?>> actions = new TreeMap<>();

        private Builder() {}

        /** Adds every action of {@code family}. */
        public Builder family(ActionFamily family) {
            family.registerTo(this);
            return this;
        }

        /**
         * Adds the action {@code name}, which requires a SigV4-signed request: its request is read with
         * {@code parser}, validated, then passed to {@code action}.
         */
        public <R> Builder add(String name, RequestParser<R> parser, Action<R> action) {
            return add(name, parser, action, true);
        }

        /**
         * Adds the action {@code name}, which Cognito serves without a signature because the request identifies its
         * caller by app client, access token or session.
         */
        public <R> Builder addUnsigned(String name, RequestParser<R> parser, Action<R> action) {
            return add(name, parser, action, false);
        }

        private <R> Builder add(String name, RequestParser<R> parser, Action<R> action, boolean signed) {
            Objects.requireNonNull(parser, "'parser' must not be null");
            Objects.requireNonNull(action, "'action' must not be null");
            if (this.actions.putIfAbsent(name, new RegisteredAction<>(parser, action, signed)) != null) {
                throw new IllegalStateException("Action '" + name + "' is registered twice");
            }
            return this;
        }

        public ActionRegistry build() {
            return new ActionRegistry(this.actions);
        }
    }

    record RegisteredAction<R>(RequestParser<R> parser, Action<R> action, boolean signed) {

        Object invoke(RequestReader input, RequestContext context) {
            R request = this.parser.parse(input);
            input.validate();
            return this.action.handle(request, context);
        }
    }
}
