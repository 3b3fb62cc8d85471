package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.ast.AlterTableCmd;
import org.lakepg.server.sql.ast.AlterTableStmt;
import org.lakepg.server.sql.ast.AlterTableType;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.DropBehavior;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.ExpressionText;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * ALTER TABLE (its common forms, several per statement, each seeing the ones before) and the RENAME forms of
 * ALTER TABLE / SEQUENCE / INDEX. Changes that alter the stored rows (DROP COLUMN, ALTER COLUMN TYPE, ADD COLUMN
 * with a default) rewrite the table into new storage, as PostgreSQL does.
 */
final class AlterTableCommand {
    private final SessionRelations relations;
    private final TableCatalog catalog;
    private final Consumer<PgException> notices;
    private final CreateTableCommand create;
    private final SequenceCommands sequences;
    private final InheritanceCommands inheritance;

    AlterTableCommand(SessionRelations relations, Consumer<PgException> notices, CreateTableCommand create,
                      SequenceCommands sequences) {
        this.relations = relations;
        this.catalog = relations.catalog();
        this.notices = notices;
        this.create = create;
        this.sequences = sequences;
        this.inheritance = new InheritanceCommands(relations, notices);
    }

    private void notice(String format, Object... args) {
        notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, format, args)
                .withSeverity(PgException.Severity.NOTICE));
    }

    Execution alter(AlterTableStmt s, DdlContext ctx) {
        if (s.objtype().kind() == ObjectType.Kind.SEQUENCE) {
            for (AlterTableCmd cmd : s.cmds()) {
                if (cmd.subtype().kind() != AlterTableType.Kind.SET_LOGGED
                        && cmd.subtype().kind() != AlterTableType.Kind.SET_UNLOGGED) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER SEQUENCE %s is not supported yet",
                            cmd.subtype().kind().name().replace('_', ' '));
                }
            }
            if (relations.sequence(ctx.txn().snapshot(), s.relation().schemaname(), s.relation().relname()).isEmpty()
                    && !s.missingOk()) {
                throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", s.relation().relname());
            }
            return Execution.done("ALTER SEQUENCE"); // every sequence is WAL-logged
        }
        if (s.objtype().kind() == ObjectType.Kind.INDEX) {
            return IndexCommands.alter(s, relations, ctx.txn(), notices);
        }
        if (s.objtype().kind() != ObjectType.Kind.TABLE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER %s is not supported yet", s.objtype().kind());
        }
        Optional<TableInfo> found = relations.table(ctx.txn().snapshot(), s.relation());
        if (found.isEmpty()) {
            if (s.missingOk()) {
                notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                        s.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                return Execution.done("ALTER TABLE");
            }
            throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", s.relation().relname());
        }
        long oid = found.get().oid();
        for (AlterTableCmd cmd : s.cmds()) {
            TableInfo table = catalog.findByOid(ctx.txn().snapshot(), oid).orElseThrow();
            inheritance.alter(ctx, table, cmd, s.relation().inh(), this::run);
        }
        return Execution.done("ALTER TABLE");
    }

    private void run(DdlContext ctx, TableInfo table, AlterTableCmd cmd) {
        switch (cmd.subtype().kind()) {
            case ADD_INHERIT, DROP_INHERIT, ATTACH_PARTITION, DETACH_PARTITION -> {
                inheritance.alterLinks(ctx, table, cmd);
                if (cmd.subtype().kind() == org.lakepg.server.sql.ast.AlterTableType.Kind.ATTACH_PARTITION) {
                    var attached = relations.requireTable(ctx.txn().snapshot(),
                            (org.lakepg.server.sql.ast.RangeVar) ((List<?>) cmd.def()).get(0));
                    create.copyParentKeys(ctx, table, attached);
                }
            }
            case ADD_COLUMN -> addColumn(ctx, table, (ColumnDef) cmd.def(), cmd.missingOk());
            case DROP_COLUMN -> dropColumn(ctx, table, cmd.name(), cmd.missingOk(), cascade(cmd.behavior()));
            case COLUMN_DEFAULT -> {
                ColumnInfo c = column(table, cmd.name());
                if (cmd.def() != null) {
                    if (c.isIdentity()) {
                        throw PgException.of(SqlState.SYNTAX_ERROR,
                                "column \"%s\" of relation \"%s\" is an identity column", c.name(), table.name())
                                .withHint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.");
                    }
                    ctx.binder().bindDefault(table, c, (Expr) cmd.def());
                }
                String text = cmd.def() == null ? null : ExpressionText.of((Expr) cmd.def());
                catalog.updateColumn(ctx.txn(), table, c.number(), col -> col.withDefault(text));
            }
            case SET_NOT_NULL -> {
                ColumnInfo c = column(table, cmd.name());
                requireNoNulls(ctx, table, c);
                catalog.updateColumn(ctx.txn(), table, c.number(), col -> col.withNotNull(true));
            }
            case DROP_NOT_NULL -> {
                ColumnInfo c = column(table, cmd.name());
                if (catalog.indexes(ctx.txn().snapshot(), table.oid()).stream()
                        .anyMatch(i -> i.primary() && i.columns().contains(c.number()))) {
                    throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "column \"%s\" is in a primary key",
                            c.name());
                }
                if (c.isIdentity()) {
                    throw PgException.of(SqlState.SYNTAX_ERROR,
                            "column \"%s\" of relation \"%s\" is an identity column", c.name(), table.name());
                }
                catalog.updateColumn(ctx.txn(), table, c.number(), col -> col.withNotNull(false));
            }
            case ALTER_COLUMN_TYPE -> alterType(ctx, table, cmd.name(), (ColumnDef) cmd.def());
            case ADD_CONSTRAINT -> create.addConstraint(ctx, table, (Constraint) cmd.def(), null, true);
            case DROP_CONSTRAINT -> dropConstraint(ctx, table, cmd.name(), cmd.missingOk(), cascade(cmd.behavior()));
            case DROP_IDENTITY -> {
                ColumnInfo c = column(table, cmd.name());
                if (!c.isIdentity()) {
                    if (cmd.missingOk()) {
                        notice("column \"%s\" of relation \"%s\" is not an identity column, skipping", c.name(),
                                table.name());
                        return;
                    }
                    throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "column \"%s\" of relation \"%s\" is not an identity column", c.name(), table.name());
                }
                catalog.updateColumn(ctx.txn(), table, c.number(), col -> col.withIdentity(ColumnInfo.NO_IDENTITY));
                ownedSequence(ctx, table, c).ifPresent(seq -> catalog.dropSequence(ctx.txn(), seq));
            }
            case ADD_IDENTITY -> addIdentity(ctx, table, cmd.name(), (Constraint) cmd.def());
            case SET_IDENTITY -> setIdentity(ctx, table, cmd.name(), cmd.def());
            case SET_LOGGED, SET_UNLOGGED -> { } // every relation is WAL-logged: nothing to change
            // Storage parameters are kept in pg_class.reloptions; of the heap's knobs lakepg follows toast_tuple_target
            case SET_REL_OPTIONS, RESET_REL_OPTIONS -> catalog.changeOptions(ctx.txn(), table, current ->
                    StorageParameters.apply(current, (List<?>) cmd.def(),
                            cmd.subtype().kind() == AlterTableType.Kind.RESET_REL_OPTIONS));
            case SET_STATISTICS, SET_COMPRESSION, SET_OPTIONS, RESET_OPTIONS -> column(table, cmd.name());
            case SET_STORAGE -> {
                column(table, cmd.name());
                String mode = String.valueOf(cmd.def());
                if (!List.of("plain", "external", "extended", "main").contains(mode)) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid storage type \"%s\"", mode);
                }
            }
            case ALTER_CONSTRAINT -> {
                Constraint change = (Constraint) cmd.def();
                ConstraintInfo k = catalog.constraints(ctx.txn().snapshot(), table.oid()).stream()
                        .filter(c -> c.name().equals(cmd.name())).findFirst().orElseThrow(() -> PgException.of(
                                SqlState.UNDEFINED_OBJECT, "constraint \"%s\" of relation \"%s\" does not exist",
                                cmd.name(), table.name()));
                if (k.type() != ConstraintInfo.FOREIGN_KEY) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE,
                            "constraint \"%s\" of relation \"%s\" is not a foreign key constraint", k.name(), table.name());
                }
                catalog.updateConstraint(ctx.txn(), k.withDeferrable(change.deferrable() || change.initdeferred(),
                        change.initdeferred()));
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER TABLE %s is not supported yet",
                    cmd.subtype().kind().name().replace('_', ' '));
        }
    }

    private void addIdentity(DdlContext ctx, TableInfo table, String name, Constraint identity) {
        ColumnInfo c = column(table, name);
        if (c.type() != org.lakepg.server.catalog.TypeOids.INT2 && c.type() != org.lakepg.server.catalog.TypeOids.INT4
                && c.type() != org.lakepg.server.catalog.TypeOids.INT8) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "identity column type must be smallint, integer, or bigint");
        }
        if (!c.notNull()) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "column \"%s\" of relation \"%s\" must be declared NOT NULL before identity can be added", c.name(),
                    table.name());
        }
        if (c.isIdentity()) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "column \"%s\" of relation \"%s\" is already an identity column", c.name(), table.name());
        }
        if (c.defaultExpr() != null) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "column \"%s\" of relation \"%s\" already has a default value", c.name(), table.name());
        }
        catalog.updateColumn(ctx.txn(), table, c.number(), col -> col.withIdentity(identity.generatedWhen()));
        sequences.createOwned(ctx.txn(), table, c, identity.options() == null ? List.of() : identity.options(),
                ctx.types());
    }

    /** SET GENERATED { ALWAYS | BY DEFAULT } and sequence options (SET INCREMENT ..., RESTART) of an identity. */
    private void setIdentity(DdlContext ctx, TableInfo table, String name, Object def) {
        ColumnInfo c = column(table, name);
        if (!c.isIdentity()) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "column \"%s\" of relation \"%s\" is not an identity column", c.name(), table.name());
        }
        @SuppressWarnings("unchecked")
        List<org.lakepg.server.sql.ast.DefElem> options = (List<org.lakepg.server.sql.ast.DefElem>) def;
        List<org.lakepg.server.sql.ast.DefElem> sequenceOptions = new ArrayList<>();
        for (var o : options) {
            if (o.defname().equals("generated")) {
                char kind = "always".equals(o.arg()) ? 'a' : 'd';
                catalog.updateColumn(ctx.txn(), table, c.number(), col -> col.withIdentity(kind));
            } else {
                sequenceOptions.add(o);
            }
        }
        if (!sequenceOptions.isEmpty()) {
            SequenceInfo seq = ownedSequence(ctx, table, c).orElseThrow();
            sequences.alterOptions(ctx.txn(), seq, sequenceOptions, ctx.types());
        }
    }

    private static boolean cascade(DropBehavior b) {
        return b != null && b.kind() == DropBehavior.Kind.CASCADE;
    }

    private static ColumnInfo column(TableInfo table, String name) {
        return table.column(name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_COLUMN,
                "column \"%s\" of relation \"%s\" does not exist", name, table.name()));
    }

    private Optional<SequenceInfo> ownedSequence(DdlContext ctx, TableInfo table, ColumnInfo c) {
        return catalog.sequences(ctx.txn().snapshot()).stream()
                .filter(s -> s.ownedByTable() == table.oid() && s.ownedByColumn() == c.number()).findFirst();
    }

    private void requireNoNulls(DdlContext ctx, TableInfo table, ColumnInfo c) {
        RowCodec codec = new RowCodec(table.columnTypes());
        for (var it = catalog.heap(table).scan(ctx.txn().snapshot()); it.hasNext(); ) {
            if (codec.decode(it.next().payload())[c.number() - 1] == null) {
                throw PgException.of(SqlState.NOT_NULL_VIOLATION, "column \"%s\" of relation \"%s\" contains null values",
                        c.name(), table.name());
            }
        }
    }

    private static Map<Short, Short> identity(TableInfo table) {
        Map<Short, Short> map = new HashMap<>();
        for (ColumnInfo c : table.columns()) {
            map.put(c.number(), c.number());
        }
        return map;
    }

    private void addColumn(DdlContext ctx, TableInfo table, ColumnDef def, boolean ifNotExists) {
        if (table.column(def.colname()).isPresent()) {
            if (ifNotExists) {
                notice("column \"%s\" of relation \"%s\" already exists, skipping", def.colname(), table.name());
                return;
            }
            throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists",
                    def.colname(), table.name());
        }
        if (table.columns().size() >= 1600) {
            throw PgException.of(SqlState.TOO_MANY_COLUMNS, "tables can have at most 1600 columns");
        }
        List<CreateTableCommand.PendingConstraint> pending = new ArrayList<>();
        CreateTableCommand.PendingColumn p = create.column(ctx, table.name(), def, (short) (table.columns().size() + 1),
                pending);
        ColumnInfo column = p.column();
        if (column.defaultExpr() != null) {
            List<ColumnInfo> shape = new ArrayList<>(table.columns());
            shape.add(column);
            ctx.binder().bindDefault(new TableInfo(table.oid(), table.name(), table.namespace(), table.relation(),
                    table.toastRelation(), shape, table.persistence()), column, DefaultExpressions.parse(column.defaultExpr()));
        }
        catalog.addColumn(ctx.txn(), table, column);
        if (p.serial() || p.identityOptions() != null) {
            SequenceInfo seq = sequences.createOwned(ctx.txn(), table, column, p.identityOptions(), ctx.types());
            if (p.serial()) {
                catalog.updateColumn(ctx.txn(), table, column.number(),
                        c -> c.withDefault(SequenceCommands.nextvalDefault(
                                relations.sqlName(ctx.txn().snapshot(), seq.namespace(), seq.name()))));
            }
        }
        TableInfo widened = catalog.findByOid(ctx.txn().snapshot(), table.oid()).orElseThrow();
        ColumnInfo added = widened.columns().get(column.number() - 1);
        if (added.defaultExpr() != null || added.isIdentity()) {
            // a generated column's expression reads the row's other columns; a default reads none
            CompiledExpr value = ctx.compiler().compile(added.generated()
                    ? ctx.binder().bindDefault(widened, added, DefaultExpressions.parse(added.defaultExpr()))
                    : ctx.binder().defaultValue(widened, added));
            int index = added.number() - 1;
            widened = catalog.rewrite(ctx.txn(), widened, widened.columns(), row -> {
                Object[] out = java.util.Arrays.copyOf(row, row.length);
                out[index] = value.eval(row, ctx.exec());
                return out;
            }, identity(widened));
        }
        if (added.notNull()) {
            requireNoNulls(ctx, widened, added);
        }
        for (CreateTableCommand.PendingConstraint k : pending) {
            widened = create.addConstraint(ctx, widened, k.constraint(), k.columns(), true);
        }
    }

    private void dropColumn(DdlContext ctx, TableInfo table, String name, boolean ifExists, boolean cascade) {
        Optional<ColumnInfo> found = table.column(name);
        if (found.isEmpty()) {
            if (ifExists) {
                notice("column \"%s\" of relation \"%s\" does not exist, skipping", name, table.name());
                return;
            }
            throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", name,
                    table.name());
        }
        ColumnInfo dropped = found.get();
        var snapshot = ctx.txn().snapshot();
        if (catalog.inheritance(snapshot).key(table.oid()).map(k -> k.columns().contains(dropped.number())).orElse(false)) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "cannot drop column \"%s\" because it is part of the partition key of relation \"%s\"", name,
                    table.name());
        }
        List<ConstraintInfo> dependents = new ArrayList<>();
        for (ConstraintInfo fk : catalog.referencingForeignKeys(snapshot, table.oid())) {
            if (fk.refColumns().contains(dropped.number()) && fk.tableOid() != table.oid()) {
                dependents.add(fk);
            }
        }
        if (!dependents.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (ConstraintInfo fk : dependents) {
                lines.add("constraint " + fk.name() + " on table "
                        + catalog.findByOid(snapshot, fk.tableOid()).map(TableInfo::name).orElse("?"));
            }
            if (!cascade) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop column %s of table %s because other objects depend on it", name, table.name())
                        .withDetail(lines.stream().map(l -> l + " depends on column " + name + " of table "
                                + table.name()).reduce((a, b) -> a + "\n" + b).orElse(""))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            notices.accept(DropCommand.cascadeNotice(lines));
            for (ConstraintInfo fk : dependents) {
                catalog.dropConstraint(ctx.txn(), fk);
            }
        }
        ownedSequence(ctx, table, dropped).ifPresent(seq -> catalog.dropSequence(ctx.txn(), seq));
        List<ColumnInfo> remaining = new ArrayList<>();
        Map<Short, Short> map = new HashMap<>();
        for (ColumnInfo c : table.columns()) {
            if (c.number() != dropped.number()) {
                short n = (short) (remaining.size() + 1);
                map.put(c.number(), n);
                remaining.add(c.withNumber(n));
            }
        }
        // sequences owned by later columns follow their renumbered column
        for (SequenceInfo seq : catalog.sequences(ctx.txn().snapshot())) {
            if (seq.ownedByTable() == table.oid() && map.containsKey(seq.ownedByColumn())
                    && map.get(seq.ownedByColumn()) != seq.ownedByColumn()) {
                catalog.updateSequence(ctx.txn(), seq.withOwner(table.oid(), map.get(seq.ownedByColumn())));
            }
        }
        int gone = dropped.number() - 1;
        catalog.rewrite(ctx.txn(), table.withDroppedColumn(dropped.number()), remaining, row -> {
            Object[] out = new Object[row.length - 1];
            for (int i = 0, j = 0; i < row.length; i++) {
                if (i != gone) {
                    out[j++] = row[i];
                }
            }
            return out;
        }, map);
    }

    private void alterType(DdlContext ctx, TableInfo table, String name, ColumnDef def) {
        ColumnInfo c = column(table, name);
        long[] type = ctx.types().resolveType(def.typeName());
        if (c.isIdentity() && type[0] != org.lakepg.server.catalog.TypeOids.INT2
                && type[0] != org.lakepg.server.catalog.TypeOids.INT4 && type[0] != org.lakepg.server.catalog.TypeOids.INT8) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "identity column type must be smallint, integer, or bigint");
        }
        Expr using = def.constraints() == null || def.constraints().isEmpty() ? null : def.constraints().get(0).rawExpr();
        Expr source = using != null ? using : new ColumnRef(List.of(c.name()), false, -1);
        String typeText = org.lakepg.server.sql.analyzer.TypeNames.format(ctx.catalog(), type[0]);
        var conversion = ctx.binder().bindConversion(table, source, type[0], (int) type[1]).orElseThrow(() ->
                PgException.of(SqlState.DATATYPE_MISMATCH, "column \"%s\" cannot be cast automatically to type %s",
                        c.name(), typeText).withHint("You might need to specify \"USING " + c.name() + "::" + typeText
                        + "\"."));
        CompiledExpr compiled = ctx.compiler().compile(conversion);
        ColumnInfo changed = c.withType(type[0], (int) type[1]);
        List<ColumnInfo> columns = new ArrayList<>(table.columns());
        columns.set(c.number() - 1, changed);
        int index = c.number() - 1;
        catalog.rewrite(ctx.txn(), table, columns, row -> {
            Object[] out = java.util.Arrays.copyOf(row, row.length);
            out[index] = compiled.eval(row, ctx.exec());
            return out;
        }, identity(table));
    }

    private void dropConstraint(DdlContext ctx, TableInfo table, String name, boolean ifExists, boolean cascade) {
        var snapshot = ctx.txn().snapshot();
        Optional<ConstraintInfo> found = catalog.constraints(snapshot, table.oid()).stream()
                .filter(c -> c.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            if (ifExists) {
                notice("constraint \"%s\" of relation \"%s\" does not exist, skipping", name, table.name());
                return;
            }
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "constraint \"%s\" of relation \"%s\" does not exist", name,
                    table.name());
        }
        ConstraintInfo k = found.get();
        if (k.type() == ConstraintInfo.PRIMARY_KEY || k.type() == ConstraintInfo.UNIQUE) {
            List<ConstraintInfo> dependents = catalog.referencingForeignKeys(snapshot, table.oid()).stream()
                    .filter(fk -> fk.indexOid() == k.indexOid()).toList();
            if (!dependents.isEmpty()) {
                List<String> lines = dependents.stream().map(fk -> "constraint " + fk.name() + " on table "
                        + catalog.findByOid(snapshot, fk.tableOid()).map(TableInfo::name).orElse("?")).toList();
                if (!cascade) {
                    throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop constraint %s on table %s because other objects depend on it", name, table.name())
                            .withDetail(lines.stream().map(l -> l + " depends on index " + name)
                                    .reduce((a, b) -> a + "\n" + b).orElse(""))
                            .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                }
                notices.accept(DropCommand.cascadeNotice(lines));
                dependents.forEach(fk -> catalog.dropConstraint(ctx.txn(), fk));
            }
            for (IndexInfo index : catalog.indexes(snapshot, table.oid())) {
                if (index.oid() == k.indexOid()) {
                    catalog.dropIndex(ctx.txn(), index);
                }
            }
        }
        catalog.dropConstraint(ctx.txn(), k);
    }

    /** ALTER TABLE / SEQUENCE / INDEX ... RENAME [COLUMN | CONSTRAINT] ... TO ... */
    Execution rename(RenameStmt s, DdlContext ctx) {
        var snapshot = ctx.txn().snapshot();
        String tag = "ALTER " + (s.relationType() == null ? "TABLE" : s.relationType().kind().name());
        switch (s.renameType().kind()) {
            case TABLE, SEQUENCE, INDEX -> {
                Optional<TableInfo> table = relations.table(snapshot, s.relation());
                Optional<SequenceInfo> sequence = relations.sequence(snapshot, s.relation().schemaname(),
                        s.relation().relname());
                Optional<IndexInfo> index = catalog.findIndex(snapshot, s.relation().relname());
                if (table.isEmpty() && sequence.isEmpty() && index.isEmpty()) {
                    if (s.missingOk()) {
                        notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                                s.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                        return Execution.done(tag);
                    }
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist",
                            s.relation().relname());
                }
                long namespace = table.map(TableInfo::namespace).or(() -> sequence.map(SequenceInfo::namespace))
                        .orElse(TableCatalog.PUBLIC_NAMESPACE);
                if (relations.relationExists(snapshot, namespace, s.newname())) {
                    throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", s.newname());
                }
                if (table.isPresent()) {
                    catalog.renameTable(ctx.txn(), table.get(), s.newname());
                } else if (sequence.isPresent()) {
                    renameSequence(ctx, sequence.get(), s.newname());
                } else {
                    IndexCommands.rename(catalog, ctx.txn(), index.get(), s.newname());
                }
            }
            case COLUMN -> {
                Optional<TableInfo> found = relations.table(snapshot, s.relation());
                if (found.isEmpty()) {
                    if (s.missingOk()) {
                        notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                                s.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                        return Execution.done(tag);
                    }
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", s.relation().relname());
                }
                for (TableInfo table : inheritance.renameTargets(ctx, found.get(), s.relation().inh(), s.subname())) {
                ColumnInfo c = table.column(s.subname()).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_COLUMN,
                        "column \"%s\" does not exist", s.subname()));
                if (table.column(s.newname()).isPresent()) {
                    throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists",
                            s.newname(), table.name());
                }
                catalog.updateColumn(ctx.txn(), table, c.number(), col -> col.withName(s.newname()));
                // CHECK conditions name columns in their text: rename them there too
                for (ConstraintInfo k : catalog.constraints(snapshot, table.oid())) {
                    if (k.type() == ConstraintInfo.CHECK) {
                        catalog.updateConstraint(ctx.txn(), k.withCheckExpr(RenameColumn.in(k.checkExpr(), s.subname(),
                                s.newname())));
                    }
                }
                IndexCommands.renameColumn(catalog, ctx.txn(), table, s.subname(), s.newname());
                }
            }
            case TABCONSTRAINT -> {
                TableInfo table = relations.requireTable(snapshot, s.relation());
                ConstraintInfo k = catalog.constraints(snapshot, table.oid()).stream()
                        .filter(c -> c.name().equals(s.subname())).findFirst().orElseThrow(() -> PgException.of(
                                SqlState.UNDEFINED_OBJECT, "constraint \"%s\" for table \"%s\" does not exist",
                                s.subname(), table.name()));
                if (catalog.constraints(snapshot, table.oid()).stream().anyMatch(c -> c.name().equals(s.newname()))) {
                    throw PgException.of(SqlState.DUPLICATE_OBJECT, "constraint \"%s\" for relation \"%s\" already exists",
                            s.newname(), table.name());
                }
                catalog.updateConstraint(ctx.txn(), k.withName(s.newname()));
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER ... RENAME of %s is not supported yet",
                    s.renameType().kind());
        }
        return Execution.done(tag);
    }

    private void renameSequence(DdlContext ctx, SequenceInfo seq, String newName) {
        catalog.updateSequence(ctx.txn(), seq.withName(newName));
        // defaults name their sequence in their text (nextval('name'::regclass)): follow the rename
        for (TableInfo t : catalog.tables(ctx.txn().snapshot())) {
            for (ColumnInfo c : t.columns()) {
                if (c.defaultExpr() != null && SequenceCommands.usesSequence(c.defaultExpr(), seq.name())) {
                    String text = c.defaultExpr().replace("nextval(" + ExpressionText.literal(seq.name()),
                            "nextval(" + ExpressionText.literal(newName));
                    catalog.updateColumn(ctx.txn(), t, c.number(), col -> col.withDefault(text));
                }
            }
        }
    }
}
