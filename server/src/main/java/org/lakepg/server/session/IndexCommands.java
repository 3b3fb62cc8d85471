package org.lakepg.server.session;

import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;

/** ALTER INDEX ... RENAME and REINDEX. */
final class IndexCommands {
    private IndexCommands() {}

    /** Renames an index, and the PRIMARY KEY / UNIQUE constraint it carries with it (as PostgreSQL does). */
    static void rename(TableCatalog catalog, Transaction txn, IndexInfo index, String newName) {
        TableInfo table = catalog.findByOid(txn.snapshot(), index.tableOid()).orElseThrow();
        catalog.updateIndex(txn, table, index.withName(newName));
        for (ConstraintInfo c : catalog.constraints(txn.snapshot(), table.oid())) {
            if (c.indexOid() == index.oid() && c.type() != ConstraintInfo.FOREIGN_KEY) {
                catalog.updateConstraint(txn, c.withName(newName));
            }
        }
    }

    /** REINDEX INDEX / TABLE / SCHEMA / DATABASE / SYSTEM: new B-trees for the indexes named. */
    static Execution reindex(org.lakepg.server.sql.ast.ReindexStmt s, SessionRelations relations, TransactionBlock block,
                             Transaction txn, String database, java.util.function.Consumer<org.lakepg.wire.error.PgException> notices) {
        TableCatalog catalog = relations.catalog();
        var snapshot = txn.snapshot();
        var kind = s.kind() == null ? null : s.kind().kind();
        if (kind == org.lakepg.server.sql.ast.ObjectType.Kind.INDEX) {
            IndexInfo index = catalog.findIndex(snapshot, s.relation().relname()).orElseThrow(() -> {
                if (relations.table(snapshot, s.relation()).isPresent()) {
                    return org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.WRONG_OBJECT_TYPE,
                            "\"%s\" is not an index", s.relation().relname());
                }
                return org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.UNDEFINED_TABLE,
                        "relation \"%s\" does not exist", s.relation().relname());
            });
            catalog.reindex(txn, catalog.findByOid(snapshot, index.tableOid()).orElseThrow(), index);
            return Execution.done("REINDEX");
        }
        if (kind == org.lakepg.server.sql.ast.ObjectType.Kind.TABLE) {
            TableInfo table = relations.requireTable(snapshot, s.relation());
            java.util.List<TableInfo> targets = new java.util.ArrayList<>();
            var inheritance = catalog.inheritance(snapshot);
            if (inheritance.isPartitioned(table.oid())) {
                for (long oid : inheritance.descendants(table.oid())) {
                    catalog.findByOid(snapshot, oid).ifPresent(targets::add);
                }
            } else {
                targets.add(table);
            }
            boolean any = false;
            for (TableInfo t : targets) {
                for (IndexInfo index : catalog.indexes(snapshot, t.oid())) {
                    catalog.reindex(txn, t, index);
                    any = true;
                }
            }
            if (!any && !inheritance.isPartitioned(table.oid())) {
                notices.accept(org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.SUCCESSFUL_COMPLETION,
                        "table \"%s\" has no indexes to reindex", table.name())
                        .withSeverity(org.lakepg.wire.error.PgException.Severity.NOTICE));
            }
            return Execution.done("REINDEX");
        }
        String what = kind == org.lakepg.server.sql.ast.ObjectType.Kind.SCHEMA ? "SCHEMA"
                : kind == org.lakepg.server.sql.ast.ObjectType.Kind.DATABASE ? "DATABASE" : "SYSTEM";
        block.requireNoBlock("REINDEX " + what);
        if (!what.equals("SCHEMA") && s.name() != null && !s.name().equals(database)) {
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                    "can only reindex the currently open database");
        }
        if (what.equals("SYSTEM")) {
            return Execution.done("REINDEX"); // the catalogs are rebuilt from their heaps on every read
        }
        java.util.List<Long> schema = what.equals("SCHEMA") ? relations.searchPath(snapshot, s.name()) : null;
        for (TableInfo t : catalog.tables(snapshot)) {
            if (schema != null && !schema.contains(t.namespace())) {
                continue;
            }
            for (IndexInfo index : catalog.indexes(snapshot, t.oid())) {
                catalog.reindex(txn, t, index);
            }
        }
        return Execution.done("REINDEX");
    }
}
