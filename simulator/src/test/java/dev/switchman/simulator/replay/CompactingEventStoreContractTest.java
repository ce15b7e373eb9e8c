package dev.switchman.simulator.replay;

import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStoreContract;

/** The rehearsal's compacting store is held to the same contract as the live stores (it keeps no outbox). */
class CompactingEventStoreContractTest extends EventStoreContract {

    @Override
    protected EventStore open() {
        return new CompactingEventStore();
    }
}
