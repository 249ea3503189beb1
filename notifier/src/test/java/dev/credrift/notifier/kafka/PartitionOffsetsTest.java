package dev.credrift.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

    @Test
    void shouldCommitOnlyUpToTheFirstRecordNotYetReleased() {
        PartitionOffsets offsets = new PartitionOffsets("credrift.outcomes", 0);
        assertThat(offsets.committable()).isEqualTo(-1);

        Ticket t10 = offsets.track(10);
        Ticket t11 = offsets.track(11);
        Ticket t12 = offsets.track(12);
        assertThat(offsets.committable()).isEqualTo(10);

        t11.release();
        t12.release();
        assertThat(offsets.committable()).as("10 is still being delivered").isEqualTo(10);

        t10.release();
        assertThat(offsets.committable()).isEqualTo(13);
    }

    @Test
    void shouldReleaseATicketOnlyOnce() {
        PartitionOffsets offsets = new PartitionOffsets("credrift.outcomes", 0);
        Ticket ticket = offsets.track(5);

        assertThat(ticket.release()).isTrue();
        assertThat(ticket.release()).isFalse();
        assertThat(offsets.pendingCount()).isZero();
    }

    @Test
    void shouldAskForACommitOnlyWhenTheOffsetMoved() {
        OffsetBook book = new OffsetBook();
        Ticket ticket = book.track("credrift.outcomes", 2, 40);
        assertThat(book.toCommit()).containsExactly(Map.entry(new OffsetBook.Partition("credrift.outcomes", 2), 40L));

        book.committed(book.toCommit());
        assertThat(book.toCommit()).isEmpty();

        ticket.release();
        assertThat(book.toCommit()).containsExactly(Map.entry(new OffsetBook.Partition("credrift.outcomes", 2), 41L));
    }

    @Test
    void shouldStopCommittingALostPartitionWhoseTicketsStillRelease() {
        OffsetBook book = new OffsetBook();
        Ticket ticket = book.track("credrift.outcomes", 1, 3);

        book.forget(new OffsetBook.Partition("credrift.outcomes", 1));
        assertThat(ticket.release()).isTrue();

        assertThat(book.toCommit()).isEmpty();
        assertThat(book.pendingCount()).isZero();
    }
}
