package org.lakepg.server.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.txn.Snapshot;

/**
 * The decoded catalog as one snapshot sees it: tables, their indexes and constraints, sequences. Immutable, so
 * one copy is shared by every session until a catalog change commits.
 */
record CatalogContents(List<TableInfo> tables, Map<String, List<TableInfo>> tablesByName,
                       Map<Long, TableInfo> tablesByOid, Map<Long, List<IndexInfo>> indexesByTable,
                       Map<String, IndexInfo> indexesByName, Map<Long, List<ConstraintInfo>> constraintsByTable,
                       List<ConstraintInfo> constraints, List<SequenceInfo> sequences,
                       Map<Long, List<ConstraintInfo>> foreignKeysByReferencedTable, Inheritance inheritance,
                       java.util.Set<Long> foreignKeyTables) {

    static CatalogContents scan(Snapshot snapshot, HeapRelation classes, HeapRelation attributes,
                                HeapRelation indexes, HeapRelation constraintHeap, HeapRelation sequenceHeap,
                                HeapRelation inheritsHeap) {
        Map<Long, List<ColumnInfo>> columns = new HashMap<>();
        for (Iterator<HeapTuple> it = attributes.scan(snapshot); it.hasNext(); ) {
            Object[] a = CatalogRows.ATTRIBUTE.decode(it.next().payload());
            columns.computeIfAbsent((Long) a[0], k -> new ArrayList<>()).add(CatalogRows.column(a));
        }
        List<TableInfo> tables = new ArrayList<>();
        Map<String, List<TableInfo>> byName = new HashMap<>();
        Map<Long, TableInfo> byOid = new HashMap<>();
        for (Iterator<HeapTuple> it = classes.scan(snapshot); it.hasNext(); ) {
            Object[] c = CatalogRows.CLASS.decode(it.next().payload());
            List<ColumnInfo> cols = new ArrayList<>(columns.getOrDefault((Long) c[0], List.of()));
            cols.sort(Comparator.comparingInt(ColumnInfo::number));
            TableInfo table = CatalogRows.table(c, cols);
            tables.add(table);
            byName.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(table);
            byOid.put(table.oid(), table);
        }
        Map<Long, List<IndexInfo>> indexesByTable = new HashMap<>();
        Map<String, IndexInfo> indexesByName = new HashMap<>();
        for (Iterator<HeapTuple> it = indexes.scan(snapshot); it.hasNext(); ) {
            IndexInfo index = CatalogRows.index(CatalogRows.INDEX.decode(it.next().payload()));
            indexesByTable.computeIfAbsent(index.tableOid(), k -> new ArrayList<>()).add(index);
            indexesByName.put(index.name(), index);
        }
        Map<Long, List<ConstraintInfo>> constraintsByTable = new HashMap<>();
        List<ConstraintInfo> constraints = new ArrayList<>();
        for (Iterator<HeapTuple> it = constraintHeap.scan(snapshot); it.hasNext(); ) {
            ConstraintInfo c = CatalogRows.constraint(CatalogRows.CONSTRAINT.decode(it.next().payload()));
            constraints.add(c);
            constraintsByTable.computeIfAbsent(c.tableOid(), k -> new ArrayList<>()).add(c);
        }
        // PostgreSQL checks CHECK constraints in name order
        constraintsByTable.values().forEach(l -> l.sort(Comparator.comparing(ConstraintInfo::name)));
        List<SequenceInfo> sequences = new ArrayList<>();
        for (Iterator<HeapTuple> it = sequenceHeap.scan(snapshot); it.hasNext(); ) {
            sequences.add(CatalogRows.sequence(CatalogRows.SEQUENCE.decode(it.next().payload())));
        }
        Map<Long, List<ConstraintInfo>> byReferenced = new HashMap<>();
        // either side of a foreign key: every UPDATE, INSERT and DELETE asks whether its table is one
        java.util.Set<Long> foreignKeyTables = new java.util.HashSet<>();
        for (ConstraintInfo c : constraints) {
            if (c.type() == ConstraintInfo.FOREIGN_KEY) {
                byReferenced.computeIfAbsent(c.refTable(), k -> new ArrayList<>()).add(c);
                foreignKeyTables.add(c.refTable());
                foreignKeyTables.add(c.tableOid());
            }
        }
        // shared by every session: nothing handed out may be changed
        byReferenced.replaceAll((k, v) -> List.copyOf(v));
        constraintsByTable.replaceAll((k, v) -> List.copyOf(v));
        // a table's indexes in OID order, as PostgreSQL's RelationGetIndexList (ON CONFLICT arbiters are listed so),
        // not in the catalog heap's physical order, which reused space changes
        indexesByTable.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingLong(IndexInfo::oid)).toList());
        byName.replaceAll((k, v) -> List.copyOf(v));
        return new CatalogContents(List.copyOf(tables), Map.copyOf(byName), Map.copyOf(byOid), Map.copyOf(indexesByTable),
                Map.copyOf(indexesByName), Map.copyOf(constraintsByTable), List.copyOf(constraints),
                List.copyOf(sequences), Map.copyOf(byReferenced), InheritanceRows.scan(snapshot, inheritsHeap),
                java.util.Set.copyOf(foreignKeyTables));
    }

    List<IndexInfo> indexesOf(long tableOid) {
        return indexesByTable.getOrDefault(tableOid, List.of());
    }

    List<ConstraintInfo> constraintsOf(long tableOid) {
        return constraintsByTable.getOrDefault(tableOid, List.of());
    }
}
