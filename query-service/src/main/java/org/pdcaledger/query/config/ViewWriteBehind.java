package org.pdcaledger.query.config;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The view documents one batch of events reads and writes, held in memory for the batch (one unit of work of a
 * streaming processor, up to {@code pdca.projections.batch-size} events) and written once at its end: a replay of an
 * initiative's twenty events reads and rewrites its documents once instead of twenty times. Measured with the
 * benchmark (docs/benchmarks.md).
 * <p>
 * The writes happen after the batch's last event is handled and before the unit of work commits, so before the
 * processor stores its token: if a write fails, the batch is rolled back and handled again, and no view misses it.
 * Outside a processor's unit of work (query controllers, tests calling a projection directly) there is nothing to
 * hold and {@link ViewStore} reads and writes the collection at once.
 */
public final class ViewWriteBehind {

    private static final String RESOURCE = ViewWriteBehind.class.getName();

    /** Per store, the documents of this batch by key: the pending version, or {@code null} when there is none. */
    private final Map<ViewStore<?>, Map<String, Document>> documents = new IdentityHashMap<>();
    private final Map<ViewStore<?>, Map<String, Boolean>> dirty = new IdentityHashMap<>();

    /** The batch's cache, or {@code null} outside a unit of work. */
    static ViewWriteBehind current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ViewWriteBehind cache = new ViewWriteBehind();
            // a safety net for units of work that no processor interceptor ends (a flush already done is a no-op)
            root.onPrepareCommit(u -> cache.flush());
            return cache;
        });
    }

    /** Writes what the batch of {@code unitOfWork} changed, when it has just handled its last event. */
    public static void flushAfterLastEvent(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && !batch.isLastMessage()) {
            return;
        }
        ViewWriteBehind cache = unitOfWork.root().getResource(RESOURCE);
        if (cache != null) {
            cache.flush();
        }
    }

    boolean holds(ViewStore<?> store, String key) {
        return documents.containsKey(store) && documents.get(store).containsKey(key);
    }

    Document get(ViewStore<?> store, String key) {
        return documents.get(store).get(key);
    }

    void loaded(ViewStore<?> store, String key, Document document) {
        documents.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(key, document);
    }

    void written(ViewStore<?> store, String key, Document document) {
        loaded(store, key, document);
        dirty.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(key, Boolean.TRUE);
    }

    /** Writes this store's pending documents now, e.g. before a query that must see them. */
    void flush(ViewStore<?> store) {
        Map<String, Boolean> keys = dirty.remove(store);
        if (keys != null && !keys.isEmpty()) {
            store.writeAll(keys.keySet().stream().map(key -> documents.get(store).get(key)).toList());
        }
    }

    /** Forgets this store's documents (its collection was just wiped). */
    void forget(ViewStore<?> store) {
        documents.remove(store);
        dirty.remove(store);
    }

    void flush() {
        for (ViewStore<?> store : new java.util.ArrayList<>(dirty.keySet())) {
            flush(store);
        }
    }
}
