package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivityTest {

    private final Activity activity = new Activity();

    @Test
    void shouldBeInactiveWhenJustCreated() {
        assertThat(activity.active()).isFalse();
        assertThat(activity.leading()).isFalse();
        assertThat(activity.cachesSynced()).isFalse();
        assertThat(activity.stopping()).isFalse();
    }

    @Test
    void shouldBeInactiveWhenLeadingBeforeTheCachesSynced() {
        activity.lead(true);

        assertThat(activity.active()).isFalse();
    }

    @Test
    void shouldBeInactiveWhenSyncedWithoutLeading() {
        activity.synced();

        assertThat(activity.active()).isFalse();
    }

    @Test
    void shouldBeActiveWhenLeadingAndSynced() {
        activity.synced();
        activity.lead(true);

        assertThat(activity.active()).isTrue();
    }

    @Test
    void shouldBeInactiveWhenLeadershipIsLost() {
        activity.synced();
        activity.lead(true);
        activity.lead(false);

        assertThat(activity.active()).isFalse();
        assertThat(activity.cachesSynced()).isTrue();
    }

    @Test
    void shouldStayInactiveWhenStoppingEvenIfLeadingAndSynced() {
        activity.synced();
        activity.lead(true);
        activity.stop();

        assertThat(activity.active()).isFalse();
        assertThat(activity.stopping()).isTrue();
        assertThat(activity.leading()).isTrue();
    }
}
