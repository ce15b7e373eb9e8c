package dev.switchman.core.event;

class InMemoryEventStoreTest extends EventStoreContract {
    @Override
    protected EventStore open() {
        return new InMemoryEventStore();
    }
}
