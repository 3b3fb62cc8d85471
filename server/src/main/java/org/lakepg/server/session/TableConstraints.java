package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.constraint.ForeignKeys;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.ExpressionText;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.IndexKeys;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Adding PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY constraints to a table (CREATE TABLE and ALTER TABLE ADD
 * CONSTRAINT): the names PostgreSQL would choose, its definition errors, and validation of the rows already stored.
 */
final class TableConstraints {
    private final SessionRelations relations;
    private final TableCatalog catalog;

    TableConstraints(SessionRelations relations) {
        this.relations = relations;
        this.catalog = relations.catalog();
    }

    /** PostgreSQL's ChooseConstraintName / ChooseRelationName: base, base1, base2 ... whichever is free. */
    String chooseName(DdlContext ctx, TableInfo table, String base) {
        String name = base;
        for (int i = 1; nameTaken(ctx, table, name); i++) {
            name = base + i;
        }
        return name;
    }

    private boolean nameTaken(DdlContext ctx, TableInfo table, String name) {
        return relations.relationExists(ctx.txn().snapshot(), table.namespace(), name)
                || catalog.constraints(ctx.txn().snapshot()).stream().anyMatch(c -> c.name().equals(name));
    }

    private void requireFreeConstraintName(DdlContext ctx, TableInfo table, String name) {
        if (catalog.constraints(ctx.txn().snapshot(), table.oid()).stream().anyMatch(c -> c.name().equals(name))) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "constraint \"%s\" for relation \"%s\" already exists",
                    name, table.name());
        }
    }

    /** PRIMARY KEY or UNIQUE: a unique index plus its constraint row (both named alike). */
    TableInfo addKey(DdlContext ctx, TableInfo table, String name, List<String> columns, boolean primary,
                     boolean deferrable, boolean initiallyDeferred) {
        List<Short> attnums = new ArrayList<>();
        for (String n : columns) {
            ColumnInfo c = table.column(n).orElseThrow(() ->
                    PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" named in key does not exist", n));
            IndexKeys.requireIndexable(c);
            if (attnums.contains(c.number())) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" appears twice in %s constraint", n,
                        primary ? "primary key" : "unique");
            }
            attnums.add(c.number());
        }
        String indexName = name != null ? name : chooseName(ctx, table,
                table.name() + (primary ? "_pkey" : "_" + String.join("_", columns) + "_key"));
        if (primary && catalog.indexes(ctx.txn().snapshot(), table.oid()).stream().anyMatch(IndexInfo::primary)) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"%s\" are not allowed", table.name());
        }
        if (relations.relationExists(ctx.txn().snapshot(), table.namespace(), indexName)) {
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", indexName);
        }
        if (primary) {
            table = makeNotNull(ctx, table, attnums);
        }
        IndexInfo index = catalog.createIndex(ctx.txn(), table, indexName, attnums, true, primary);
        catalog.addConstraint(ctx.txn(), new ConstraintInfo(0, indexName, table.oid(),
                primary ? ConstraintInfo.PRIMARY_KEY : ConstraintInfo.UNIQUE, attnums, null, 0, List.of(), ' ', ' ',
                deferrable, initiallyDeferred, index.oid(), ' '));
        return table;
    }

    /** The key's columns become NOT NULL, which fails if a stored row has a null in one. */
    private TableInfo makeNotNull(DdlContext ctx, TableInfo table, List<Short> attnums) {
        RowCodec codec = new RowCodec(table.columnTypes());
        for (var it = catalog.heap(table).scan(ctx.txn().snapshot()); it.hasNext(); ) {
            Object[] row = codec.decode(it.next().payload());
            for (short a : attnums) {
                if (row[a - 1] == null) {
                    throw PgException.of(SqlState.NOT_NULL_VIOLATION,
                            "column \"%s\" of relation \"%s\" contains null values",
                            table.columns().get(a - 1).name(), table.name());
                }
            }
        }
        for (short a : attnums) {
            if (!table.columns().get(a - 1).notNull()) {
                catalog.setNotNull(ctx.txn(), table, a);
            }
        }
        return catalog.findByOid(ctx.txn().snapshot(), table.oid()).orElseThrow();
    }

    /**
     * ADD PRIMARY KEY / UNIQUE USING INDEX: an existing unique index of the table becomes the constraint's index,
     * renamed to the constraint's name when one is given (as PostgreSQL's ATExecAddIndexConstraint).
     */
    TableInfo adoptIndex(DdlContext ctx, TableInfo table, String name, String indexName, boolean primary,
                         boolean deferrable, boolean initiallyDeferred, java.util.function.Consumer<PgException> notices) {
        var snapshot = ctx.txn().snapshot();
        IndexInfo index = catalog.findIndex(snapshot, indexName).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_OBJECT, "index \"%s\" does not exist", indexName));
        if (index.tableOid() != table.oid()) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "index \"%s\" does not belong to table \"%s\"",
                    indexName, table.name());
        }
        if (catalog.constraints(snapshot, table.oid()).stream().anyMatch(c -> c.indexOid() == index.oid()
                && (c.type() == ConstraintInfo.PRIMARY_KEY || c.type() == ConstraintInfo.UNIQUE))) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "index \"%s\" is already associated with a constraint", indexName);
        }
        if (!index.unique()) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a unique index", indexName)
                    .withDetail("Cannot create a primary key or unique constraint using such an index.");
        }
        if (primary && catalog.indexes(snapshot, table.oid()).stream().anyMatch(IndexInfo::primary)) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"%s\" are not allowed", table.name());
        }
        if (primary) {
            table = makeNotNull(ctx, table, index.columns());
        }
        String constraintName = name != null ? name : indexName;
        if (!constraintName.equals(indexName)) {
            notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION,
                    "ALTER TABLE / ADD CONSTRAINT USING INDEX will rename index \"%s\" to \"%s\"", indexName,
                    constraintName).withSeverity(PgException.Severity.NOTICE));
        }
        catalog.updateIndex(ctx.txn(), table, new IndexInfo(index.oid(), constraintName, index.tableOid(),
                index.relation(), true, primary, index.columns()));
        catalog.addConstraint(ctx.txn(), new ConstraintInfo(0, constraintName, table.oid(),
                primary ? ConstraintInfo.PRIMARY_KEY : ConstraintInfo.UNIQUE, index.columns(), null, 0, List.of(), ' ',
                ' ', deferrable, initiallyDeferred, index.oid(), ' '));
        return table;
    }

    /** CHECK: bound now (so errors show at definition), stored as text, checked against existing rows. */
    void addCheck(DdlContext ctx, TableInfo table, String name, Expr condition, boolean validate) {
        var bound = ctx.binder().bindCheck(table, condition);
        if (name == null) {
            Set<String> columns = ExpressionText.columnNames(condition);
            name = chooseName(ctx, table, table.name() + (columns.size() == 1 ? "_" + columns.iterator().next() : "")
                    + "_check");
        } else {
            requireFreeConstraintName(ctx, table, name);
        }
        if (validate) {
            CompiledExpr compiled = ctx.compiler().compile(bound);
            RowCodec codec = new RowCodec(table.columnTypes());
            for (var it = catalog.heap(table).scan(ctx.txn().snapshot()); it.hasNext(); ) {
                if (Boolean.FALSE.equals(compiled.eval(codec.decode(it.next().payload()), ctx.exec()))) {
                    throw PgException.of(SqlState.CHECK_VIOLATION,
                            "check constraint \"%s\" of relation \"%s\" is violated by some row", name, table.name());
                }
            }
        }
        catalog.addConstraint(ctx.txn(), new ConstraintInfo(0, name, table.oid(), ConstraintInfo.CHECK, List.of(),
                ExpressionText.of(condition), 0, List.of(), ' ', ' ', false, false, 0, ' '));
    }

    /** FOREIGN KEY (table or column form): the referenced columns must carry a unique constraint. */
    void addForeignKey(DdlContext ctx, TableInfo table, Constraint k, List<String> fkColumns, boolean validate) {
        var snapshot = ctx.txn().snapshot();
        TableInfo parent = relations.table(snapshot, k.pktable()).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", SessionRelations.qualified(k.pktable())));
        if (parent.oid() == table.oid()) {
            parent = table;
        }
        List<Short> columns = fkAttnums(table, fkColumns);
        List<Short> refColumns;
        if (k.pkAttrs() == null || k.pkAttrs().isEmpty()) {
            IndexInfo pk = catalog.indexes(snapshot, parent.oid()).stream().filter(IndexInfo::primary).findFirst()
                    .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                            "there is no primary key for referenced table \"%s\"", k.pktable().relname()));
            refColumns = pk.columns();
        } else {
            refColumns = fkAttnums(parent, k.pkAttrs());
        }
        if (columns.size() != refColumns.size()) {
            throw PgException.of(SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key disagree");
        }
        List<Short> ref = refColumns;
        IndexInfo key = catalog.indexes(snapshot, parent.oid()).stream().filter(i -> i.unique() && i.plain()
                && i.columns().size() == ref.size() && i.columns().containsAll(ref)).findFirst().orElseThrow(() ->
                PgException.of(SqlState.INVALID_FOREIGN_KEY,
                        "there is no unique constraint matching given keys for referenced table \"%s\"", k.pktable().relname()));
        String name = k.conname();
        if (name == null) {
            List<String> names = columns.stream().map(a -> table.columns().get(a - 1).name()).toList();
            name = chooseName(ctx, table, table.name() + "_" + String.join("_", names) + "_fkey");
        } else {
            requireFreeConstraintName(ctx, table, name);
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo from = table.columns().get(columns.get(i) - 1);
            ColumnInfo to = parent.columns().get(refColumns.get(i) - 1);
            if (!comparable(from.type(), to.type())) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "foreign key constraint \"%s\" cannot be implemented",
                        name).withDetail("Key columns \"" + from.name() + "\" and \"" + to.name()
                        + "\" are of incompatible types: " + TypeNames.format(ctx.catalog(), from.type()) + " and "
                        + TypeNames.format(ctx.catalog(), to.type()) + ".");
            }
        }
        ConstraintInfo fk = catalog.addConstraint(ctx.txn(), new ConstraintInfo(0, name, table.oid(),
                ConstraintInfo.FOREIGN_KEY, columns, null, parent.oid(), refColumns, action(k.fkUpdAction()),
                action(k.fkDelAction()), k.deferrable() || k.initdeferred(), k.initdeferred(), key.oid(),
                k.fkMatchtype() == 'f' ? 'f' : 's'));
        if (validate) {
            ForeignKeys check = new ForeignKeys(ctx.exec().tables(), null);
            RowCodec codec = new RowCodec(table.columnTypes());
            for (Iterator<org.lakepg.server.access.heap.HeapTuple> it = catalog.heap(table).scan(snapshot); it.hasNext(); ) {
                Object[] row = codec.decode(it.next().payload());
                boolean anyNull = columns.stream().anyMatch(a -> row[a - 1] == null);
                if (!anyNull) {
                    check.requireReferenced(table, fk, row);
                } else {
                    ForeignKeys.requireMatchFull(table, fk, columns.stream().map(a -> row[a - 1]).toArray());
                }
            }
        }
    }

    private static char action(char a) {
        return a == 0 || a == ' ' ? 'a' : a;
    }

    private static List<Short> fkAttnums(TableInfo table, List<String> names) {
        List<Short> out = new ArrayList<>();
        for (String n : names) {
            ColumnInfo c = table.column(n).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_COLUMN,
                    "column \"%s\" referenced in foreign key constraint does not exist", n));
            out.add(c.number());
        }
        return out;
    }

    private static boolean comparable(long a, long b) {
        return a == b || family(a) != 0 && family(a) == family(b);
    }

    private static int family(long type) {
        if (type == TypeOids.INT2 || type == TypeOids.INT4 || type == TypeOids.INT8) {
            return 1;
        }
        if (type == TypeOids.TEXT || type == TypeOids.VARCHAR || type == TypeOids.BPCHAR || type == TypeOids.NAME) {
            return 2;
        }
        if (type == TypeOids.TIMESTAMP || type == TypeOids.TIMESTAMPTZ || type == TypeOids.DATE) {
            return 3;
        }
        return 0;
    }
}
