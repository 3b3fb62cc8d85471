package org.lakepg.server.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.KeyComparator;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.access.sequence.Sequence;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The user tables, indexes, constraints and sequences of the database, kept in heap relations of their own (like
 * pg_class, pg_attribute, pg_index, pg_constraint, pg_sequence), so that DDL is transactional, WAL-logged,
 * branchable and visible at any LSN like every other row. OIDs come from a WAL-logged sequence, as PostgreSQL's
 * OID counter.
 *
 * <p>Reading the catalog heaps for every statement would dominate short transactions, so the decoded catalog is
 * cached: one copy of the latest committed catalog (as PostgreSQL's catalog snapshot, newer than an old
 * transaction snapshot), rebuilt after a transaction that changed the catalog ends. A transaction that changed
 * the catalog itself reads the heaps with its own snapshot, so it sees its uncommitted changes and nobody else does.
 */
public final class TableCatalog {
    /** Relation ids of the catalog's own storage (below ReservedRelations.FIRST_USER_RELATION). */
    public static final int CLASS_RELATION = 3;
    static final int ATTRIBUTE_RELATION = 4;
    static final int OID_SEQUENCE = 5;
    public static final int INDEX_RELATION = 6;
    public static final int CONSTRAINT_RELATION = 12;
    public static final int SEQUENCE_RELATION = 13;
    /** pg_inherits, pg_partitioned_table and relpartbound in one heap. */
    public static final int INHERITS_RELATION = 14;
    /** PostgreSQL's FirstNormalObjectId: user objects start here. */
    static final long FIRST_USER_OID = 16384;
    public static final long PUBLIC_NAMESPACE = 2200;

    private final AccessContext access;
    private final HeapRelation classes;
    private final HeapRelation attributes;
    private final HeapRelation indexes;
    private final HeapRelation constraints;
    private final HeapRelation sequences;
    private final HeapRelation inherits;
    private final Sequence oids;
    private final Map<Integer, HeapRelation> heaps = new HashMap<>();
    private final Map<Integer, BTreeIndex> btrees = new HashMap<>();
    private final Map<Integer, Sequence> sequenceStorage = new HashMap<>();

    private volatile Cached cached;
    private final Set<Transaction> writers = ConcurrentHashMap.newKeySet();

    private record Cached(long version, CatalogContents contents) {}

    /**
     * A writing transaction's own catalog, decoded once per snapshot: what a snapshot sees of the catalog heaps is
     * fixed by its xmin/xmax/running set, command id and the savepoints rolled back, so DDL that reads its catalog
     * many times between two command-counter increments decodes the heaps once, not at every lookup.
     */
    private final Map<Transaction, OwnCached> own = new ConcurrentHashMap<>();

    private record OwnCached(Snapshot snapshot, int savepointRollbacks, CatalogContents contents) {
        boolean sees(Snapshot s) {
            return savepointRollbacks == s.owner().savepointRollbacks() && snapshot.commandId() == s.commandId()
                    && snapshot.xmin() == s.xmin() && snapshot.xmax() == s.xmax()
                    && Arrays.equals(snapshot.running(), s.running());
        }
    }

    /** Relation names (namespace/name) created or taken by a running transaction: others wait for it to end. */
    private final Map<String, Transaction> nameClaims = new ConcurrentHashMap<>();

    private TableCatalog(AccessContext access, HeapRelation classes, HeapRelation attributes, HeapRelation indexes,
                         HeapRelation constraints, HeapRelation sequences, HeapRelation inherits, Sequence oids) {
        this.access = access;
        this.classes = classes;
        this.attributes = attributes;
        this.indexes = indexes;
        this.constraints = constraints;
        this.sequences = sequences;
        this.inherits = inherits;
        this.oids = oids;
    }

    /** Opens the catalog of a database, creating whichever of its relations do not exist yet. */
    public static TableCatalog open(AccessContext access, IntPredicate relationExists) {
        Sequence oids = relationExists.test(OID_SEQUENCE) ? Sequence.open(access, OID_SEQUENCE, "lakepg_oid")
                : Sequence.create(access, OID_SEQUENCE, "lakepg_oid",
                new Sequence.Options(1, FIRST_USER_OID, Long.MAX_VALUE, FIRST_USER_OID, false));
        return new TableCatalog(access, heap(access, relationExists, CLASS_RELATION, "lakepg_class"),
                heap(access, relationExists, ATTRIBUTE_RELATION, "lakepg_attribute"),
                heap(access, relationExists, INDEX_RELATION, "lakepg_index"),
                heap(access, relationExists, CONSTRAINT_RELATION, "lakepg_constraint"),
                heap(access, relationExists, SEQUENCE_RELATION, "lakepg_sequence"),
                heap(access, relationExists, INHERITS_RELATION, "lakepg_inherits"), oids);
    }

    private static HeapRelation heap(AccessContext access, IntPredicate exists, int relation, String name) {
        HeapOptions options = new HeapOptions(100, 0);
        return exists.test(relation) ? HeapRelation.open(access, relation, name, options)
                : HeapRelation.create(access, relation, name, options);
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    /** The catalog as a statement with this snapshot sees it. */
    private CatalogContents contents(Snapshot snapshot) {
        Transaction owner = snapshot.owner();
        if (owner != null && writers.contains(owner)) {
            OwnCached c = own.get(owner);
            if (c != null && c.sees(snapshot)) {
                return c.contents();
            }
            CatalogContents fresh = scan(snapshot);
            own.put(owner, new OwnCached(snapshot, owner.savepointRollbacks(), fresh));
            return fresh;
        }
        // read before the snapshot is taken: a later commit makes this copy stale. The manager's catalog version (it
        // moves for every transaction that changed the catalog, so for every writer here) moves before the ended
        // transaction's relation locks are released, so a statement that waited for a DDL's lock never gets the copy
        // from before that DDL
        long current = access.txns().catalogVersion();
        Cached c = cached;
        if (c != null && c.version() == current) {
            return c.contents();
        }
        Transaction reader = access.txns().begin();
        CatalogContents fresh;
        try {
            fresh = scan(reader.snapshot());
        } finally {
            reader.rollback();
        }
        cached = new Cached(current, fresh);
        return fresh;
    }

    private CatalogContents scan(Snapshot snapshot) {
        return CatalogContents.scan(snapshot, classes, attributes, indexes, constraints, sequences, inherits);
    }

    /** Every table visible to the snapshot. */
    public List<TableInfo> tables(Snapshot snapshot) {
        return contents(snapshot).tables();
    }

    /** A permanent table by name (temporary tables are found through {@link #find(Snapshot, long, String)}). */
    public Optional<TableInfo> find(Snapshot snapshot, String name) {
        return find(snapshot, PUBLIC_NAMESPACE, name);
    }

    public Optional<TableInfo> find(Snapshot snapshot, long namespace, String name) {
        for (TableInfo t : contents(snapshot).tablesByName().getOrDefault(name, List.of())) {
            if (t.namespace() == namespace) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The tables of every schema with this name (name resolution looks them up for every statement). */
    public List<TableInfo> named(Snapshot snapshot, String name) {
        return contents(snapshot).tablesByName().getOrDefault(name, List.of());
    }

    public Optional<TableInfo> findByOid(Snapshot snapshot, long oid) {
        return Optional.ofNullable(contents(snapshot).tablesByOid().get(oid));
    }

    /** The indexes of a table visible to the snapshot. */
    public List<IndexInfo> indexes(Snapshot snapshot, long tableOid) {
        return contents(snapshot).indexesOf(tableOid);
    }

    public Optional<IndexInfo> findIndex(Snapshot snapshot, String name) {
        return Optional.ofNullable(contents(snapshot).indexesByName().get(name));
    }

    /** Every index name visible to the snapshot (index and table names share one namespace). */
    public boolean indexNameExists(Snapshot snapshot, String name) {
        return contents(snapshot).indexesByName().containsKey(name);
    }

    /** True if a table, index or sequence of that name exists in the namespace. */
    public boolean relationNameExists(Snapshot snapshot, long namespace, String name) {
        return find(snapshot, namespace, name).isPresent() || indexNameExists(snapshot, name)
                || findSequence(snapshot, namespace, name).isPresent();
    }

    /** The constraints of a table (CHECK, keys, its foreign keys), in name order. */
    public List<ConstraintInfo> constraints(Snapshot snapshot, long tableOid) {
        return contents(snapshot).constraintsOf(tableOid);
    }

    /** Every constraint of the database. */
    public List<ConstraintInfo> constraints(Snapshot snapshot) {
        return contents(snapshot).constraints();
    }

    /** The foreign keys of other (or the same) tables that reference this table. */
    public List<ConstraintInfo> referencingForeignKeys(Snapshot snapshot, long tableOid) {
        return contents(snapshot).foreignKeysByReferencedTable().getOrDefault(tableOid, List.of());
    }

    /** True if the table has foreign keys or is referenced by one (DML then runs the foreign key checks). */
    public boolean involvedInForeignKeys(Snapshot snapshot, long tableOid) {
        return contents(snapshot).foreignKeyTables().contains(tableOid);
    }

    /** Inheritance links, partition keys and bounds visible to the snapshot. */
    public Inheritance inheritance(Snapshot snapshot) {
        return contents(snapshot).inheritance();
    }

    public List<SequenceInfo> sequences(Snapshot snapshot) {
        return contents(snapshot).sequences();
    }

    public Optional<SequenceInfo> findSequence(Snapshot snapshot, long namespace, String name) {
        return contents(snapshot).sequences().stream()
                .filter(s -> s.name().equals(name) && s.namespace() == namespace).findFirst();
    }

    public Optional<SequenceInfo> findSequence(Snapshot snapshot, long oid) {
        return contents(snapshot).sequences().stream().filter(s -> s.oid() == oid).findFirst();
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    /** From now on this transaction reads its own catalog; when it ends, everyone's cached copy is stale. */
    private void changing(Transaction txn) {
        txn.markCatalogChange();
        if (writers.add(txn)) {
            txn.onEnd().whenComplete((ok, error) -> {
                writers.remove(txn);
                own.remove(txn);
            });
        }
    }

    /**
     * Claims a relation name for a transaction, as PostgreSQL's unique index on pg_class does: a second
     * transaction creating the same name waits until the first ends, then fails if it committed.
     */
    private void claimName(Transaction txn, long namespace, String name) {
        String key = namespace + "/" + name;
        while (true) {
            Transaction owner = nameClaims.putIfAbsent(key, txn);
            if (owner == null) {
                txn.onEnd().whenComplete((ok, error) -> nameClaims.remove(key, txn));
                return;
            }
            if (owner == txn) {
                return;
            }
            owner.onEnd().join();
            nameClaims.remove(key, owner);
            Transaction reader = access.txns().begin();
            try {
                Snapshot latest = reader.snapshot();
                CatalogContents now = scan(latest);
                boolean taken = now.tablesByName().getOrDefault(name, List.of()).stream()
                        .anyMatch(t -> t.namespace() == namespace) || now.indexesByName().containsKey(name)
                        || now.sequences().stream().anyMatch(q -> q.name().equals(name) && q.namespace() == namespace);
                if (taken) {
                    throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
                }
            } finally {
                reader.rollback();
            }
        }
    }

    /** A fresh OID (also used as relation number). */
    public long newOid() {
        return oids.nextval();
    }

    /** CREATE TABLE in the public schema. */
    public TableInfo create(Transaction txn, String name, List<ColumnInfo> columns) {
        return create(txn, name, PUBLIC_NAMESPACE, 'p', columns);
    }

    /** CREATE TABLE of a permanent table in a schema. */
    public TableInfo create(Transaction txn, long namespace, String name, List<ColumnInfo> columns) {
        return create(txn, name, namespace, 'p', columns);
    }

    /** CREATE TABLE: catalog rows in the transaction, storage for the rows right away. */
    public TableInfo create(Transaction txn, String name, long namespace, char persistence, List<ColumnInfo> columns) {
        claimName(txn, namespace, name);
        changing(txn);
        long oid = oids.nextval();
        int relation = Math.toIntExact(oid);
        // PostgreSQL's order: the relation, the array type of its row type (int8_tbl[]), the row type, its TOAST table
        long arrayType = oids.nextval();
        long rowType = oids.nextval();
        int toast = Math.toIntExact(oids.nextval());
        TableInfo table = new TableInfo(oid, name, namespace, relation, toast, columns, persistence, List.of(), arrayType,
                List.of(), rowType);
        classes.insert(txn, CatalogRows.CLASS.encode(CatalogRows.classRow(table)));
        for (ColumnInfo c : columns) {
            attributes.insert(txn, CatalogRows.ATTRIBUTE.encode(CatalogRows.attributeRow(oid, c)));
        }
        HeapRelation heap = HeapRelation.create(access, relation, name, HeapOptions.defaults(toast));
        synchronized (heaps) {
            heaps.put(relation, heap);
        }
        txn.commandCounterIncrement();
        return table;
    }

    /** DROP TABLE: the catalog rows are deleted in the transaction; the rows' storage stays until vacuum (not yet). */
    public void drop(Transaction txn, TableInfo table) {
        changing(txn);
        deleteWhere(txn, classes, CatalogRows.CLASS, row -> row[0].equals(table.oid()));
        deleteWhere(txn, attributes, CatalogRows.ATTRIBUTE, row -> row[0].equals(table.oid()));
        deleteWhere(txn, indexes, CatalogRows.INDEX, row -> row[2].equals(table.oid()));
        deleteWhere(txn, constraints, CatalogRows.CONSTRAINT, row -> row[2].equals(table.oid()));
        dropInheritance(txn, table.oid());
    }

    /** RENAME TO of a table. */
    public void renameTable(Transaction txn, TableInfo table, String newName) {
        claimName(txn, table.namespace(), newName);
        changing(txn);
        updateWhere(txn, classes, CatalogRows.CLASS, row -> row[0].equals(table.oid()), row -> {
            row[1] = newName;
            return row;
        });
    }

    /** ALTER TABLE ... SET/RESET (storage parameters): the table's reloptions as {@code change} makes them. */
    public void changeOptions(Transaction txn, TableInfo table, UnaryOperator<List<String>> change) {
        changing(txn);
        updateWhere(txn, classes, CatalogRows.CLASS, row -> row[0].equals(table.oid()), row -> {
            TableInfo current = CatalogRows.table(row, table.columns());
            return CatalogRows.classRow(current.withOptions(change.apply(current.options())));
        });
    }

    /** ALTER TABLE ... SET SCHEMA: the table moves (its indexes go with it; owned sequences are moved by the caller). */
    public void setNamespace(Transaction txn, TableInfo table, long namespace) {
        claimName(txn, namespace, table.name());
        changing(txn);
        updateWhere(txn, classes, CatalogRows.CLASS, row -> row[0].equals(table.oid()), row -> {
            row[2] = namespace;
            return row;
        });
        txn.commandCounterIncrement();
    }

    /** Changes one column's catalog row (rename, NOT NULL, default, identity). */
    public void updateColumn(Transaction txn, TableInfo table, short attnum, UnaryOperator<ColumnInfo> change) {
        changing(txn);
        updateWhere(txn, attributes, CatalogRows.ATTRIBUTE, a -> a[0].equals(table.oid()) && a[1].equals(attnum),
                a -> CatalogRows.attributeRow(table.oid(), change.apply(CatalogRows.column(a))));
    }

    /** Marks a column NOT NULL (in the transaction), as ALTER TABLE ADD PRIMARY KEY does. */
    public void setNotNull(Transaction txn, TableInfo table, short attnum) {
        updateColumn(txn, table, attnum, c -> c.withNotNull(true));
    }

    /** ADD COLUMN without rewriting: rows stored before read NULL for it. */
    public void addColumn(Transaction txn, TableInfo table, ColumnInfo column) {
        changing(txn);
        attributes.insert(txn, CatalogRows.ATTRIBUTE.encode(CatalogRows.attributeRow(table.oid(), column)));
        txn.commandCounterIncrement();
    }

    /**
     * Rewrites a table into new storage, as PostgreSQL does for DROP COLUMN here and ALTER COLUMN TYPE: the rows
     * (mapped to the new columns) go to a new heap, indexes are rebuilt with their attnums renumbered by
     * {@code attnumMap} (old attnum → new; indexes and constraints on a column missing from it are dropped), and
     * the catalog points at the new storage in the transaction, so a rollback keeps the old one.
     */
    public TableInfo rewrite(Transaction txn, TableInfo table, List<ColumnInfo> newColumns,
                             UnaryOperator<Object[]> rowMapper, Map<Short, Short> attnumMap) {
        changing(txn);
        int relation = Math.toIntExact(oids.nextval());
        int toast = Math.toIntExact(oids.nextval());
        TableInfo rewritten = new TableInfo(table.oid(), table.name(), table.namespace(), relation, toast, newColumns,
                table.persistence(), table.options(), table.arrayType(), table.droppedAttnums(), table.rowType());
        HeapRelation heap = HeapRelation.create(access, relation, table.name(), HeapOptions.defaults(toast));
        synchronized (heaps) {
            heaps.put(relation, heap);
        }
        RowCodec oldCodec = new RowCodec(table.columnTypes());
        RowCodec newCodec = new RowCodec(rewritten.columnTypes());
        List<Object[]> rows = new ArrayList<>();
        for (Iterator<HeapTuple> it = heap(table).scan(txn.snapshot()); it.hasNext(); ) {
            rows.add(rowMapper.apply(oldCodec.decode(it.next().payload())));
        }
        updateWhere(txn, classes, CatalogRows.CLASS, row -> row[0].equals(table.oid()),
                row -> CatalogRows.classRow(rewritten));
        deleteWhere(txn, attributes, CatalogRows.ATTRIBUTE, row -> row[0].equals(table.oid()));
        for (ColumnInfo c : newColumns) {
            attributes.insert(txn, CatalogRows.ATTRIBUTE.encode(CatalogRows.attributeRow(table.oid(), c)));
        }
        List<IndexInfo> rebuilt = new ArrayList<>();
        for (IndexInfo index : indexes(txn.snapshot(), table.oid())) {
            deleteWhere(txn, indexes, CatalogRows.INDEX, row -> row[0].equals(index.oid()));
            List<Short> columns = renumber(index.columns(), attnumMap);
            List<Short> include = renumber(index.include(), attnumMap);
            IndexInfo moved = columns == null || include == null ? null
                    : index.withRelation(Math.toIntExact(oids.nextval()), columns, include);
            if (moved != null && bindsOver(moved, rewritten)) {
                indexes.insert(txn, CatalogRows.INDEX.encode(CatalogRows.indexRow(moved)));
                createBtree(moved);
                rebuilt.add(moved);
            }
        }
        for (ConstraintInfo c : constraints(txn.snapshot(), table.oid())) {
            List<Short> columns = renumber(c.columns(), attnumMap);
            deleteWhere(txn, constraints, CatalogRows.CONSTRAINT, row -> row[0].equals(c.oid()));
            if (columns != null) {
                constraints.insert(txn, CatalogRows.CONSTRAINT.encode(CatalogRows.constraintRow(
                        c.withColumns(columns, c.refColumns()))));
            }
        }
        for (ConstraintInfo fk : referencingForeignKeys(txn.snapshot(), table.oid())) {
            if (fk.tableOid() == table.oid()) {
                continue; // self-references were renumbered above
            }
            List<Short> columns = renumber(fk.refColumns(), attnumMap);
            deleteWhere(txn, constraints, CatalogRows.CONSTRAINT, row -> row[0].equals(fk.oid()));
            if (columns != null) {
                constraints.insert(txn, CatalogRows.CONSTRAINT.encode(CatalogRows.constraintRow(
                        fk.withColumns(fk.columns(), columns))));
            }
        }
        var partitionKey = inheritance(txn.snapshot()).key(table.oid());
        if (partitionKey.isPresent()) {
            // the key names its columns by attnum: they follow their renumbered columns (a key column is never dropped)
            PartitionKey key = partitionKey.get();
            List<Short> keyColumns = new ArrayList<>();
            for (short a : key.columns()) {
                keyColumns.add(a == 0 ? 0 : attnumMap.getOrDefault(a, a));
            }
            deleteWhere(txn, inherits, InheritanceRows.CODEC, r -> ((String) r[0]).charAt(0) == InheritanceRows.KEY
                    && r[1].equals(table.oid()));
            inherits.insert(txn, InheritanceRows.CODEC.encode(InheritanceRows.key(table.oid(),
                    new PartitionKey(key.strategy(), keyColumns, key.expressions(), key.opclasses()))));
        }
        txn.commandCounterIncrement();
        for (Object[] row : rows) {
            insertRow(txn, rewritten, rebuilt, newCodec, row);
        }
        txn.commandCounterIncrement();
        return rewritten;
    }

    /** Whether an index's expressions and predicate still bind over the rewritten table (else it goes, as in PG). */
    private static boolean bindsOver(IndexInfo index, TableInfo rewritten) {
        if (index.plain()) {
            return true;
        }
        try {
            org.lakepg.server.index.IndexExpressions.of(index, rewritten);
            return true;
        } catch (PgException e) {
            return false;
        }
    }

    private static List<Short> renumber(List<Short> columns, Map<Short, Short> attnumMap) {
        List<Short> out = new ArrayList<>();
        for (short c : columns) {
            Short to = c == 0 ? Short.valueOf((short) 0) : attnumMap.get(c);
            if (to == null) {
                return null;
            }
            out.add(to);
        }
        return out;
    }

    /** CREATE INDEX: the catalog row in the transaction, the B-tree built from the rows the transaction sees. */
    public IndexInfo createIndex(Transaction txn, TableInfo table, String name, List<Short> columns, boolean unique,
                                 boolean primary) {
        return createIndex(txn, table, new IndexInfo(0, name, table.oid(), 0, unique, primary, columns));
    }

    /**
     * CREATE INDEX of any shape ({@code shape}'s OID and relation are assigned here): the catalog row in the
     * transaction, the B-tree built from the rows the transaction sees that the index covers.
     */
    public IndexInfo createIndex(Transaction txn, TableInfo table, IndexInfo shape) {
        String name = shape.name();
        claimName(txn, table.namespace(), name);
        changing(txn);
        long oid = oids.nextval();
        IndexInfo index = new IndexInfo(oid, name, table.oid(), Math.toIntExact(oid), shape.unique(), shape.primary(),
                shape.columns(), shape.method(), shape.include(), shape.expressions(), shape.predicate(), shape.options());
        indexes.insert(txn, CatalogRows.INDEX.encode(CatalogRows.indexRow(index)));
        fill(txn, table, index, createBtree(index));
        return index;
    }

    /**
     * TRUNCATE: the table, its out-of-line store and its indexes get new, empty storage in the transaction (as
     * PostgreSQL's new relfilenodes), so nothing of the old rows stays behind; a rollback keeps the old storage.
     */
    public void truncate(Transaction txn, TableInfo table) {
        changing(txn);
        int relation = Math.toIntExact(oids.nextval());
        int toast = Math.toIntExact(oids.nextval());
        HeapRelation heap = HeapRelation.create(access, relation, table.name(), HeapOptions.defaults(toast));
        synchronized (heaps) {
            heaps.put(relation, heap);
        }
        updateWhere(txn, classes, CatalogRows.CLASS, row -> row[0].equals(table.oid()), row -> {
            row[3] = relation;
            row[4] = toast;
            return row;
        });
        for (IndexInfo index : indexes(txn.snapshot(), table.oid())) {
            IndexInfo emptied = index.withRelation(Math.toIntExact(oids.nextval()), index.columns(), index.include());
            updateWhere(txn, indexes, CatalogRows.INDEX, row -> row[0].equals(index.oid()),
                    row -> CatalogRows.indexRow(emptied));
            createBtree(emptied);
        }
        txn.commandCounterIncrement();
    }

    /** REINDEX: the index gets a new B-tree, built again from the table's rows, in the transaction. */
    public IndexInfo reindex(Transaction txn, TableInfo table, IndexInfo index) {
        changing(txn);
        IndexInfo rebuilt = index.withRelation(Math.toIntExact(oids.nextval()), index.columns(), index.include());
        updateWhere(txn, indexes, CatalogRows.INDEX, row -> row[0].equals(index.oid()), row -> CatalogRows.indexRow(rebuilt));
        fill(txn, table, rebuilt, createBtree(rebuilt));
        return rebuilt;
    }

    /** Enters the rows the transaction sees that the index covers (unique indexes check them). */
    private void fill(Transaction txn, TableInfo table, IndexInfo index, BTreeIndex btree) {
        new IndexBuild(this, table, index, btree).run(txn);
    }

    private BTreeIndex createBtree(IndexInfo index) {
        BTreeIndex btree = BTreeIndex.create(access, index.relation(), index.name(), KeyComparator.BYTEWISE);
        synchronized (btrees) {
            btrees.put(index.relation(), btree);
        }
        return btree;
    }

    /** Changes an index's catalog row: ADD CONSTRAINT ... USING INDEX makes it the key, under the constraint's name. */
    public void updateIndex(Transaction txn, TableInfo table, IndexInfo index) {
        claimName(txn, table.namespace(), index.name());
        changing(txn);
        updateWhere(txn, indexes, CatalogRows.INDEX, row -> row[0].equals(index.oid()), row -> CatalogRows.indexRow(index));
        txn.commandCounterIncrement();
    }

    public void dropIndex(Transaction txn, IndexInfo index) {
        changing(txn);
        deleteWhere(txn, indexes, CatalogRows.INDEX, row -> row[0].equals(index.oid()));
    }

    /** Adds a constraint row; its OID is assigned here. */
    public ConstraintInfo addConstraint(Transaction txn, ConstraintInfo constraint) {
        changing(txn);
        ConstraintInfo stored = constraint.withOid(oids.nextval());
        constraints.insert(txn, CatalogRows.CONSTRAINT.encode(CatalogRows.constraintRow(stored)));
        txn.commandCounterIncrement();
        return stored;
    }

    public void dropConstraint(Transaction txn, ConstraintInfo constraint) {
        changing(txn);
        deleteWhere(txn, constraints, CatalogRows.CONSTRAINT, row -> row[0].equals(constraint.oid()));
    }

    public void updateConstraint(Transaction txn, ConstraintInfo constraint) {
        changing(txn);
        updateWhere(txn, constraints, CatalogRows.CONSTRAINT, row -> row[0].equals(constraint.oid()),
                row -> CatalogRows.constraintRow(constraint));
    }

    /** Makes {@code child} inherit from {@code parent} (a partition when {@code bound} is set). */
    public void addInherits(Transaction txn, long child, long parent, int seqno, PartitionBound bound) {
        changing(txn);
        inherits.insert(txn, InheritanceRows.CODEC.encode(InheritanceRows.link(child, parent, seqno, bound)));
        txn.commandCounterIncrement();
    }

    /** NO INHERIT / DETACH PARTITION: the link between the two goes. */
    public void removeInherits(Transaction txn, long child, long parent) {
        changing(txn);
        deleteWhere(txn, inherits, InheritanceRows.CODEC, r -> ((String) r[0]).charAt(0) == InheritanceRows.LINK
                && r[1].equals(child) && r[2].equals(parent));
    }

    /** PARTITION BY of CREATE TABLE: the table is partitioned with this key. */
    public void setPartitionKey(Transaction txn, long table, PartitionKey key) {
        changing(txn);
        inherits.insert(txn, InheritanceRows.CODEC.encode(InheritanceRows.key(table, key)));
        txn.commandCounterIncrement();
    }

    /** Everything relation 14 says about a dropped table (as parent, child or partitioned table). */
    private void dropInheritance(Transaction txn, long table) {
        deleteWhere(txn, inherits, InheritanceRows.CODEC, r -> r[1].equals(table) || r[2].equals(table));
    }

    /** CREATE SEQUENCE: the catalog row in the transaction, the sequence's page right away. */
    public SequenceInfo createSequence(Transaction txn, String name, long namespace, long type,
                                       Sequence.Options options, long cache, char persistence) {
        claimName(txn, namespace, name);
        changing(txn);
        long oid = oids.nextval();
        SequenceInfo info = new SequenceInfo(oid, name, namespace, Math.toIntExact(oid), type, options, cache, 0,
                (short) 0, persistence);
        sequences.insert(txn, CatalogRows.SEQUENCE.encode(CatalogRows.sequenceRow(info)));
        Sequence storage = Sequence.create(access, info.relation(), name, options);
        synchronized (sequenceStorage) {
            sequenceStorage.put(info.relation(), storage);
        }
        txn.commandCounterIncrement();
        return info;
    }

    public void updateSequence(Transaction txn, SequenceInfo sequence) {
        changing(txn);
        updateWhere(txn, sequences, CatalogRows.SEQUENCE, row -> row[0].equals(sequence.oid()),
                row -> CatalogRows.sequenceRow(sequence));
    }

    public void dropSequence(Transaction txn, SequenceInfo sequence) {
        changing(txn);
        deleteWhere(txn, sequences, CatalogRows.SEQUENCE, row -> row[0].equals(sequence.oid()));
    }

    /** The storage (current value) of a sequence. */
    public Sequence sequence(SequenceInfo info) {
        synchronized (sequenceStorage) {
            return sequenceStorage.computeIfAbsent(info.relation(), r -> Sequence.open(access, r, info.name()));
        }
    }

    /** ALTER SEQUENCE with new options: new storage (the catalog row points at it in the transaction). */
    public SequenceInfo replaceSequenceStorage(Transaction txn, SequenceInfo info, long type, Sequence.Options options,
                                               long cache, long last, boolean called) {
        changing(txn);
        SequenceInfo replaced = new SequenceInfo(info.oid(), info.name(), info.namespace(),
                Math.toIntExact(oids.nextval()), type, options, cache, info.ownedByTable(), info.ownedByColumn(),
                info.persistence());
        Sequence storage = Sequence.create(access, replaced.relation(), info.name(), options);
        storage.setval(last, called);
        synchronized (sequenceStorage) {
            sequenceStorage.put(replaced.relation(), storage);
        }
        updateWhere(txn, sequences, CatalogRows.SEQUENCE, row -> row[0].equals(info.oid()),
                row -> CatalogRows.sequenceRow(replaced));
        return replaced;
    }

    private static void deleteWhere(Transaction txn, HeapRelation heap, RowCodec codec, Predicate<Object[]> match) {
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            if (match.test(codec.decode(t.payload()))) {
                requireOk(heap.delete(txn, t.tid(), WaitPolicy.BLOCK));
            }
        }
        txn.commandCounterIncrement();
    }

    private static void updateWhere(Transaction txn, HeapRelation heap, RowCodec codec, Predicate<Object[]> match,
                                    UnaryOperator<Object[]> change) {
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            Object[] row = codec.decode(t.payload());
            if (match.test(row)) {
                requireOk(heap.update(txn, t.tid(), codec.encode(change.apply(row)), true, WaitPolicy.BLOCK));
            }
        }
        txn.commandCounterIncrement();
    }

    private static void requireOk(WriteResult result) {
        if (!(result instanceof WriteResult.Ok)) {
            throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "tuple concurrently updated");
        }
    }

    // ---- rows --------------------------------------------------------------------------------------------------

    /**
     * How a unique index checks a new row: null for non-unique indexes and for keys with a NULL
     * (NULLs are distinct, as in PostgreSQL); the detail names the key as PostgreSQL does.
     */
    public org.lakepg.server.access.btree.UniqueCheck uniqueCheck(IndexInfo index, TableInfo table, Object[] row) {
        if (!index.unique() || IndexKeys.hasNull(index, table, row)) {
            return null;
        }
        return new org.lakepg.server.access.btree.UniqueCheck(index.name(), heap(table),
                () -> "Key " + IndexKeys.detail(index, table, row) + " already exists.",
                // the codec is made only when a conflict is looked at: building it for every checked row cost more
                // than the check
                index.partial() ? payload -> IndexKeys.ofCovered(index, table, new RowCodec(table.columnTypes()).decode(payload))
                        : payload -> IndexKeys.of(index, table, new RowCodec(table.columnTypes()).decode(payload)));
    }


    /** Inserts a row and its index entries (unique indexes check it). */
    public org.lakepg.server.access.heap.Tid insertRow(Transaction txn, TableInfo table, List<IndexInfo> tableIndexes,
                                                      RowCodec codec, Object[] row) {
        var tid = heap(table).insert(txn, codec.encode(row));
        indexRow(txn, table, tableIndexes, row, tid);
        return tid;
    }

    /** Inserts rows that come in bulk (COPY FROM): the heap fills a page at a time, then the index entries follow. */
    public List<org.lakepg.server.access.heap.Tid> insertRows(Transaction txn, TableInfo table,
                                                              List<IndexInfo> tableIndexes, RowCodec codec,
                                                              List<Object[]> rows) {
        List<byte[]> payloads = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            payloads.add(codec.encode(row));
        }
        var tids = heap(table).insertAll(txn, payloads);
        if (tableIndexes.size() == 1) {
            // one index: its entries in row order are the order of one-by-one inserts, so they may share leaves
            IndexInfo index = tableIndexes.getFirst();
            List<org.lakepg.server.access.btree.BTreeIndex.NewEntry> entries = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                addEntries(entries, index, table, rows.get(i), tids.get(i));
            }
            btree(index).insertAll(txn, entries);
        } else if (!tableIndexes.isEmpty()) {
            for (int i = 0; i < rows.size(); i++) {
                indexRow(txn, table, tableIndexes, rows.get(i), tids.get(i));
            }
        }
        return tids;
    }

    /** Index entries for a row version. */
    public void indexRow(Transaction txn, TableInfo table, List<IndexInfo> tableIndexes, Object[] row,
                         org.lakepg.server.access.heap.Tid tid) {
        for (IndexInfo index : tableIndexes) {
            List<org.lakepg.server.access.btree.BTreeIndex.NewEntry> entries = new ArrayList<>(1);
            addEntries(entries, index, table, row, tid);
            btree(index).insertAll(txn, entries);
        }
    }

    /** The entries a row version has in an index (none if a partial index leaves it out), with their unique check. */
    private void addEntries(List<org.lakepg.server.access.btree.BTreeIndex.NewEntry> out, IndexInfo index,
                            TableInfo table, Object[] row, org.lakepg.server.access.heap.Tid tid) {
        if (IndexKeys.covered(index, table, row)) {
            var unique = uniqueCheck(index, table, row);
            for (byte[] key : IndexKeys.entries(index, table, row)) {
                out.add(new org.lakepg.server.access.btree.BTreeIndex.NewEntry(key, tid, unique));
            }
        }
    }

    public BTreeIndex btree(IndexInfo index) {
        synchronized (btrees) {
            return btrees.computeIfAbsent(index.relation(), r -> BTreeIndex.open(access, r, index.name(),
                    KeyComparator.BYTEWISE));
        }
    }

    /** The heap holding a table's rows. */
    public HeapRelation heap(TableInfo table) {
        HeapRelation heap;
        synchronized (heaps) {
            heap = heaps.computeIfAbsent(table.relation(),
                    r -> HeapRelation.open(access, r, table.name(), HeapOptions.defaults(table.toastRelation())));
        }
        // the catalog version the caller sees decides; the threshold only shapes the physical layout
        heap.toastTupleTarget(table.toastTupleTarget());
        return heap;
    }
}
