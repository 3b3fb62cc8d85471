package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.sql.analyzer.IndexExpressionBinder;
import org.lakepg.server.sql.ast.IndexElem;
import org.lakepg.server.sql.ast.IndexStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.deparse.ExpressionDeparser;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.IndexKeys;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE INDEX: key columns and expressions, INCLUDE columns, a WHERE predicate, the btree and hash access
 * methods (both stored as a B-tree), names chosen as PostgreSQL's ChooseIndexName does, and one index per
 * partition of a partitioned table.
 */
final class CreateIndexCommand {
    private final SessionRelations relations;
    private final TableCatalog tables;
    private final Consumer<PgException> notices;

    CreateIndexCommand(SessionRelations relations, Consumer<PgException> notices) {
        this.relations = relations;
        this.tables = relations.catalog();
        this.notices = notices;
    }

    Execution run(IndexStmt s, DdlContext ctx) {
        var snapshot = ctx.txn().snapshot();
        TableInfo table = relations.requireTable(snapshot, s.relation());
        String method = accessMethod(s);
        if (s.idxname() != null && s.ifNotExists() && relations.relationExists(snapshot, table.namespace(), s.idxname())) {
            notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping",
                    s.idxname()).withSeverity(PgException.Severity.NOTICE));
            return Execution.done("CREATE INDEX");
        }
        IndexInfo shape = shape(s, table, method, ctx);
        String name = s.idxname() != null ? s.idxname() : chooseName(snapshot, table, s);
        create(ctx, table, shape.withName(name));
        // an index of a partitioned table is one per partition, named after each (unless ONLY)
        if (s.relation().inh()) {
            var inheritance = tables.inheritance(snapshot);
            if (inheritance.isPartitioned(table.oid())) {
                for (long oid : inheritance.descendants(table.oid())) {
                    TableInfo partition = tables.findByOid(ctx.txn().snapshot(), oid).orElseThrow();
                    IndexInfo partitionShape = shape(s, partition, method, ctx);
                    create(ctx, partition, partitionShape.withName(chooseName(ctx.txn().snapshot(), partition, s)));
                }
            }
        }
        return Execution.done("CREATE INDEX");
    }

    private void create(DdlContext ctx, TableInfo table, IndexInfo index) {
        if (relations.relationExists(ctx.txn().snapshot(), table.namespace(), index.name())) {
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", index.name());
        }
        tables.createIndex(ctx.txn(), table, index);
    }

    private static String accessMethod(IndexStmt s) {
        String method = s.accessMethod() == null ? IndexInfo.BTREE : s.accessMethod();
        switch (method) {
            case "btree" -> { }
            case "hash" -> {
                if (s.unique()) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "access method \"hash\" does not support unique indexes");
                }
                if (s.indexParams().size() > 1) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "access method \"hash\" does not support multicolumn indexes");
                }
                if (s.indexIncludingParams() != null && !s.indexIncludingParams().isEmpty()) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "access method \"hash\" does not support included columns");
                }
            }
            case "gin" -> {
                if (s.unique()) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "access method \"gin\" does not support unique indexes");
                }
                if (s.indexIncludingParams() != null && !s.indexIncludingParams().isEmpty()) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "access method \"gin\" does not support included columns");
                }
            }
            case "gist", "spgist", "brin" -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "%s indexes are not supported yet", method);
            default -> throw PgException.of(SqlState.UNDEFINED_OBJECT, "access method \"%s\" does not exist", method);
        }
        return method;
    }

    /** The index's columns, expressions and predicate over {@code table} (its name is chosen later). */
    private IndexInfo shape(IndexStmt s, TableInfo table, String method, DdlContext ctx) {
        ExpressionDeparser deparser = new ExpressionDeparser(table.columns().stream().map(ColumnInfo::name).toList(),
                ctx.catalog(), WireTypeIO.INSTANCE, ctx.exec());
        List<Short> columns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<Short> options = new ArrayList<>();
        boolean gin = IndexInfo.GIN.equals(method);
        for (IndexElem e : s.indexParams()) {
            short option = option(e, method);
            if (e.name() != null) {
                ColumnInfo c = column(table, e.name(), gin);
                options.add(gin ? GinOpclasses.option(e, c.type(), ctx.catalog()) : option);
                columns.add(c.number());
                continue;
            }
            BoundExpr bound = IndexExpressionBinder.keyExpression(ctx.types(), table, e.expr());
            BoundExpr unwrapped = bound instanceof RelabelType r ? r.argument() : bound;
            options.add(gin ? GinOpclasses.option(e, bound.type(), ctx.catalog()) : option);
            if (unwrapped instanceof InputRef in) {
                // (a) is just the column a
                ColumnInfo c = table.columns().get(in.index());
                if (!gin) {
                    IndexKeys.requireIndexable(c);
                }
                columns.add(c.number());
                continue;
            }
            if (!gin && !IndexKeys.indexableType(bound.type())) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "index expressions of type %s are not supported yet",
                        org.lakepg.server.sql.analyzer.TypeNames.format(ctx.catalog(), bound.type()));
            }
            columns.add((short) 0);
            expressions.add(deparser.deparse(bound));
        }
        List<Short> include = new ArrayList<>();
        if (s.indexIncludingParams() != null) {
            for (IndexElem e : s.indexIncludingParams()) {
                if (e.name() == null) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "expressions are not supported in included columns");
                }
                include.add(column(table, e.name(), true).number());
            }
        }
        String predicate = null;
        if (s.whereClause() != null) {
            predicate = deparser.deparse(IndexExpressionBinder.predicate(ctx.types(), table, s.whereClause()));
        }
        return new IndexInfo(0, "", table.oid(), 0, s.unique(), false, columns, method, include, expressions, predicate,
                options);
    }

    /** pg_index.indoption of a key column: DESC (with NULLS FIRST unless NULLS LAST), NULLS FIRST. */
    private static short option(IndexElem e, String method) {
        boolean desc = e.ordering() == SortBy.SortDir.DESC;
        boolean ordered = e.ordering() != null && e.ordering() != SortBy.SortDir.DEFAULT
                || e.nullsOrdering() != null && e.nullsOrdering() != SortBy.SortNulls.DEFAULT;
        if (ordered && !method.equals(IndexInfo.BTREE)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "access method \"%s\" does not support ASC/DESC options",
                    method);
        }
        if (e.ordering() == SortBy.SortDir.USING) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "index columns ordered USING an operator are not supported yet");
        }
        boolean nullsFirst = e.nullsOrdering() == SortBy.SortNulls.FIRST
                || desc && e.nullsOrdering() != SortBy.SortNulls.LAST;
        return (short) ((desc ? IndexInfo.DESC : 0) | (nullsFirst ? IndexInfo.NULLS_FIRST : 0));
    }

    private static ColumnInfo column(TableInfo table, String name, boolean included) {
        ColumnInfo c = table.columns().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", name));
        if (!included) {
            IndexKeys.requireIndexable(c);
        }
        return c;
    }

    /** PostgreSQL's ChooseIndexName: table_col1_col2_idx, numbered until no relation has it. */
    private String chooseName(org.lakepg.server.txn.Snapshot snapshot, TableInfo table, IndexStmt s) {
        List<String> names = new ArrayList<>();
        List<IndexElem> all = new ArrayList<>(s.indexParams());
        if (s.indexIncludingParams() != null) {
            all.addAll(s.indexIncludingParams());
        }
        for (IndexElem e : all) {
            names.add(e.name() != null ? e.name() : e.indexcolname() != null ? e.indexcolname() : org.lakepg.server.index.IndexColumns.figureName(e.expr()));
        }
        String label = "idx"; // "key" is for UNIQUE constraints, not CREATE UNIQUE INDEX
        String base = String.join("_", names);
        for (int pass = 0; ; pass++) {
            String suffix = pass == 0 ? label : label + pass;
            String candidate = objectName(table.name(), base, suffix);
            if (!relations.relationExists(snapshot, table.namespace(), candidate)) {
                return candidate;
            }
        }
    }

    /** makeObjectName: name1_name2_label within 63 bytes, shortening the longer of the two names first. */
    private static String objectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2.isEmpty() ? 0 : 1);
        int available = 63 - overhead;
        String a = name1;
        String b = name2;
        while (a.length() + b.length() > available) {
            if (a.length() > b.length()) {
                a = a.substring(0, a.length() - 1);
            } else {
                b = b.substring(0, b.length() - 1);
            }
        }
        return a + (b.isEmpty() ? "" : "_" + b) + "_" + label;
    }
}
