package cn.huiqi.application.lifecycle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Applies {@link Action}s to {@link State}s; every refusal says what is allowed instead. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** A transition that the state or the actor does not allow. */
    public static final class TransitionRefused extends RuntimeException {

        private final State state;
        private final Action action;
        private final List<Action> allowed;

        TransitionRefused(String message, State state, Action action, List<Action> allowed) {
            super(message);
            this.state = state;
            this.action = action;
            this.allowed = List.copyOf(allowed);
        }

        public State state() {
            return state;
        }

        public Action action() {
            return action;
        }

        /** The actions the actor may take in this state. */
        public List<Action> allowed() {
            return allowed;
        }
    }

    /**
     * The state after {@code action} by {@code actor}.
     *
     * @throws TransitionRefused when the action is not the actor's or not allowed in the state
     */
    public static State apply(State state, Action action, Actor actor) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        List<Action> allowed = allowed(state, actor);
        if (action.actor() != actor) {
            throw new TransitionRefused("「" + action.zh() + "」只能由 " + action.actor() + " 执行，不能由 " + actor
                    + " 执行 / " + action + " is for " + action.actor() + ", not " + actor, state, action, allowed);
        }
        if (!action.from().contains(state)) {
            throw new TransitionRefused("申报处于「" + state.zh() + "」，不能「" + action.zh() + "」；可执行："
                    + allowed.stream().map(Action::zh).collect(Collectors.joining("、"))
                    + " / the application is " + state + "; " + action + " is allowed only from " + action.from(),
                    state, action, allowed);
        }
        return action.to();
    }

    /** The actions an actor may take in a state. */
    public static List<Action> allowed(State state, Actor actor) {
        return Arrays.stream(Action.values()).filter(a -> a.actor() == actor && a.from().contains(state))
                .collect(Collectors.toList());
    }
}
