package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lakepg.server.access.sequence.Sequence;
import org.lakepg.server.function.SequenceAccess;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** nextval / currval / setval / lastval for one session: currval and lastval are this session's own values. */
final class SessionSequences implements SequenceAccess {
    private final SessionRelations relations;
    private final Supplier<Snapshot> snapshot;
    private final Map<Long, Long> currvals = new HashMap<>();
    private long lastSequence;

    private final java.util.function.BooleanSupplier readOnly;

    SessionSequences(SessionRelations relations, Supplier<Snapshot> snapshot, java.util.function.BooleanSupplier readOnly) {
        this.relations = relations;
        this.snapshot = snapshot;
        this.readOnly = readOnly;
    }

    /** A read-only transaction may change only its session's temporary sequences. */
    private void requireWritable(SequenceInfo info, String function) {
        if (info.persistence() != 't' && readOnly.getAsBoolean()) {
            throw PgException.of(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot execute %s in a read-only transaction",
                    function);
        }
    }

    @Override
    public long nextval(Object sequence) {
        SequenceInfo info = resolve(sequence);
        requireWritable(info, "nextval()");
        long value = next(info);
        currvals.put(info.oid(), value);
        lastSequence = info.oid();
        return value;
    }

    /**
     * The next value for this session: from the values it reserved ahead, else a fresh reservation of CACHE
     * values from the sequence (so other sessions skip them, as in PostgreSQL).
     */
    private long next(SequenceInfo info) {
        long[] cached = relations.sequenceCache.get(info.oid());
        long increment = info.options().increment();
        if (cached != null && (increment > 0 ? cached[0] <= cached[1] : cached[0] >= cached[1])) {
            long value = cached[0];
            cached[0] += increment;
            return value;
        }
        Sequence storage = relations.catalog().sequence(info);
        long first = storage.nextval();
        long last = first;
        for (long i = 1; i < info.cache(); i++) {
            try {
                last = storage.nextval();
            } catch (PgException limit) {
                break; // a reservation stops at the limit; the next call reports it
            }
            if (increment > 0 ? last < first : last > first) {
                storage.setval(first + (i - 1) * increment, true); // wrapped (CYCLE): keep the wrap for later
                last = first + (i - 1) * increment;
                break;
            }
        }
        if (last != first) {
            relations.sequenceCache.put(info.oid(), new long[] {first + increment, last});
        } else {
            relations.sequenceCache.remove(info.oid());
        }
        return first;
    }

    @Override
    public long currval(Object sequence) {
        SequenceInfo info = resolve(sequence);
        Long value = currvals.get(info.oid());
        if (value == null) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "currval of sequence \"%s\" is not yet defined in this session", info.name());
        }
        return value;
    }

    @Override
    public long setval(Object sequence, long value, boolean isCalled) {
        SequenceInfo info = resolve(sequence);
        requireWritable(info, "setval()");
        Sequence storage = relations.catalog().sequence(info);
        storage.setval(value, isCalled);
        relations.sequenceCache.remove(info.oid());
        if (isCalled) {
            currvals.put(info.oid(), value);
            lastSequence = info.oid();
        }
        return value;
    }

    @Override
    public long lastval() {
        Long value = lastSequence == 0 ? null : currvals.get(lastSequence);
        if (value == null || relations.catalog().findSequence(snapshot.get(), lastSequence).isEmpty()) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "lastval is not yet defined in this session");
        }
        return value;
    }

    private SequenceInfo resolve(Object sequence) {
        Snapshot s = snapshot.get();
        if (sequence instanceof Number oid) {
            return relations.catalog().findSequence(s, oid.longValue()).orElseThrow(() -> {
                var table = relations.catalog().findByOid(s, oid.longValue());
                return table.isPresent() ? notASequence(table.get().name())
                        : PgException.of(SqlState.UNDEFINED_TABLE, "relation with OID %d does not exist", oid.longValue());
            });
        }
        List<String> name = qualifiedName(sequence.toString());
        String schema = name.size() > 1 ? name.get(name.size() - 2) : null;
        String relname = name.get(name.size() - 1);
        return relations.sequence(s, schema, relname).orElseThrow(() -> relations.table(s, schema, relname).isPresent()
                || relations.catalog().indexNameExists(s, relname) ? notASequence(relname)
                : PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", sequence.toString()));
    }

    private static PgException notASequence(String name) {
        return PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", name);
    }

    /** A possibly qualified, possibly quoted name as regclass input reads it (unquoted parts fold to lower case). */
    static List<String> qualifiedName(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        part.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    part.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else if (!Character.isWhitespace(ch)) {
                part.append(Character.toLowerCase(ch));
            }
        }
        if (quoted) {
            throw PgException.of(SqlState.INVALID_NAME, "invalid name syntax");
        }
        parts.add(part.toString());
        return parts;
    }
}
