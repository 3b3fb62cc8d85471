package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.TableElement;
import org.lakepg.server.sql.ast.TableLikeClause;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE TABLE (PostgreSQL's transformCreateStmt + DefineRelation): columns with DEFAULT, serial types and
 * identity, NOT NULL, LIKE, and PRIMARY KEY / UNIQUE / CHECK / FOREIGN KEY constraints in column or table form.
 */
final class CreateTableCommand {
    private static final int LIKE_CONSTRAINTS = 1 << 2;
    private static final int LIKE_DEFAULTS = 1 << 3;
    private static final int LIKE_IDENTITY = 1 << 5;
    private static final int LIKE_INDEXES = 1 << 6;

    private final SessionRelations relations;
    private final TableCatalog catalog;
    private final Consumer<PgException> notices;
    private final TableConstraints constraints;
    private final SequenceCommands sequences;
    private final InheritanceCommands inheritance;

    CreateTableCommand(SessionRelations relations, Consumer<PgException> notices, SequenceCommands sequences) {
        this.relations = relations;
        this.catalog = relations.catalog();
        this.notices = notices;
        this.constraints = new TableConstraints(relations);
        this.sequences = sequences;
        this.inheritance = new InheritanceCommands(relations, notices);
    }

    /** A column being defined: its catalog entry plus what is created after the table (sequence, identity). */
    record PendingColumn(ColumnInfo column, boolean serial, List<DefElem> identityOptions) {}

    /** A constraint to add once the table exists. */
    record PendingConstraint(Constraint constraint, List<String> columns) {}

    Execution create(CreateStmt s, DdlContext ctx) {
        if (s.ofTypename() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "typed tables are not supported yet");
        }
        long namespace = relations.creationNamespace(ctx.txn().snapshot(), s.relation());
        String name = s.relation().relname();
        var snapshot = ctx.txn().snapshot();
        if (relations.relationExists(snapshot, namespace, name)) {
            if (s.ifNotExists()) {
                notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", name)
                        .withSeverity(PgException.Severity.NOTICE));
                return Execution.done("CREATE TABLE");
            }
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
        List<TableInfo> parents = inheritance.parents(ctx, s);
        List<PendingColumn> columns = new ArrayList<>();
        List<PendingConstraint> pending = new ArrayList<>();
        List<ColumnDef> columnOptions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TableElement e : s.tableElts()) {
            switch (e) {
                case ColumnDef c when c.typeName() == null -> columnOptions.add(c);
                case ColumnDef c -> {
                    if (!names.add(c.colname())) {
                        throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once",
                                c.colname());
                    }
                    columns.add(column(ctx, name, c, (short) (columns.size() + 1), pending));
                }
                case Constraint k -> pending.add(new PendingConstraint(k, null));
                case TableLikeClause like -> like(ctx, like, columns, names, pending);
                default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not supported yet",
                        e.getClass().getSimpleName());
            }
        }
        if (!parents.isEmpty()) {
            columns = inheritance.merge(ctx, name, parents, columns, columnOptions, s.partbound() != null);
            for (ConstraintInfo k : inheritance.inheritedChecks(ctx, parents)) {
                pending.add(new PendingConstraint(check(k), null));
            }
        }
        if (columns.size() > 1600) {
            throw PgException.of(SqlState.TOO_MANY_COLUMNS, "tables can have at most 1600 columns");
        }
        if (pending.stream().filter(p -> p.constraint().contype() == Constraint.ConstrType.PRIMARY).count() > 1) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"%s\" are not allowed", name);
        }
        List<ColumnInfo> infos = new ArrayList<>();
        for (PendingColumn p : columns) {
            infos.add(p.column());
        }
        // defaults are bound before anything is created, so a bad one leaves nothing behind
        TableInfo shape = new TableInfo(0, name, namespace, 0, 0, infos, relations.persistence(namespace));
        for (ColumnInfo c : infos) {
            if (c.defaultExpr() != null && !c.isIdentity()) {
                ctx.binder().bindDefault(shape, c, org.lakepg.server.sql.analyzer.DefaultExpressions.parse(c.defaultExpr()));
            }
        }
        var onCommit = s.oncommit() == null ? org.lakepg.server.sql.ast.OnCommitAction.Kind.NOOP : s.oncommit().kind();
        boolean commitAction = onCommit == org.lakepg.server.sql.ast.OnCommitAction.Kind.DROP
                || onCommit == org.lakepg.server.sql.ast.OnCommitAction.Kind.DELETE_ROWS;
        if (onCommit != org.lakepg.server.sql.ast.OnCommitAction.Kind.NOOP && relations.persistence(namespace) != 't') {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "ON COMMIT can only be used on temporary tables");
        }
        org.lakepg.server.table.PartitionKey partitionKey = s.partspec() == null ? null
                : inheritance.partitionKey(ctx, shape, s.partspec());
        org.lakepg.server.table.PartitionBound bound = null;
        if (s.partbound() != null) {
            TableInfo parent = parents.get(0);
            bound = new PartitionBounds(ctx).bound(parent, catalog.inheritance(snapshot).key(parent.oid()).orElseThrow(),
                    name, s.partbound());
        }
        if (bound != null) {
            inheritance.checkDefault(ctx, parents.get(0), bound);
        }
        TableInfo table = catalog.create(ctx.txn(), name, namespace, relations.persistence(namespace), infos);
        if (s.options() != null && !s.options().isEmpty()) {
            catalog.changeOptions(ctx.txn(), table, current -> StorageParameters.apply(current, s.options(), false));
        }
        if (partitionKey != null) {
            catalog.setPartitionKey(ctx.txn(), table.oid(), partitionKey);
        }
        if (!parents.isEmpty()) {
            inheritance.link(ctx, table, parents, bound);
        }
        if (commitAction) {
            relations.onCommit.put(table.oid(),
                    onCommit == org.lakepg.server.sql.ast.OnCommitAction.Kind.DROP ? 'x' : 'd');
        }
        for (PendingColumn p : columns) {
            if (p.serial() || p.identityOptions() != null) {
                SequenceInfo seq = sequences.createOwned(ctx.txn(), table, p.column(), p.identityOptions(), ctx.types());
                if (p.serial()) {
                    catalog.updateColumn(ctx.txn(), table, p.column().number(),
                            c -> c.withDefault(SequenceCommands.nextvalDefault(
                                relations.sqlName(ctx.txn().snapshot(), seq.namespace(), seq.name()))));
                }
            }
        }
        table = catalog.findByOid(ctx.txn().snapshot(), table.oid()).orElseThrow();
        for (PendingConstraint p : pending) {
            table = addConstraint(ctx, table, p.constraint(), p.columns(), false);
        }
        if (s.partbound() != null) {
            copyParentKeys(ctx, parents.get(0), table);
        }
        return Execution.done("CREATE TABLE");
    }

    /** One constraint of CREATE TABLE or ALTER TABLE ADD; {@code columnName} set for a column constraint. */
    TableInfo addConstraint(DdlContext ctx, TableInfo table, Constraint k, List<String> column, boolean validate) {
        switch (k.contype()) {
            case PRIMARY, UNIQUE -> {
                if (k.indexname() != null) {
                    return constraints.adoptIndex(ctx, table, k.conname(), k.indexname(),
                            k.contype() == Constraint.ConstrType.PRIMARY, k.deferrable(), k.initdeferred(), notices);
                }
                List<String> keyColumns = column != null ? column : k.keys();
                boolean primary = k.contype() == Constraint.ConstrType.PRIMARY;
                inheritance.requireKeyCoversPartitionKey(ctx, table, keyColumns, primary);
                TableInfo keyed = constraints.addKey(ctx, table, k.conname(), keyColumns, primary, k.deferrable(),
                        k.initdeferred());
                // a key of a partitioned table is one per partition (each includes the partition key)
                for (TableInfo partition : inheritance.partitions(ctx, keyed)) {
                    addConstraint(ctx, partition, key(primary, keyColumns), null, validate);
                }
                return keyed;
            }
            case CHECK -> {
                // named after the one column the condition uses, wherever it is written (AddRelationNewConstraints)
                constraints.addCheck(ctx, table, k.conname(), k.rawExpr(), validate);
                return table;
            }
            case FOREIGN -> {
                constraints.addForeignKey(ctx, table, k, column != null ? column : k.fkAttrs(), validate);
                return table;
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s constraints are not supported yet",
                    k.contype().name());
        }
    }

    PendingColumn column(DdlContext ctx, String table, ColumnDef c, short number,
                                 List<PendingConstraint> pending) {
        TypeName typeName = c.typeName();
        boolean serial = false;
        long[] type;
        String serialType = serialType(typeName);
        if (serialType != null) {
            serial = true;
            type = new long[] {serialType.equals("int2") ? TypeOids.INT2 : serialType.equals("int4") ? TypeOids.INT4
                    : TypeOids.INT8, -1};
        } else {
            type = ctx.types().resolveType(typeName);
        }
        Boolean notNull = null;
        String defaultExpr = null;
        char identity = ColumnInfo.NO_IDENTITY;
        boolean generated = false;
        List<DefElem> identityOptions = null;
        Constraint last = null;
        for (Constraint k : c.constraints() == null ? List.<Constraint>of() : c.constraints()) {
            switch (k.contype()) {
                case NOTNULL, NULL -> {
                    boolean wanted = k.contype() == Constraint.ConstrType.NOTNULL;
                    if (notNull != null && notNull != wanted) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "conflicting NULL/NOT NULL declarations for column \"%s\" of table \"%s\"",
                                c.colname(), table);
                    }
                    notNull = wanted;
                }
                case DEFAULT -> {
                    if (generated) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "both default and generation expression specified for column \"%s\" of table \"%s\"",
                                c.colname(), table);
                    }
                    if (defaultExpr != null || serial) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "multiple default values specified for column \"%s\" of table \"%s\"", c.colname(), table);
                    }
                    if (identity != ColumnInfo.NO_IDENTITY) {
                        throw bothDefaultAndIdentity(c.colname(), table);
                    }
                    defaultExpr = ExpressionTextOf(k.rawExpr());
                }
                case IDENTITY -> {
                    if (identity != ColumnInfo.NO_IDENTITY) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "multiple identity specifications for column \"%s\" of table \"%s\"", c.colname(), table);
                    }
                    if (defaultExpr != null || serial) {
                        throw bothDefaultAndIdentity(c.colname(), table);
                    }
                    if (type[0] != TypeOids.INT2 && type[0] != TypeOids.INT4 && type[0] != TypeOids.INT8) {
                        throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "identity column type must be smallint, integer, or bigint");
                    }
                    identity = k.generatedWhen();
                    identityOptions = k.options() == null ? List.of() : k.options();
                    notNull = true;
                }
                case GENERATED -> {
                    if (generated) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "multiple generation clauses specified for column \"%s\" of table \"%s\"",
                                c.colname(), table);
                    }
                    if (defaultExpr != null || serial) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "both default and generation expression specified for column \"%s\" of table \"%s\"",
                                c.colname(), table);
                    }
                    if (identity != ColumnInfo.NO_IDENTITY) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "both identity and generation expression specified for column \"%s\" of table \"%s\"",
                                c.colname(), table);
                    }
                    defaultExpr = ExpressionTextOf(k.rawExpr());
                    generated = true;
                }
                case PRIMARY, UNIQUE, CHECK, FOREIGN -> {
                    pending.add(new PendingConstraint(k, List.of(c.colname())));
                    if (k.contype() == Constraint.ConstrType.PRIMARY) {
                        notNull = notNull == null || notNull;
                    }
                }
                case ATTR_DEFERRABLE, ATTR_NOT_DEFERRABLE, ATTR_DEFERRED, ATTR_IMMEDIATE -> {
                    if (last == null) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "misplaced constraint attribute");
                    }
                    last = applyAttribute(pending, last, k.contype());
                }
                default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "column constraint %s is not supported yet", k.contype());
            }
            if (k.contype() != Constraint.ConstrType.ATTR_DEFERRABLE && k.contype() != Constraint.ConstrType.ATTR_DEFERRED
                    && k.contype() != Constraint.ConstrType.ATTR_IMMEDIATE
                    && k.contype() != Constraint.ConstrType.ATTR_NOT_DEFERRABLE) {
                last = k;
            }
        }
        if (notNull != null && !notNull && identity != ColumnInfo.NO_IDENTITY) {
            throw PgException.of(SqlState.SYNTAX_ERROR,
                    "conflicting NULL/NOT NULL declarations for column \"%s\" of table \"%s\"", c.colname(), table);
        }
        ColumnInfo column = new ColumnInfo(c.colname(), number, type[0], (int) type[1],
                serial || notNull != null && notNull, defaultExpr, identity, generated);
        return new PendingColumn(column, serial, identityOptions);
    }

    private static String ExpressionTextOf(Expr e) {
        return org.lakepg.server.table.ExpressionText.of(e);
    }

    /** DEFERRABLE / INITIALLY DEFERRED after a column constraint change the pending constraint they follow. */
    private static Constraint applyAttribute(List<PendingConstraint> pending, Constraint target,
                                             Constraint.ConstrType attr) {
        for (int i = 0; i < pending.size(); i++) {
            Constraint k = pending.get(i).constraint();
            if (k == target) {
                boolean deferrable = k.deferrable();
                boolean deferred = k.initdeferred();
                switch (attr) {
                    case ATTR_DEFERRABLE -> deferrable = true;
                    case ATTR_NOT_DEFERRABLE -> deferrable = false;
                    case ATTR_DEFERRED -> {
                        deferred = true;
                        deferrable = true;
                    }
                    default -> deferred = false;
                }
                Constraint changed = new Constraint(k.contype(), k.conname(), deferrable, deferred,
                        k.isNoInherit(), k.rawExpr(), k.keys(), k.including(), k.exclusions(), k.options(),
                        k.indexname(), k.indexspace(), k.accessMethod(), k.whereClause(), k.pktable(), k.fkAttrs(),
                        k.pkAttrs(), k.fkMatchtype(), k.fkUpdAction(), k.fkDelAction(), k.fkDelSetCols(),
                        k.generatedWhen(), k.nullsNotDistinct(), k.skipValidation(), k.location());
                pending.set(i, new PendingConstraint(changed, pending.get(i).columns()));
                return changed;
            }
        }
        throw PgException.of(SqlState.SYNTAX_ERROR, "misplaced %s clause", attr == Constraint.ConstrType.ATTR_DEFERRABLE
                || attr == Constraint.ConstrType.ATTR_NOT_DEFERRABLE ? "DEFERRABLE" : "INITIALLY DEFERRED");
    }

    private static PgException bothDefaultAndIdentity(String column, String table) {
        return PgException.of(SqlState.SYNTAX_ERROR, "both default and identity specified for column \"%s\" of table \"%s\"",
                column, table);
    }

    /** smallserial / serial / bigserial (and serial2/4/8): the integer type they stand for, else null. */
    private static String serialType(TypeName t) {
        if (t.names().size() > 2 || t.names().size() == 2 && !t.names().get(0).equals("pg_catalog")
                || t.arrayBounds() != null && !t.arrayBounds().isEmpty()) {
            return null;
        }
        return switch (t.names().get(t.names().size() - 1)) {
            case "smallserial", "serial2" -> "int2";
            case "serial", "serial4" -> "int4";
            case "bigserial", "serial8" -> "int8";
            default -> null;
        };
    }

    /** LIKE source: its columns (NOT NULL always; defaults, identity, CHECK and keys when INCLUDING says so). */
    private void like(DdlContext ctx, TableLikeClause like, List<PendingColumn> columns, Set<String> names,
                      List<PendingConstraint> pending) {
        TableInfo source = relations.requireTable(ctx.txn().snapshot(), like.relation());
        int options = like.options();
        for (ColumnInfo c : source.columns()) {
            if (!names.add(c.name())) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", c.name());
            }
            boolean identity = c.isIdentity() && (options & LIKE_IDENTITY) != 0;
            ColumnInfo copy = new ColumnInfo(c.name(), (short) (columns.size() + 1), c.type(), c.typmod(), c.notNull(),
                    (options & LIKE_DEFAULTS) != 0 ? c.defaultExpr() : null,
                    identity ? c.identity() : ColumnInfo.NO_IDENTITY);
            columns.add(new PendingColumn(copy, false, identity ? List.of() : null));
        }
        var snapshot = ctx.txn().snapshot();
        if ((options & LIKE_CONSTRAINTS) != 0) {
            for (ConstraintInfo k : catalog.constraints(snapshot, source.oid())) {
                if (k.type() == ConstraintInfo.CHECK) {
                    pending.add(new PendingConstraint(check(k), null));
                }
            }
        }
        if ((options & LIKE_INDEXES) != 0) {
            for (IndexInfo index : catalog.indexes(snapshot, source.oid())) {
                List<String> keyColumns = index.columns().stream().map(a -> source.columns().get(a - 1).name()).toList();
                pending.add(new PendingConstraint(key(index.primary(), keyColumns), null));
            }
        }
    }

    private static Constraint check(ConstraintInfo k) {
        return new Constraint(Constraint.ConstrType.CHECK, k.name(), false, false, false,
                org.lakepg.server.sql.analyzer.DefaultExpressions.parse(k.checkExpr()), null, null, null, null, null,
                null, null, null, null, null, null, ' ', ' ', ' ', null, ' ', false, false, -1);
    }

    private static Constraint key(boolean primary, List<String> columns) {
        return new Constraint(primary ? Constraint.ConstrType.PRIMARY : Constraint.ConstrType.UNIQUE, null, false,
                false, false, null, columns, null, null, null, null, null, null, null, null, null, null, ' ', ' ', ' ',
                null, ' ', false, false, -1);
    }

    /** A new or attached partition gets its partitioned table's primary key and unique constraints, if it lacks them. */
    TableInfo copyParentKeys(DdlContext ctx, TableInfo parent, TableInfo partition) {
        var snapshot = ctx.txn().snapshot();
        for (IndexInfo index : catalog.indexes(snapshot, parent.oid())) {
            if (!index.unique() || !index.plain()) {
                continue;
            }
            List<String> columns = index.columns().stream().map(a -> parent.columns().get(a - 1).name()).toList();
            TableInfo target = partition;
            List<Short> mine = columns.stream().map(n -> target.column(n).orElseThrow().number()).toList();
            boolean present = catalog.indexes(ctx.txn().snapshot(), partition.oid()).stream()
                    .anyMatch(i -> i.unique() && i.columns().equals(mine));
            if (!present) {
                partition = addConstraint(ctx, partition, key(index.primary(), columns), null, true);
            }
        }
        return partition;
    }
}
