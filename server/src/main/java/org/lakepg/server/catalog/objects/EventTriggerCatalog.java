package org.lakepg.server.catalog.objects;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/** Event triggers (CREATE EVENT TRIGGER), as pg_event_trigger rows, in catalog relation 41. */
public final class EventTriggerCatalog {
    static final int RELATION = 41;
    /** Separates the WHEN TAG IN values in the stored row (a tag holds spaces, never this). */
    private static final String TAG_SEPARATOR = "\u001f";
    private final CatalogHeap heap;

    /**
     * One pg_event_trigger row: {@code event} is evtevent (ddl_command_start ...), {@code enabled} evtenabled (O, D,
     * R or A), {@code tags} the WHEN TAG IN filter in upper case (empty: every command).
     */
    public record EventTrigger(long oid, String name, String event, long owner, long function, char enabled,
                               List<String> tags) {
        public EventTrigger withEnabled(char state) {
            return new EventTrigger(oid, name, event, owner, function, state, tags);
        }

        public EventTrigger withName(String newName) {
            return new EventTrigger(oid, newName, event, owner, function, enabled, tags);
        }

        public EventTrigger withOwner(long newOwner) {
            return new EventTrigger(oid, name, event, newOwner, function, enabled, tags);
        }
    }

    EventTriggerCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_event_trigger", exists, TypeOids.INT8, TypeOids.TEXT,
                TypeOids.TEXT, TypeOids.INT8, TypeOids.INT8, TypeOids.TEXT, TypeOids.TEXT);
    }

    /** All event triggers, by name (the order they fire in). */
    public List<EventTrigger> all(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(EventTriggerCatalog::decode)
                .sorted(Comparator.comparing(EventTrigger::name)).toList();
    }

    public Optional<EventTrigger> find(Snapshot snapshot, String name) {
        return heap.rows(snapshot, r -> r[1].equals(name)).stream().map(EventTriggerCatalog::decode).findFirst();
    }

    public void create(Transaction txn, EventTrigger t) {
        heap.insert(txn, encode(t));
    }

    public void replace(Transaction txn, EventTrigger t) {
        heap.update(txn, r -> r[0].equals(t.oid()), r -> encode(t));
    }

    public void drop(Transaction txn, long oid) {
        heap.delete(txn, r -> r[0].equals(oid));
    }

    private static Object[] encode(EventTrigger t) {
        return new Object[] {t.oid(), t.name(), t.event(), t.owner(), t.function(), String.valueOf(t.enabled()),
                String.join(TAG_SEPARATOR, t.tags())};
    }

    private static EventTrigger decode(Object[] r) {
        String tags = (String) r[6];
        return new EventTrigger((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (Long) r[4],
                ((String) r[5]).charAt(0), tags.isEmpty() ? List.of() : Arrays.asList(tags.split(TAG_SEPARATOR)));
    }
}
