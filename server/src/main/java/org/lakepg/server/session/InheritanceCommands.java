package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateStmt;
import org.lakepg.server.sql.ast.PartitionElem;
import org.lakepg.server.sql.ast.PartitionSpec;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.PartitionBound;
import org.lakepg.server.table.PartitionKey;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The inheritance part of CREATE TABLE (PostgreSQL's MergeAttributes and StoreCatalogInheritance): INHERITS and
 * PARTITION OF parents, the merged column list with its notices and type-conflict errors, the CHECK constraints
 * a child inherits, PARTITION BY keys and partition bounds.
 */
final class InheritanceCommands {
    private final SessionRelations relations;
    private final TableCatalog catalog;
    private final Consumer<PgException> notices;

    InheritanceCommands(SessionRelations relations, Consumer<PgException> notices) {
        this.relations = relations;
        this.catalog = relations.catalog();
        this.notices = notices;
    }

    /** The tables a CREATE TABLE inherits from: its INHERITS list, or the parent of PARTITION OF. */
    List<TableInfo> parents(DdlContext ctx, CreateStmt s) {
        if (s.inhRelations() == null || s.inhRelations().isEmpty()) {
            return List.of();
        }
        var snapshot = ctx.txn().snapshot();
        Inheritance inheritance = catalog.inheritance(snapshot);
        List<TableInfo> out = new ArrayList<>();
        for (RangeVar r : s.inhRelations()) {
            TableInfo parent = relations.requireTable(snapshot, r);
            boolean partitionOf = s.partbound() != null;
            if (partitionOf && !inheritance.isPartitioned(parent.oid())) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "\"%s\" is not partitioned", parent.name());
            }
            if (!partitionOf && inheritance.isPartitioned(parent.oid())) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot inherit from partitioned table \"%s\"",
                        parent.name());
            }
            if (!partitionOf && inheritance.isPartition(parent.oid())) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot inherit from partition \"%s\"", parent.name());
            }
            if (out.stream().anyMatch(p -> p.oid() == parent.oid())) {
                throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" would be inherited from more than once",
                        parent.name());
            }
            out.add(parent);
        }
        return out;
    }

    /**
     * The child's columns: the parents' columns first (same-named ones merged), then the local ones (merged into an
     * inherited column of the same name, which must have the same type), numbered anew.
     */
    List<CreateTableCommand.PendingColumn> merge(DdlContext ctx, String table, List<TableInfo> parents,
                                                 List<CreateTableCommand.PendingColumn> local,
                                                 List<ColumnDef> options, boolean partition) {
        Map<String, ColumnInfo> inherited = new LinkedHashMap<>();
        Set<String> conflictingDefaults = new HashSet<>();
        for (TableInfo parent : parents) {
            for (ColumnInfo c : parent.columns()) {
                ColumnInfo existing = inherited.get(c.name());
                ColumnInfo copy = new ColumnInfo(c.name(), (short) 0, c.type(), c.typmod(), c.notNull(), c.defaultExpr(),
                        ColumnInfo.NO_IDENTITY);
                if (existing == null) {
                    inherited.put(c.name(), copy);
                    continue;
                }
                notices.accept(notice("merging multiple inherited definitions of column \"%s\"", c.name()));
                if (existing.type() != c.type() || existing.typmod() != c.typmod()) {
                    throw PgException.of(SqlState.DATATYPE_MISMATCH, "inherited column \"%s\" has a type conflict", c.name())
                            .withDetail(type(ctx, existing) + " versus " + type(ctx, c));
                }
                String def = existing.defaultExpr();
                if (!Objects.equals(def, c.defaultExpr())) {
                    if (def == null) {
                        def = c.defaultExpr();
                    } else if (c.defaultExpr() != null) {
                        conflictingDefaults.add(c.name());
                    }
                }
                inherited.put(c.name(), new ColumnInfo(c.name(), (short) 0, c.type(), c.typmod(),
                        existing.notNull() || c.notNull(), def, ColumnInfo.NO_IDENTITY));
            }
        }
        List<String> inheritedNames = new ArrayList<>(inherited.keySet());
        List<CreateTableCommand.PendingColumn> appended = new ArrayList<>();
        int position = 0;
        for (CreateTableCommand.PendingColumn p : local) {
            position++;
            ColumnInfo c = p.column();
            ColumnInfo existing = inherited.get(c.name());
            if (existing == null) {
                appended.add(p);
                continue;
            }
            int at = inheritedNames.indexOf(c.name()) + 1;
            if (at == position) {
                notices.accept(notice("merging column \"%s\" with inherited definition", c.name()));
            } else {
                notices.accept(notice("moving and merging column \"%s\" with inherited definition", c.name())
                        .withDetail("User-specified column moved to the position of the inherited column."));
            }
            if (existing.type() != c.type() || existing.typmod() != c.typmod()) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "column \"%s\" has a type conflict", c.name())
                        .withDetail(type(ctx, existing) + " versus " + type(ctx, c));
            }
            conflictingDefaults.remove(c.name());
            inherited.put(c.name(), new ColumnInfo(c.name(), (short) 0, c.type(), c.typmod(),
                    existing.notNull() || c.notNull(), c.defaultExpr() != null ? c.defaultExpr() : existing.defaultExpr(),
                    ColumnInfo.NO_IDENTITY));
        }
        for (ColumnDef o : options) {
            ColumnInfo existing = inherited.get(o.colname());
            if (existing == null) {
                throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", o.colname());
            }
            inherited.put(o.colname(), withOptions(existing, o));
        }
        if (!conflictingDefaults.isEmpty()) {
            throw PgException.of(SqlState.INVALID_COLUMN_DEFINITION, "column \"%s\" inherits conflicting default values",
                    conflictingDefaults.iterator().next())
                    .withHint("To resolve the conflict, specify a default explicitly.");
        }
        List<CreateTableCommand.PendingColumn> out = new ArrayList<>();
        for (ColumnInfo c : inherited.values()) {
            out.add(new CreateTableCommand.PendingColumn(c.withNumber((short) (out.size() + 1)), false, null));
        }
        for (CreateTableCommand.PendingColumn p : appended) {
            if (partition) {
                throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", p.column().name());
            }
            out.add(new CreateTableCommand.PendingColumn(p.column().withNumber((short) (out.size() + 1)), p.serial(),
                    p.identityOptions()));
        }
        return out;
    }

    /** NOT NULL and DEFAULT given for a column of a partition: {@code PARTITION OF p (a NOT NULL, b DEFAULT 1)}. */
    private static ColumnInfo withOptions(ColumnInfo column, ColumnDef def) {
        ColumnInfo out = column;
        for (Constraint k : def.constraints() == null ? List.<Constraint>of() : def.constraints()) {
            switch (k.contype()) {
                case NOTNULL -> out = out.withNotNull(true);
                case DEFAULT -> out = out.withDefault(org.lakepg.server.table.ExpressionText.of(k.rawExpr()));
                default -> { }
            }
        }
        return out;
    }

    /** The parents' CHECK constraints, once each by name (the child gets them under the same names). */
    List<ConstraintInfo> inheritedChecks(DdlContext ctx, List<TableInfo> parents) {
        Map<String, ConstraintInfo> out = new LinkedHashMap<>();
        for (TableInfo parent : parents) {
            for (ConstraintInfo k : catalog.constraints(ctx.txn().snapshot(), parent.oid())) {
                if (k.type() == ConstraintInfo.CHECK) {
                    out.putIfAbsent(k.name(), k);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The pg_inherits rows of a new child, one per parent in order. */
    void link(DdlContext ctx, TableInfo child, List<TableInfo> parents, PartitionBound bound) {
        int seqno = 1;
        for (TableInfo parent : parents) {
            catalog.addInherits(ctx.txn(), child.oid(), parent.oid(), seqno++, bound);
        }
    }

    /** PARTITION BY: the key columns, which must exist, and expressions over them. */
    PartitionKey partitionKey(DdlContext ctx, TableInfo table, PartitionSpec spec) {
        char strategy = switch (spec.strategy().toLowerCase(java.util.Locale.ROOT)) {
            case "range" -> 'r';
            case "list" -> 'l';
            case "hash" -> 'h';
            default -> throw PgException.of(SqlState.UNDEFINED_OBJECT, "unrecognized partitioning strategy \"%s\"",
                    spec.strategy());
        };
        if (strategy == 'l' && spec.partParams().size() > 1) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "cannot use \"list\" partition strategy with more than one column").withPosition(spec.location() + 1);
        }
        List<Short> columns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<Long> opclasses = new ArrayList<>();
        for (PartitionElem e : spec.partParams()) {
            opclasses.add(userOperatorClass(ctx, strategy, e));
            if (e.name() == null) {
                var bound = ctx.binder().bindExpression(table, e.expr());
                if (returnsSet(ctx, bound)) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "set-returning functions are not allowed in partition key expressions");
                }
                if (bound.type() == org.lakepg.server.catalog.TypeOids.RECORD
                        || bound.type() == org.lakepg.server.catalog.TypeOids.UNKNOWN) {
                    throw PgException.of(SqlState.DATATYPE_MISMATCH, "partition key column %d has pseudo-type %s",
                            columns.size() + 1, TypeNames.format(ctx.catalog(), bound.type()));
                }
                requireBtree(ctx, strategy, bound.type(), e);
                if (!immutable(bound)) {
                    throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "functions in partition key expression must be marked IMMUTABLE");
                }
                if (org.lakepg.server.table.ExpressionText.columnNames(e.expr()).isEmpty()) {
                    throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "cannot use constant expression as partition key");
                }
                columns.add((short) 0);
                String text = org.lakepg.server.table.ExpressionText.of(e.expr());
                // pg_get_partkeydef parenthesises every expression that is not a function call
                expressions.add(e.expr() instanceof org.lakepg.server.sql.ast.FuncCall ? text : "(" + text + ")");
                continue;
            }
            if (List.of("tableoid", "cmax", "xmax", "cmin", "xmin", "ctid").contains(e.name())
                    && table.column(e.name()).isEmpty()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot use system column \"%s\" in partition key",
                        e.name()).withPosition(e.location() + 1);
            }
            ColumnInfo c = table.column(e.name()).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_COLUMN,
                    "column \"%s\" named in partition key does not exist", e.name()).withPosition(e.location() + 1));
            requireBtree(ctx, strategy, c.type(), e);
            columns.add(c.number());
        }
        return new PartitionKey(strategy, columns, expressions, opclasses);
    }

    /** The OID of the user-defined hash operator class a hash key part names, 0 for the type's default class. */
    private static long userOperatorClass(DdlContext ctx, char strategy, PartitionElem e) {
        if (strategy != 'h' || e.opclass() == null || e.opclass().isEmpty()) {
            return 0;
        }
        return ctx.catalog().userOperatorClasses(e.opclass(), "hash").stream().findFirst()
                .map(c -> c.oid()).orElse(0L);
    }

    /** Range and list keys compare with the type's default btree operator class (ComputePartitionAttrs). */
    private static void requireBtree(DdlContext ctx, char strategy, long type, PartitionElem e) {
        if (strategy == 'h' || ctx.catalog().btreeComparison(type).isPresent()) {
            return;
        }
        if (e.opclass() != null && !e.opclass().isEmpty()) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "operator class \"%s\" does not exist for access method \"btree\"",
                    e.opclass().get(e.opclass().size() - 1));
        }
        throw PgException.of(SqlState.UNDEFINED_OBJECT, "data type %s has no default operator class for access method \"btree\"",
                TypeNames.format(ctx.catalog(), type))
                .withHint("You must specify a btree operator class or define a default btree operator class for the data type.");
    }

    private static boolean returnsSet(DdlContext ctx, org.lakepg.server.sql.plan.expr.BoundExpr e) {
        boolean[] set = {false};
        org.lakepg.server.sql.analyzer.ExprRewriter.map(e, x -> {
            if (x instanceof org.lakepg.server.sql.plan.expr.FuncExpr f
                    && ctx.catalog().function(f.function()).map(p -> p.returnsSet()).orElse(false)) {
                set[0] = true;
            }
            return x;
        });
        return set[0];
    }

    private static boolean immutable(org.lakepg.server.sql.plan.expr.BoundExpr e) {
        boolean[] ok = {true};
        org.lakepg.server.sql.analyzer.ExprRewriter.map(e, x -> {
            if (x instanceof org.lakepg.server.sql.plan.expr.FuncExpr f && f.volatility() != 'i') {
                ok[0] = false;
            }
            return x;
        });
        return ok[0];
    }

    private static String type(DdlContext ctx, ColumnInfo c) {
        return TypeNames.format(ctx.catalog(), c.type(), c.typmod());
    }

    private static PgException notice(String format, Object... args) {
        return PgException.of(SqlState.SUCCESSFUL_COMPLETION, format, args).withSeverity(PgException.Severity.NOTICE);
    }

    /** The partitions (at every level) of the tables being dropped that are not in the list yet. */
    static List<TableInfo> partitionsOf(TableCatalog catalog, org.lakepg.server.txn.Snapshot snapshot,
                                        List<TableInfo> dropping) {
        Inheritance inheritance = catalog.inheritance(snapshot);
        List<TableInfo> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        dropping.forEach(t -> seen.add(t.oid()));
        for (int i = 0; i < dropping.size() + out.size(); i++) {
            TableInfo t = i < dropping.size() ? dropping.get(i) : out.get(i - dropping.size());
            for (long child : inheritance.children(t.oid())) {
                if (inheritance.isPartition(child) && seen.add(child)) {
                    catalog.findByOid(snapshot, child).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** Tables inheriting (not as partitions) from the tables being dropped, and their descendants, not in the list. */
    static List<TableInfo> inheritingChildren(TableCatalog catalog, org.lakepg.server.txn.Snapshot snapshot,
                                              List<TableInfo> dropping) {
        Inheritance inheritance = catalog.inheritance(snapshot);
        List<TableInfo> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        dropping.forEach(t -> seen.add(t.oid()));
        for (TableInfo t : dropping) {
            for (long child : inheritance.descendants(t.oid())) {
                if (!inheritance.isPartition(child) && seen.add(child)) {
                    catalog.findByOid(snapshot, child).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** One ALTER TABLE subcommand on one table (AlterTableCommand's own work). */
    interface Step {
        void run(DdlContext ctx, TableInfo table, org.lakepg.server.sql.ast.AlterTableCmd cmd);
    }

    /**
     * An ALTER TABLE subcommand with PostgreSQL's recursion: column and CHECK changes of a parent reach its
     * children (unless ONLY); a child may not drop or retype a column it inherits.
     */
    void alter(DdlContext ctx, TableInfo table, org.lakepg.server.sql.ast.AlterTableCmd cmd, boolean recurse, Step one) {
        var kind = cmd.subtype().kind();
        Inheritance inheritance = catalog.inheritance(ctx.txn().snapshot());
        if ((kind == org.lakepg.server.sql.ast.AlterTableType.Kind.DROP_COLUMN
                || kind == org.lakepg.server.sql.ast.AlterTableType.Kind.ALTER_COLUMN_TYPE)
                && inheritedColumn(ctx, inheritance, table, cmd.name())) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "cannot %s inherited column \"%s\"",
                    kind == org.lakepg.server.sql.ast.AlterTableType.Kind.DROP_COLUMN ? "drop" : "alter", cmd.name());
        }
        recurse(ctx, table, cmd, recurse, one);
    }

    private void recurse(DdlContext ctx, TableInfo table, org.lakepg.server.sql.ast.AlterTableCmd cmd, boolean recurse,
                         Step one) {
        one.run(ctx, table, cmd);
        var snapshot = ctx.txn().snapshot();
        Inheritance inheritance = catalog.inheritance(snapshot);
        if (!recurse || !recursive(cmd, inheritance.isPartitioned(table.oid()))) {
            return;
        }
        for (long childOid : inheritance.children(table.oid())) {
            TableInfo child = catalog.findByOid(ctx.txn().snapshot(), childOid).orElseThrow();
            switch (cmd.subtype().kind()) {
                case ADD_COLUMN -> {
                    ColumnDef def = (ColumnDef) cmd.def();
                    var existing = child.column(def.colname());
                    if (existing.isPresent()) {
                        long[] type = ctx.types().resolveType(def.typeName());
                        if (existing.get().type() != type[0]) {
                            throw PgException.of(SqlState.DATATYPE_MISMATCH,
                                    "child table \"%s\" has different type for column \"%s\"", child.name(),
                                    def.colname());
                        }
                        notices.accept(notice("merging definition of column \"%s\" for child \"%s\"", def.colname(),
                                child.name()));
                        continue;
                    }
                }
                case DROP_COLUMN -> {
                    if (child.column(cmd.name()).isEmpty() || otherParentHas(ctx, inheritance, child, table, cmd.name())) {
                        continue;
                    }
                }
                case DROP_CONSTRAINT -> {
                    if (catalog.constraints(snapshot, childOid).stream().noneMatch(k -> k.name().equals(cmd.name()))) {
                        continue;
                    }
                }
                default -> { }
            }
            recurse(ctx, child, cmd, true, one);
        }
    }

    private static boolean recursive(org.lakepg.server.sql.ast.AlterTableCmd cmd, boolean partitioned) {
        return switch (cmd.subtype().kind()) {
            case ADD_COLUMN, DROP_COLUMN, COLUMN_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL, ALTER_COLUMN_TYPE,
                    DROP_CONSTRAINT -> true;
            case ADD_CONSTRAINT -> cmd.def() instanceof Constraint k && (k.contype() == Constraint.ConstrType.CHECK
                    && !k.isNoInherit() || partitioned);
            default -> false;
        };
    }

    private boolean inheritedColumn(DdlContext ctx, Inheritance inheritance, TableInfo table, String column) {
        for (long parent : inheritance.parents(table.oid())) {
            if (catalog.findByOid(ctx.txn().snapshot(), parent).flatMap(p -> p.column(column)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private boolean otherParentHas(DdlContext ctx, Inheritance inheritance, TableInfo child, TableInfo parent,
                                   String column) {
        for (long other : inheritance.parents(child.oid())) {
            if (other != parent.oid() && catalog.findByOid(ctx.txn().snapshot(), other).flatMap(p -> p.column(column))
                    .isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** ALTER TABLE ... INHERIT / NO INHERIT / ATTACH PARTITION / DETACH PARTITION. */
    void alterLinks(DdlContext ctx, TableInfo table, org.lakepg.server.sql.ast.AlterTableCmd cmd) {
        var snapshot = ctx.txn().snapshot();
        Inheritance inheritance = catalog.inheritance(snapshot);
        switch (cmd.subtype().kind()) {
            case ADD_INHERIT -> {
                TableInfo parent = relations.requireTable(snapshot, (RangeVar) cmd.def());
                if (inheritance.isPartition(table.oid())) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change inheritance of a partition");
                }
                if (inheritance.isPartitioned(table.oid())) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change inheritance of partitioned table");
                }
                if (inheritance.isPartitioned(parent.oid())) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot inherit from partitioned table \"%s\"",
                            parent.name());
                }
                if (inheritance.parents(table.oid()).contains(parent.oid())) {
                    throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" would be inherited from more than once",
                            parent.name());
                }
                if (parent.oid() == table.oid() || inheritance.ancestors(parent.oid()).contains(table.oid())) {
                    throw PgException.of(SqlState.DUPLICATE_TABLE, "circular inheritance not allowed")
                            .withDetail("\"" + parent.name() + "\" is already a child of \"" + table.name() + "\".");
                }
                matchColumns(ctx, table, parent, false);
                for (ConstraintInfo k : catalog.constraints(snapshot, parent.oid())) {
                    if (k.type() == ConstraintInfo.CHECK && catalog.constraints(snapshot, table.oid()).stream()
                            .noneMatch(c -> c.name().equals(k.name()))) {
                        throw PgException.of(SqlState.DATATYPE_MISMATCH, "child table is missing constraint \"%s\"",
                                k.name());
                    }
                }
                catalog.addInherits(ctx.txn(), table.oid(), parent.oid(), inheritance.parents(table.oid()).size() + 1,
                        null);
            }
            case DROP_INHERIT -> {
                TableInfo parent = relations.requireTable(snapshot, (RangeVar) cmd.def());
                if (inheritance.isPartition(table.oid())) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change inheritance of a partition");
                }
                if (!inheritance.parents(table.oid()).contains(parent.oid())) {
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" is not a parent of relation \"%s\"",
                            parent.name(), table.name());
                }
                catalog.removeInherits(ctx.txn(), table.oid(), parent.oid());
            }
            case ATTACH_PARTITION -> {
                List<?> def = (List<?>) cmd.def();
                TableInfo partition = relations.requireTable(snapshot, (RangeVar) def.get(0));
                PartitionKey key = inheritance.key(table.oid()).orElseThrow(() -> PgException.of(
                        SqlState.INVALID_OBJECT_DEFINITION, "table \"%s\" is not partitioned", table.name()));
                if (inheritance.isPartition(partition.oid())) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is already a partition", partition.name());
                }
                if (!inheritance.parents(partition.oid()).isEmpty()) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot attach inheritance child as partition");
                }
                if (inheritance.hasChildren(partition.oid()) && !inheritance.isPartitioned(partition.oid())) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot attach inheritance parent as partition");
                }
                if (partition.oid() == table.oid() || inheritance.ancestors(table.oid()).contains(partition.oid())) {
                    throw PgException.of(SqlState.DUPLICATE_TABLE, "circular inheritance not allowed")
                            .withDetail("\"" + partition.name() + "\" is already a child of \"" + table.name() + "\".");
                }
                matchColumns(ctx, partition, table, true);
                PartitionBound bound = new PartitionBounds(ctx).bound(table, key, partition.name(),
                        (org.lakepg.server.sql.ast.PartitionBoundSpec) def.get(1));
                if (!bound.isDefault() && violated(ctx, partition, bound.constraint())) {
                    throw PgException.of(SqlState.CHECK_VIOLATION,
                            "partition constraint of relation \"%s\" is violated by some row", partition.name());
                }
                checkDefault(ctx, table, bound);
                catalog.addInherits(ctx.txn(), partition.oid(), table.oid(), 1, bound);
            }
            case DETACH_PARTITION -> {
                TableInfo partition = relations.requireTable(snapshot, (RangeVar) cmd.def());
                if (!inheritance.isPartitioned(table.oid())) {
                    throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "table \"%s\" is not partitioned",
                            table.name());
                }
                if (!inheritance.parents(partition.oid()).contains(table.oid())) {
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" is not a partition of relation \"%s\"",
                            partition.name(), table.name());
                }
                catalog.removeInherits(ctx.txn(), partition.oid(), table.oid());
            }
            default -> throw new IllegalStateException();
        }
    }

    /** A new child or partition must have the parent's columns with the same types (and, a partition, no more). */
    private void matchColumns(DdlContext ctx, TableInfo child, TableInfo parent, boolean partition) {
        if (partition) {
            for (ColumnInfo c : child.columns()) {
                if (parent.column(c.name()).isEmpty()) {
                    throw PgException.of(SqlState.DATATYPE_MISMATCH, "table \"%s\" contains column \"%s\" not found in parent \"%s\"",
                            child.name(), c.name(), parent.name())
                            .withDetail("The new partition may contain only the columns present in parent.");
                }
            }
        }
        for (ColumnInfo p : parent.columns()) {
            ColumnInfo c = child.column(p.name()).orElseThrow(() -> PgException.of(SqlState.DATATYPE_MISMATCH,
                    "child table is missing column \"%s\"", p.name()));
            if (c.type() != p.type() || c.typmod() != p.typmod()) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "child table \"%s\" has different type for column \"%s\"",
                        child.name(), p.name());
            }
            if (p.notNull() && !c.notNull()) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "column \"%s\" in child table must be marked NOT NULL",
                        p.name());
            }
        }
    }

    /** A new partition's rows must not be in the parent's DEFAULT partition already. */
    void checkDefault(DdlContext ctx, TableInfo parent, PartitionBound bound) {
        if (bound.isDefault()) {
            return;
        }
        Inheritance inheritance = catalog.inheritance(ctx.txn().snapshot());
        for (long sibling : inheritance.children(parent.oid())) {
            if (inheritance.bound(sibling).map(PartitionBound::isDefault).orElse(false)) {
                TableInfo d = catalog.findByOid(ctx.txn().snapshot(), sibling).orElseThrow();
                if (!inheritance.isPartitioned(sibling) && matches(ctx, d, bound.constraint())) {
                    throw PgException.of(SqlState.CHECK_VIOLATION,
                            "updated partition constraint for default partition \"%s\" would be violated by some row",
                            d.name());
                }
            }
        }
    }

    /** Some row of the table fails the condition (NULL passes, as for CHECK). */
    private boolean violated(DdlContext ctx, TableInfo table, String condition) {
        return anyRow(ctx, table, condition, Boolean.FALSE);
    }

    /** Some row of the table satisfies the condition. */
    private boolean matches(DdlContext ctx, TableInfo table, String condition) {
        return anyRow(ctx, table, condition, Boolean.TRUE);
    }

    private boolean anyRow(DdlContext ctx, TableInfo table, String condition, Boolean wanted) {
        var compiled = ctx.compiler().compile(ctx.binder().bindCheck(table,
                org.lakepg.server.sql.analyzer.DefaultExpressions.parse(condition)));
        var codec = new org.lakepg.server.table.RowCodec(table.columnTypes());
        for (var it = catalog.heap(table).scan(ctx.txn().snapshot()); it.hasNext(); ) {
            Object[] row = codec.decode(it.next().payload());
            if (wanted.equals(compiled.eval(row, ctx.exec()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables a RENAME COLUMN changes: the table and (unless ONLY) every descendant having the column; a column
     * the table inherits cannot be renamed on its own (renameatt's 42P16).
     */
    List<TableInfo> renameTargets(DdlContext ctx, TableInfo table, boolean inh, String column) {
        var snapshot = ctx.txn().snapshot();
        Inheritance inheritance = catalog.inheritance(snapshot);
        if (inheritedColumn(ctx, inheritance, table, column)) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "cannot rename inherited column \"%s\"", column);
        }
        List<TableInfo> out = new ArrayList<>();
        out.add(table);
        if (inh || inheritance.isPartitioned(table.oid())) {
            for (long d : inheritance.descendants(table.oid())) {
                catalog.findByOid(snapshot, d).filter(t -> t.column(column).isPresent()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The direct partitions of a partitioned table (none for other tables). */
    List<TableInfo> partitions(DdlContext ctx, TableInfo table) {
        var snapshot = ctx.txn().snapshot();
        Inheritance inheritance = catalog.inheritance(snapshot);
        List<TableInfo> out = new ArrayList<>();
        if (inheritance.isPartitioned(table.oid())) {
            for (long child : inheritance.children(table.oid())) {
                catalog.findByOid(snapshot, child).ifPresent(out::add);
            }
        }
        return out;
    }

    /** A unique key of a partitioned table must include the partition key's columns (DefineIndex). */
    void requireKeyCoversPartitionKey(DdlContext ctx, TableInfo table, List<String> columns, boolean primary) {
        PartitionKey key = catalog.inheritance(ctx.txn().snapshot()).key(table.oid()).orElse(null);
        if (key == null) {
            return;
        }
        String kind = primary ? "PRIMARY KEY" : "UNIQUE";
        for (short a : key.columns()) {
            if (a == 0) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "unsupported %s constraint with partition key definition",
                        kind).withDetail(kind + " constraints cannot be used when partition keys include expressions.");
            }
            String column = table.columns().get(a - 1).name();
            if (!columns.contains(column)) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "unique constraint on partitioned table must include all partitioning columns")
                        .withDetail(kind + " constraint on table \"" + table.name() + "\" lacks column \"" + column
                                + "\" which is part of the partition key.");
            }
        }
    }
}
