package cn.huiqi.application.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {

    @Test
    void the_happy_path_with_an_objection_dismissed_then_a_clawback() {
        State s = State.DRAFT;
        s = Lifecycle.apply(s, Action.SUBMIT, Actor.ENTERPRISE);
        s = Lifecycle.apply(s, Action.DETERMINE_ELIGIBLE, Actor.SYSTEM);
        s = Lifecycle.apply(s, Action.PROPOSE_AWARD, Actor.SYSTEM);
        s = Lifecycle.apply(s, Action.START_FORMAL_REVIEW, Actor.OFFICIAL);
        s = Lifecycle.apply(s, Action.SEND_TO_EXPERTS, Actor.OFFICIAL);
        s = Lifecycle.apply(s, Action.START_PUBLIC_NOTICE, Actor.OFFICIAL);
        s = Lifecycle.apply(s, Action.RAISE_OBJECTION, Actor.PUBLIC);
        assertThat(s).isEqualTo(State.OBJECTION_RAISED);
        s = Lifecycle.apply(s, Action.DISMISS_OBJECTION, Actor.OFFICIAL);
        s = Lifecycle.apply(s, Action.APPROVE, Actor.OFFICIAL);
        s = Lifecycle.apply(s, Action.DISBURSE, Actor.SYSTEM);
        s = Lifecycle.apply(s, Action.CLAW_BACK, Actor.OFFICIAL);
        assertThat(s).isEqualTo(State.CLAWED_BACK);
        assertThat(s.isFinal()).isTrue();
    }

    @Test
    void approval_is_refused_while_an_objection_is_open_and_says_what_is_allowed() {
        assertThatThrownBy(() -> Lifecycle.apply(State.OBJECTION_RAISED, Action.APPROVE, Actor.OFFICIAL))
                .isInstanceOf(Lifecycle.TransitionRefused.class).hasMessageContaining("申报处于「异议处理中」，不能「批准」")
                .hasMessageContaining("异议不成立").hasMessageContaining("审核不通过");
    }

    @Test
    void an_enterprise_cannot_approve_its_own_application() {
        assertThatThrownBy(() -> Lifecycle.apply(State.PUBLIC_NOTICE, Action.APPROVE, Actor.ENTERPRISE))
                .isInstanceOf(Lifecycle.TransitionRefused.class).hasMessageContaining("只能由 OFFICIAL 执行")
                .satisfies(e -> assertThat(((Lifecycle.TransitionRefused) e).allowed()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void nothing_leaves_a_final_state(State state) {
        if (state.isFinal()) {
            for (Actor actor : Actor.values()) {
                assertThat(Lifecycle.allowed(state, actor)).as(state + " " + actor).isEmpty();
            }
        }
    }

    @Test
    void every_non_final_state_can_be_left_and_every_state_reached() {
        Set<State> reached = EnumSet.of(State.DRAFT);
        for (Action a : Action.values()) {
            reached.add(a.to());
        }
        assertThat(reached).containsExactlyInAnyOrder(State.values());
        for (State s : State.values()) {
            if (!s.isFinal()) {
                boolean leaves = false;
                for (Actor actor : Actor.values()) {
                    leaves |= !Lifecycle.allowed(s, actor).isEmpty();
                }
                assertThat(leaves).as(s + " can be left").isTrue();
            }
        }
    }

    @Test
    void withdrawal_is_possible_until_the_public_notice_but_not_after() {
        assertThat(Lifecycle.apply(State.EXPERT_REVIEW, Action.WITHDRAW, Actor.ENTERPRISE)).isEqualTo(State.WITHDRAWN);
        assertThatThrownBy(() -> Lifecycle.apply(State.PUBLIC_NOTICE, Action.WITHDRAW, Actor.ENTERPRISE))
                .isInstanceOf(Lifecycle.TransitionRefused.class);
    }

    @Test
    void the_documented_table_lists_every_action() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "application-lifecycle.md"));
        for (Action a : Action.values()) {
            assertThat(doc).as("docs/application-lifecycle.md (regenerate the table from Action)")
                    .contains("| `" + a.name() + "` | " + a.zh() + " | " + a.actor().name().toLowerCase() + " |");
        }
    }
}
