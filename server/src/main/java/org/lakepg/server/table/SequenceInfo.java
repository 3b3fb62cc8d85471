package org.lakepg.server.table;

import org.lakepg.server.access.sequence.Sequence;

/**
 * A sequence as pg_class + pg_sequence describe it: its storage relation, data type (int2/int4/int8), options,
 * CACHE, and the column that owns it (OWNED BY; 0 / 0 when none). Serial and identity columns own theirs.
 */
public record SequenceInfo(long oid, String name, long namespace, int relation, long type, Sequence.Options options,
                           long cache, long ownedByTable, short ownedByColumn, char persistence) {

    public SequenceInfo withName(String newName) {
        return new SequenceInfo(oid, newName, namespace, relation, type, options, cache, ownedByTable, ownedByColumn,
                persistence);
    }

    public SequenceInfo withOwner(long table, short column) {
        return new SequenceInfo(oid, name, namespace, relation, type, options, cache, table, column, persistence);
    }

    public SequenceInfo withOptions(long newType, Sequence.Options newOptions, long newCache) {
        return new SequenceInfo(oid, name, namespace, relation, newType, newOptions, newCache, ownedByTable,
                ownedByColumn, persistence);
    }
}
