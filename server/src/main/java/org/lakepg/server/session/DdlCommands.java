package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.TableElement;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE TABLE and DROP TABLE on the table catalog, in the statement's transaction. */
final class DdlCommands {
    private final TableCatalog tables;
    private final Consumer<PgException> notices;

    private final SearchPath searchPath;
    /** Empties a temporary schema a crashed session left behind, before it is reused. */
    private final java.util.function.BiConsumer<Transaction, org.lakepg.server.catalog.objects.SchemaInfo> dropStale;

    DdlCommands(TableCatalog tables, Consumer<PgException> notices, SearchPath searchPath,
                java.util.function.BiConsumer<Transaction, org.lakepg.server.catalog.objects.SchemaInfo> dropStale) {
        this.tables = tables;
        this.notices = notices;
        this.searchPath = searchPath;
        this.dropStale = dropStale;
    }

    Execution createTable(CreateStmt s, Transaction txn, ExpressionAnalyzer types) {
        if (s.inhRelations() != null && !s.inhRelations().isEmpty() || s.partspec() != null || s.partbound() != null
                || s.ofTypename() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "inheritance, partitioning and typed tables are not supported yet");
        }
        if (s.oncommit() != null && (s.oncommit().kind() == org.lakepg.server.sql.ast.OnCommitAction.Kind.DROP
                || s.oncommit().kind() == org.lakepg.server.sql.ast.OnCommitAction.Kind.DELETE_ROWS)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ON COMMIT DROP and DELETE ROWS are not supported yet");
        }
        long namespace = searchPath.creationSchema(txn, s.relation(), dropStale).oid();
        String name = s.relation().relname();
        if (searchPath.relation(txn.snapshot(), namespace, name).isPresent()) {
            if (s.ifNotExists()) {
                notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", name)
                        .withSeverity(PgException.Severity.NOTICE));
                return Execution.done("CREATE TABLE");
            }
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
        List<ColumnInfo> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<KeyConstraint> keys = new ArrayList<>();
        for (TableElement e : s.tableElts()) {
            if (e instanceof Constraint k && (k.contype() == Constraint.ConstrType.PRIMARY
                    || k.contype() == Constraint.ConstrType.UNIQUE)) {
                keys.add(new KeyConstraint(k.conname(), k.keys(), k.contype() == Constraint.ConstrType.PRIMARY));
                continue;
            }
            if (!(e instanceof ColumnDef c)) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "table constraints are not supported yet");
            }
            if (!names.add(c.colname())) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", c.colname());
            }
            boolean notNull = false;
            for (Constraint k : c.constraints() == null ? List.<Constraint>of() : c.constraints()) {
                switch (k.contype()) {
                    case NOTNULL -> notNull = true;
                    case NULL -> notNull = false;
                    case PRIMARY -> {
                        notNull = true;
                        keys.add(new KeyConstraint(k.conname(), List.of(c.colname()), true));
                    }
                    case UNIQUE -> keys.add(new KeyConstraint(k.conname(), List.of(c.colname()), false));
                    default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "column constraint %s is not supported yet", k.contype());
                }
            }
            long[] type = types.resolveType(c.typeName());
            columns.add(new ColumnInfo(c.colname(), (short) (columns.size() + 1), type[0], (int) type[1], notNull));
        }
        if (columns.size() > 1600) {
            throw PgException.of(SqlState.TOO_MANY_COLUMNS, "tables can have at most 1600 columns");
        }
        for (KeyConstraint k : keys) {
            if (k.primary()) {
                for (String column : k.columns()) {
                    for (int i = 0; i < columns.size(); i++) {
                        ColumnInfo ci = columns.get(i);
                        if (ci.name().equals(column)) {
                            columns.set(i, new ColumnInfo(ci.name(), ci.number(), ci.type(), ci.typmod(), true));
                        }
                    }
                }
            }
        }
        if (keys.stream().filter(KeyConstraint::primary).count() > 1) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"%s\" are not allowed", name);
        }
        TableInfo table = tables.create(txn, namespace, name, columns);
        for (KeyConstraint k : keys) {
            addKey(txn, table, k);
        }
        return Execution.done("CREATE TABLE");
    }

    /** A PRIMARY KEY or UNIQUE constraint: a unique index (named as PostgreSQL names it when unnamed). */
    record KeyConstraint(String name, List<String> columns, boolean primary) {}

    private void addKey(Transaction txn, TableInfo table, KeyConstraint k) {
        List<Short> attnums = attnums(table, k.columns());
        String indexName = k.name() != null ? k.name()
                : table.name() + (k.primary() ? "_pkey" : "_" + String.join("_", k.columns()) + "_key");
        if (k.primary()) {
            if (tables.indexes(txn.snapshot(), table.oid()).stream().anyMatch(org.lakepg.server.table.IndexInfo::primary)) {
                throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "multiple primary keys for table \"%s\" are not allowed", table.name());
            }
            for (short a : attnums) {
                ColumnInfo c = table.columns().get(a - 1);
                if (!c.notNull()) {
                    tables.setNotNull(txn, table, a);
                }
            }
        }
        createIndex(txn, table, indexName, attnums, true, k.primary());
    }

    private static List<Short> attnums(TableInfo table, List<String> names) {
        List<Short> out = new ArrayList<>();
        for (String n : names) {
            ColumnInfo c = table.columns().stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow(() ->
                    PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" named in key does not exist", n));
            org.lakepg.server.table.IndexKeys.requireIndexable(c);
            out.add(c.number());
        }
        return out;
    }

    private void createIndex(Transaction txn, TableInfo table, String name, List<Short> attnums, boolean unique,
                             boolean primary) {
        if (tables.find(txn.snapshot(), name).isPresent() || tables.indexNameExists(txn.snapshot(), name)) {
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
        if (primary) {
            // a PRIMARY KEY refuses NULLs already stored
            var codec = new org.lakepg.server.table.RowCodec(table.columnTypes());
            for (var it = tables.heap(table).scan(txn.snapshot()); it.hasNext(); ) {
                Object[] row = codec.decode(it.next().payload());
                for (short a : attnums) {
                    if (row[a - 1] == null) {
                        throw PgException.of(SqlState.NOT_NULL_VIOLATION, "column \"%s\" of relation \"%s\" contains null values",
                                table.columns().get(a - 1).name(), table.name());
                    }
                }
            }
        }
        tables.createIndex(txn, table, name, attnums, unique, primary);
    }

    Execution createIndex(org.lakepg.server.sql.ast.IndexStmt s, Transaction txn) {
        if (s.whereClause() != null || s.indexIncludingParams() != null && !s.indexIncludingParams().isEmpty()
                || s.accessMethod() != null && !s.accessMethod().equals("btree")) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "partial, covering and non-btree indexes are not supported yet");
        }
        TableInfo table = table(txn, s.relation()).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", s.relation().relname()));
        List<String> names = new ArrayList<>();
        for (var e : s.indexParams()) {
            if (e.name() == null) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "expression indexes are not supported yet");
            }
            if (e.ordering() == org.lakepg.server.sql.ast.SortBy.SortDir.DESC
                    || e.nullsOrdering() == org.lakepg.server.sql.ast.SortBy.SortNulls.FIRST) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "DESC and NULLS FIRST index columns are not supported yet");
            }
            names.add(e.name());
        }
        String name = s.idxname() != null ? s.idxname() : table.name() + "_" + String.join("_", names) + "_idx";
        if (s.ifNotExists() && (tables.indexNameExists(txn.snapshot(), name) || tables.find(txn.snapshot(), name).isPresent())) {
            notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", name)
                    .withSeverity(PgException.Severity.NOTICE));
            return Execution.done("CREATE INDEX");
        }
        createIndex(txn, table, name, attnums(table, names), s.unique(), false);
        return Execution.done("CREATE INDEX");
    }

    /** ALTER TABLE: ADD PRIMARY KEY / UNIQUE so far. */
    Execution alterTable(org.lakepg.server.sql.ast.AlterTableStmt s, Transaction txn) {
        if (s.objtype().kind() != ObjectType.Kind.TABLE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER %s is not supported yet", s.objtype().kind());
        }
        var found = table(txn, s.relation());
        if (found.isEmpty()) {
            if (s.missingOk()) {
                notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                        s.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                return Execution.done("ALTER TABLE");
            }
            throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", s.relation().relname());
        }
        for (var cmd : s.cmds()) {
            if (cmd.subtype().kind() == org.lakepg.server.sql.ast.AlterTableType.Kind.ADD_CONSTRAINT
                    && cmd.def() instanceof Constraint k && (k.contype() == Constraint.ConstrType.PRIMARY
                    || k.contype() == Constraint.ConstrType.UNIQUE)) {
                TableInfo table = table(txn, s.relation()).orElseThrow();
                addKey(txn, table, new KeyConstraint(k.conname(), k.keys(), k.contype() == Constraint.ConstrType.PRIMARY));
            } else {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER TABLE %s is not supported yet",
                        cmd.subtype().kind().name().replace('_', ' '));
            }
        }
        return Execution.done("ALTER TABLE");
    }

    /** CREATE TABLE ... AS / SELECT INTO: a table shaped like the query, filled with its rows. */
    Execution createTableAs(org.lakepg.server.sql.ast.CreateTableAsStmt s, Transaction txn,
                            org.lakepg.server.sql.plan.QueryPlan plan, java.util.function.Supplier<java.util.Iterator<Object[]>> rows) {
        if (s.objtype().kind() != ObjectType.Kind.TABLE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "materialized views are not supported yet");
        }
        var rel = s.into().rel();
        String name = rel.relname();
        long namespace = searchPath.creationSchema(txn, rel, dropStale).oid();
        if (searchPath.relation(txn.snapshot(), namespace, name).isPresent()) {
            if (s.ifNotExists()) {
                notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", name)
                        .withSeverity(PgException.Severity.NOTICE));
                return Execution.done("CREATE TABLE AS");
            }
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
        List<String> names = s.into().colNames() == null ? List.of() : s.into().colNames();
        if (names.size() > plan.columns().size()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "too many column names were specified");
        }
        List<ColumnInfo> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.columns().size(); i++) {
            var c = plan.columns().get(i);
            String column = i < names.size() ? names.get(i) : c.name();
            if (!seen.add(column)) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", column);
            }
            columns.add(new ColumnInfo(column, (short) (i + 1), c.type(), c.typmod(), false));
        }
        TableInfo table = tables.create(txn, namespace, name, columns);
        long count = 0;
        if (!s.into().skipData()) {
            var heap = tables.heap(table);
            var codec = new org.lakepg.server.table.RowCodec(table.columnTypes());
            for (var it = rows.get(); it.hasNext(); count++) {
                heap.insert(txn, codec.encode(it.next()));
            }
        }
        return Execution.done(s.isSelectInto() || !s.into().skipData() ? "SELECT " + count : "CREATE TABLE AS");
    }

    /**
     * TRUNCATE: every row is deleted in the transaction (so it rolls back like any delete); the space
     * comes back through vacuum rather than at once as in PostgreSQL, which swaps in a new file.
     */
    Execution truncate(org.lakepg.server.sql.ast.TruncateStmt s, Transaction txn) {
        List<TableInfo> found = new ArrayList<>();
        for (var r : s.relations()) {
            found.add(table(txn, r).orElseThrow(() -> PgException.of(
                    SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", r.relname())));
        }
        for (TableInfo t : found) {
            var heap = tables.heap(t);
            for (var it = heap.scan(txn.snapshot()); it.hasNext(); ) {
                var result = heap.delete(txn, it.next().tid(), org.lakepg.server.txn.WaitPolicy.BLOCK);
                if (result instanceof org.lakepg.server.access.heap.WriteResult.Updated) {
                    throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE,
                            "could not serialize access due to concurrent update");
                }
            }
        }
        return Execution.done("TRUNCATE TABLE");
    }

    /**
     * VACUUM reclaims dead row versions of the named tables (all tables when none are named).
     * ANALYZE checks the tables exist but collects no statistics yet: the planner has none to use.
     */
    Execution vacuum(org.lakepg.server.sql.ast.VacuumStmt s, TransactionBlock block, Transaction txn) {
        String command = s.isVacuumcmd() ? "VACUUM" : "ANALYZE";
        if (s.isVacuumcmd()) {
            block.requireNoBlock("VACUUM");
        }
        List<TableInfo> targets = new ArrayList<>();
        if (s.rels() == null || s.rels().isEmpty()) {
            targets.addAll(tables.tables(txn.snapshot()));
        } else {
            for (var r : s.rels()) {
                targets.add(table(txn, r.relation()).orElseThrow(() -> PgException.of(
                        SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", r.relation().relname())));
            }
        }
        if (s.isVacuumcmd()) {
            for (TableInfo t : targets) {
                // index entries of the removed versions go too, before their line pointers can be reused
                var btrees = tables.indexes(txn.snapshot(), t.oid()).stream().map(tables::btree).toList();
                org.lakepg.server.access.vacuum.Vacuum.run(tables.heap(t), btrees);
            }
        }
        return Execution.done(command);
    }

    Execution drop(DropStmt s, Transaction txn) {
        if (s.removeType().kind() != ObjectType.Kind.TABLE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "DROP %s is not supported yet",
                    s.removeType().kind().name().replace('_', ' '));
        }
        List<TableInfo> found = new ArrayList<>();
        for (Object o : s.objects()) {
            @SuppressWarnings("unchecked")
            List<String> name = (List<String>) o;
            String table = name.get(name.size() - 1);
            var info = searchPath.relation(txn.snapshot(), name).flatMap(r -> r instanceof SearchPath.Relation.Table t
                    ? java.util.Optional.of(t.table()) : java.util.Optional.empty());
            if (info.isEmpty()) {
                if (s.missingOk()) {
                    notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "table \"%s\" does not exist, skipping", table)
                            .withSeverity(PgException.Severity.NOTICE));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_TABLE, "table \"%s\" does not exist", table);
            }
            found.add(info.get());
        }
        for (TableInfo t : found) {
            tables.drop(txn, t);
        }
        return Execution.done("DROP TABLE");
    }

    /** A table named in a statement, looked up along the search path (a view is not one). */
    private java.util.Optional<TableInfo> table(Transaction txn, org.lakepg.server.sql.ast.RangeVar r) {
        List<String> name = r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname());
        return searchPath.relation(txn.snapshot(), name).flatMap(x -> x instanceof SearchPath.Relation.Table t
                ? java.util.Optional.of(t.table()) : java.util.Optional.empty());
    }
}
