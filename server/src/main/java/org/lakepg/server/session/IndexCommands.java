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

    /**
     * ALTER INDEX: SET TABLESPACE pg_default, SET/RESET storage options and ALTER COLUMN n SET STATISTICS of an
     * expression column are accepted (lakepg has one tablespace and no per-index options or statistics targets).
     */
    static Execution alter(org.lakepg.server.sql.ast.AlterTableStmt s, SessionRelations relations, Transaction txn,
                           java.util.function.Consumer<org.lakepg.wire.error.PgException> notices) {
        var found = relations.catalog().findIndex(txn.snapshot(), s.relation().relname());
        if (found.isEmpty()) {
            if (s.missingOk()) {
                notices.accept(org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.UNDEFINED_TABLE,
                        "relation \"%s\" does not exist, skipping", s.relation().relname())
                        .withSeverity(org.lakepg.wire.error.PgException.Severity.NOTICE));
                return Execution.done("ALTER INDEX");
            }
            if (relations.table(txn.snapshot(), s.relation()).isPresent()) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.WRONG_OBJECT_TYPE,
                        "\"%s\" is not an index", s.relation().relname());
            }
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.UNDEFINED_TABLE,
                    "relation \"%s\" does not exist", s.relation().relname());
        }
        IndexInfo index = found.get();
        TableInfo table = relations.catalog().findByOid(txn.snapshot(), index.tableOid()).orElseThrow();
        for (var cmd : s.cmds()) {
            switch (cmd.subtype().kind()) {
                case SET_TABLESPACE -> {
                    if (!"pg_default".equals(cmd.name())) {
                        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.UNDEFINED_OBJECT,
                                "tablespace \"%s\" does not exist", cmd.name());
                    }
                }
                case SET_REL_OPTIONS, RESET_REL_OPTIONS -> { }
                case SET_STATISTICS -> {
                    var columns = org.lakepg.server.index.IndexColumns.of(index, table);
                    int n = cmd.num();
                    if (cmd.name() != null) {
                        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                                "cannot refer to index column by name").withHint("Refer to the index column by number instead.");
                    }
                    if (n < 1 || n > columns.size()) {
                        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.UNDEFINED_COLUMN,
                                "column number %d of relation \"%s\" does not exist", n, index.name());
                    }
                    var c = columns.get(n - 1);
                    if (!c.key()) {
                        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                                "cannot alter statistics on included column \"%s\" of index \"%s\"", c.name(), index.name());
                    }
                    if (c.expression() == null) {
                        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                                "cannot alter statistics on non-expression column \"%s\" of index \"%s\"", c.name(),
                                index.name()).withHint("Alter statistics on table column instead.");
                    }
                }
                default -> throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                        "ALTER INDEX ... %s is not supported yet", cmd.subtype().kind().name().replace('_', ' '));
            }
        }
        return Execution.done("ALTER INDEX");
    }

    /** RENAME COLUMN: index expressions and predicates name the column in their text, renamed there too. */
    static void renameColumn(TableCatalog catalog, Transaction txn, TableInfo table, String oldName, String newName) {
        for (IndexInfo index : catalog.indexes(txn.snapshot(), table.oid())) {
            if (index.plain()) {
                continue;
            }
            java.util.List<String> expressions = index.expressions().stream()
                    .map(e -> RenameColumn.in(e, oldName, newName)).toList();
            String predicate = index.predicate() == null ? null : RenameColumn.in(index.predicate(), oldName, newName);
            catalog.updateIndex(txn, table, new IndexInfo(index.oid(), index.name(), index.tableOid(), index.relation(),
                    index.unique(), index.primary(), index.columns(), index.method(), index.include(), expressions,
                    predicate, index.options()));
        }
    }
}
