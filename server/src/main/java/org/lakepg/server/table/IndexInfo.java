package org.lakepg.server.table;

import java.util.List;

/** A B-tree index of a table: its columns (attnums, in key order), uniqueness and storage relation. */
public record IndexInfo(long oid, String name, long tableOid, int relation, boolean unique, boolean primary,
                        List<Short> columns) {

    public IndexInfo {
        columns = List.copyOf(columns);
    }
}
