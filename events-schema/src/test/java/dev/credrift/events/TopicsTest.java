package dev.credrift.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldUseTheDesignNamesWhenDefaulted() {
        Topics topics = Topics.defaults();

        assertThat(topics.name(Topic.OBSERVATIONS)).isEqualTo("credrift.observations");
        assertThat(topics.name(Topic.OUTCOMES)).isEqualTo("credrift.outcomes");
        assertThat(topics.name(Topic.AUDIT)).isEqualTo("credrift.audit");
        assertThat(topics.name(Topic.STATE)).isEqualTo("credrift.state");
        assertThat(topics.name(Topic.DEADLETTER)).isEqualTo("credrift.deadletter");
    }

    @Test
    void shouldCompactOnlyTheStateTopic() {
        assertThat(Arrays.stream(Topic.values()).filter(Topic::compacted)).containsExactly(Topic.STATE);
    }

    @Test
    void shouldPrefixEveryNameWhenAPrefixIsGiven() {
        Topics topics = Topics.withPrefix("staging.credrift");

        assertThat(topics.asMap().values()).allSatisfy(name -> assertThat(name).startsWith("staging.credrift."));
        assertThat(topics.topicOf("staging.credrift.audit")).contains(Topic.AUDIT);
        assertThat(topics.topicOf("credrift.audit")).isEmpty();
    }

    @Test
    void shouldRenameOneTopicWhenOverridden() {
        Topics topics = Topics.defaults().with(Topic.AUDIT, "compliance.credrift-audit");

        assertThat(topics.name(Topic.AUDIT)).isEqualTo("compliance.credrift-audit");
        assertThat(topics.name(Topic.STATE)).isEqualTo("credrift.state");
        assertThat(topics).isNotEqualTo(Topics.defaults());
    }

    @Test
    void shouldRejectIllegalOrCollidingNamesWhenOverridden() {
        assertThatThrownBy(() -> Topics.defaults().with(Topic.AUDIT, "has space"))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("topic AUDIT");
        assertThatThrownBy(() -> Topics.defaults().with(Topic.AUDIT, "..")).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> Topics.defaults().with(Topic.AUDIT, "credrift.state"))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("must differ from topic STATE");
        assertThatThrownBy(() -> Topics.withPrefix("x".repeat(240))).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> Topics.withPrefix("")).isInstanceOf(ContractViolation.class);
    }
}
