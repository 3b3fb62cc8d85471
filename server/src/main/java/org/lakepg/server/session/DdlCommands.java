package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** DDL on the table catalog, in the statement's transaction: the entry points, and CREATE INDEX, CTAS, TRUNCATE, VACUUM. */
final class DdlCommands {
    private final TableCatalog tables;
    private final SessionRelations relations;
    private final Consumer<PgException> notices;
    final SequenceCommands sequences;
    final CreateTableCommand create;
    final AlterTableCommand alter;
    final DropCommand drop;

    DdlCommands(SessionRelations relations, Consumer<PgException> notices) {
        this.relations = relations;
        this.tables = relations.catalog();
        this.notices = notices;
        this.sequences = new SequenceCommands(relations, notices);
        this.create = new CreateTableCommand(relations, notices, sequences);
        this.alter = new AlterTableCommand(relations, notices, create, sequences);
        this.drop = new DropCommand(relations, notices, sequences);
    }

    Execution createIndex(org.lakepg.server.sql.ast.IndexStmt s, DdlContext ctx) {
        return new CreateIndexCommand(relations, notices).run(s, ctx);
    }

    /** CREATE TABLE ... AS / SELECT INTO: a table shaped like the query, filled with its rows. */
    Execution createTableAs(org.lakepg.server.sql.ast.CreateTableAsStmt s, Transaction txn,
                            org.lakepg.server.sql.plan.QueryPlan plan, PgException planningError,
                            java.util.function.Supplier<java.util.Iterator<Object[]>> rows) {
        if (s.objtype().kind() != ObjectType.Kind.TABLE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "materialized views are not supported yet");
        }
        var rel = s.into().rel();
        long namespace = relations.creationNamespace(txn.snapshot(), rel);
        String name = rel.relname();
        if (createTableAsSkipped(s, txn)) {
            return Execution.done("CREATE TABLE AS");
        }
        if (planningError != null && !s.into().skipData()) {
            throw planningError; // PostgreSQL plans the query now; WITH NO DATA it only defines the table
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
        TableInfo table = tables.create(txn, name, namespace, relations.persistence(namespace), columns);
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
     * CREATE TABLE AS's check that its table does not exist yet (CreateTableAsRelExists): true (after a NOTICE)
     * when IF NOT EXISTS skips the statement, an error without it.
     */
    boolean createTableAsSkipped(org.lakepg.server.sql.ast.CreateTableAsStmt s, Transaction txn) {
        var rel = s.into().rel();
        long namespace = relations.creationNamespace(txn.snapshot(), rel);
        if (!relations.relationExists(txn.snapshot(), namespace, rel.relname())) {
            return false;
        }
        if (s.ifNotExists()) {
            notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping",
                    rel.relname()).withSeverity(PgException.Severity.NOTICE));
            return true;
        }
        throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", rel.relname());
    }

    /**
     * TRUNCATE: every row is deleted in the transaction (so it rolls back like any delete); the space
     * comes back through vacuum rather than at once as in PostgreSQL, which swaps in a new file.
     */
    Execution truncate(org.lakepg.server.sql.ast.TruncateStmt s, Transaction txn) {
        List<TableInfo> found = new ArrayList<>();
        var inheritance = tables.inheritance(txn.snapshot());
        for (var r : s.relations()) {
            TableInfo table = relations.requireTable(txn.snapshot(), r);
            if (!r.inh() && inheritance.isPartitioned(table.oid())) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot truncate only a partitioned table")
                        .withHint("Do not specify the ONLY keyword, or use TRUNCATE ONLY on the partitions directly.");
            }
            found.add(table);
            // without ONLY, every inheritor and partition at every level goes too (find_all_inheritors)
            for (long descendant : r.inh() ? inheritance.descendants(table.oid()) : List.<Long>of()) {
                if (found.stream().noneMatch(t -> t.oid() == descendant)) {
                    tables.findByOid(txn.snapshot(), descendant).ifPresent(found::add);
                }
            }
        }
        boolean cascade = s.behavior() != null
                && s.behavior().kind() == org.lakepg.server.sql.ast.DropBehavior.Kind.CASCADE;
        // tables whose foreign keys reference a truncated one must be truncated too (CASCADE adds them)
        for (int i = 0; i < found.size(); i++) {
            // PostgreSQL reports the referencing table with the lowest OID first
            var referencing = tables.referencingForeignKeys(txn.snapshot(), found.get(i).oid()).stream()
                    .sorted(java.util.Comparator.comparingLong(org.lakepg.server.table.ConstraintInfo::tableOid)).toList();
            for (var fk : referencing) {
                if (found.stream().noneMatch(t -> t.oid() == fk.tableOid())) {
                    TableInfo child = tables.findByOid(txn.snapshot(), fk.tableOid()).orElseThrow();
                    if (!cascade) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                "cannot truncate a table referenced in a foreign key constraint")
                                .withDetail("Table \"" + child.name() + "\" references \"" + found.get(i).name() + "\".")
                                .withHint("Truncate table \"" + child.name()
                                        + "\" at the same time, or use TRUNCATE ... CASCADE.");
                    }
                    notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "truncate cascades to table \"%s\"",
                            child.name()).withSeverity(PgException.Severity.NOTICE));
                    found.add(child);
                }
            }
        }
        if (s.restartSeqs()) {
            for (var seq : tables.sequences(txn.snapshot())) {
                if (found.stream().anyMatch(t -> t.oid() == seq.ownedByTable())) {
                    tables.sequence(seq).setval(seq.options().start(), false);
                    relations.sequenceCache.remove(seq.oid());
                }
            }
        }
        for (TableInfo t : found) {
            tables.truncate(txn, t);
        }
        return Execution.done("TRUNCATE TABLE");
    }

    /**
     * VACUUM reclaims dead row versions of the named tables (all tables when none are named).
     * ANALYZE samples their rows for the planner's statistics (TableAnalysis), kept in the statistics catalog.
     */
    private org.lakepg.server.stats.MaintenanceLog maintenance = org.lakepg.server.stats.MaintenanceLog.NONE;

    /**
     * The tables of a VACUUM / ANALYZE without a list, all locked SHARE UPDATE EXCLUSIVE before any is processed (the
     * listed ones were locked before the statement ran: UtilityLocks). A lock that had to wait — for a CREATE INDEX, say — is followed
     * by a new snapshot, so the tables and their indexes are read as that transaction left them; a table it dropped
     * is skipped. PostgreSQL releases each table's lock after it; here they are held to the statement's end.
     */
    private List<TableInfo> lockedForVacuum(List<TableInfo> all, Transaction txn, int pid) {
        boolean waited = false;
        for (TableInfo t : all) {
            waited |= txn.lockRelation(pid, t.oid(), org.lakepg.server.txn.RelationLocks.SHARE_UPDATE_EXCLUSIVE, false,
                    t.name());
        }
        if (!waited) {
            return all;
        }
        txn.retakeStatementSnapshot();
        List<TableInfo> now = new ArrayList<>();
        for (TableInfo t : all) {
            tables.findByOid(txn.snapshot(), t.oid()).ifPresent(now::add);
        }
        return now;
    }

    /** Where VACUUM and ANALYZE report what they processed. */
    void onMaintenance(org.lakepg.server.stats.MaintenanceLog log) {
        this.maintenance = log;
    }

    Execution vacuum(org.lakepg.server.sql.ast.VacuumStmt s, TransactionBlock block, Transaction txn, int pid) {
        String command = s.isVacuumcmd() ? "VACUUM" : "ANALYZE";
        if (s.isVacuumcmd()) {
            block.requireNoBlock("VACUUM");
        }
        List<TableInfo> targets = new ArrayList<>();
        if (s.rels() == null || s.rels().isEmpty()) {
            // other sessions' temporary tables are theirs alone (PostgreSQL's VACUUM skips them too)
            List<TableInfo> all = tables.tables(txn.snapshot()).stream()
                    .filter(t -> t.persistence() != 't' || t.namespace() == relations.tempNamespace()).toList();
            targets.addAll(lockedForVacuum(all, txn, pid));
        } else {
            for (var r : s.rels()) {
                targets.add(relations.requireTable(txn.snapshot(), r.relation()));
            }
        }
        if (s.isVacuumcmd()) {
            for (TableInfo t : targets) {
                // index entries of the removed versions go too, before their line pointers can be reused
                var btrees = tables.indexes(txn.snapshot(), t.oid()).stream().map(tables::btree).toList();
                org.lakepg.server.access.vacuum.Vacuum.run(tables.heap(t), btrees);
                maintenance.vacuumed(t.oid(), tables.heap(t).liveEstimate());
                maintenance.measured(t.oid(), t.columnTypes(), new org.lakepg.server.stats.RelationStatistics(
                        tables.heap(t).liveEstimate(), tables.heap(t).blockCount(), java.util.List.of()));
            }
        }
        if (!s.isVacuumcmd() || s.options() != null && s.options().stream().anyMatch(o -> "analyze".equals(o.defname()))) {
            for (TableInfo t : targets) {
                maintenance.analyzed(t.oid());
                maintenance.measured(t.oid(), t.columnTypes(),
                        org.lakepg.server.table.TableAnalysis.analyze(tables, t, txn.snapshot()));
            }
        }
        if (s.rels() == null || s.rels().isEmpty()) {
            // every table that exists keeps its statistics, other sessions' temporary tables too
            maintenance.onlyTables(tables.tables(txn.snapshot()).stream().map(TableInfo::oid)
                    .collect(java.util.stream.Collectors.toSet()));
        }
        return Execution.done(command);
    }
}
