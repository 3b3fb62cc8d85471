package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.TriggerCatalog.TriggerInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.AlterTableCmd;
import org.lakepg.server.sql.ast.AlterTableStmt;
import org.lakepg.server.sql.ast.AlterTableType;
import org.lakepg.server.sql.ast.CreateTrigStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.sql.ast.TriggerTransition;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE TRIGGER, DROP TRIGGER, ALTER TRIGGER ... RENAME and ALTER TABLE ENABLE / DISABLE TRIGGER. */
final class TriggerCommands {
    private static final Pattern WHEN = Pattern.compile("(?is)\\bwhen\\s*\\((.*)\\)\\s*execute\\s+(function|procedure)\\b");

    private final ObjectCatalog objects;
    private final SessionRelations relations;
    private final AnalyzerCatalog catalog;
    private final Consumer<PgException> notices;

    TriggerCommands(ObjectCatalog objects, SessionRelations relations, AnalyzerCatalog catalog,
                    Consumer<PgException> notices) {
        this.objects = objects;
        this.relations = relations;
        this.catalog = catalog;
        this.notices = notices;
    }

    Execution create(CreateTrigStmt s, String text, Transaction txn) {
        Optional<TableInfo> found = relations.table(txn.snapshot(), s.relation());
        if (found.isEmpty() && objects.views().views(txn.snapshot()).stream()
                .anyMatch(v -> v.name().equals(s.relation().relname()))) {
            if (s.timing() != TriggerInfo.INSTEAD && s.row()) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is a view", s.relation().relname())
                        .withDetail("Views cannot have row-level BEFORE or AFTER triggers.");
            }
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "triggers on views are not supported yet");
        }
        TableInfo table = relations.requireTable(txn.snapshot(), s.relation());
        if (s.timing() == TriggerInfo.INSTEAD) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is a table", table.name())
                    .withDetail("Tables cannot have INSTEAD OF triggers.");
        }
        if (s.row() && (s.events() & TriggerInfo.TRUNCATE) != 0) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "TRUNCATE FOR EACH ROW triggers are not supported");
        }
        ProcEntry function = function(s.funcname());
        String when = null;
        if (s.whenClause() != null) {
            Matcher m = text == null ? null : WHEN.matcher(text);
            if (m == null || !m.find()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this WHEN condition is not supported yet");
            }
            when = m.group(1).trim();
            String lower = when.toLowerCase(java.util.Locale.ROOT);
            if (!s.row() && (lower.matches("(?s).*\\b(new|old)\\s*\\..*"))) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                        "statement trigger's WHEN condition cannot reference column values");
            }
            if ((s.events() & TriggerInfo.INSERT) != 0 && lower.matches("(?s).*\\bold\\s*\\..*")) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "INSERT trigger's WHEN condition cannot reference OLD values");
            }
            if ((s.events() & TriggerInfo.DELETE) != 0 && lower.matches("(?s).*\\bnew\\s*\\..*")) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "DELETE trigger's WHEN condition cannot reference NEW values");
            }
        }
        List<Integer> columns = new ArrayList<>();
        if (s.columns() != null) {
            for (String name : s.columns()) {
                if (s.columns().indexOf(name) != s.columns().lastIndexOf(name)) {
                    throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", name);
                }
                ColumnInfo c = table.columns().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_COLUMN,
                                "column \"%s\" of relation \"%s\" does not exist", name, table.name()));
                columns.add((int) c.number());
            }
        }
        String oldTable = null;
        String newTable = null;
        if (s.transitionRels() != null) {
            for (TriggerTransition t : s.transitionRels()) {
                if (!s.row() && false) {
                    continue;
                }
                if (t.isNew()) {
                    newTable = t.name();
                } else {
                    oldTable = t.name();
                }
            }
        }
        int type = (s.row() ? TriggerInfo.ROW : 0) | s.timing() | s.events();
        Optional<TriggerInfo> existing = objects.triggers().forTable(txn.snapshot(), table.oid()).stream()
                .filter(t -> t.name().equals(s.trigname())).findFirst();
        org.lakepg.server.table.Inheritance inheritance = catalog.inheritance();
        for (long t = table.oid(); inheritance.isPartition(t); ) {
            t = inheritance.parents(t).get(0);
            boolean cloned = objects.triggers().forTable(txn.snapshot(), t).stream()
                    .anyMatch(g -> g.row() && g.name().equals(s.trigname()));
            if (cloned) {
                // the partitioned table's row trigger stands on this partition too (PostgreSQL's clone)
                throw PgException.of(SqlState.DUPLICATE_OBJECT, s.replace()
                        ? "trigger \"%s\" for relation \"%s\" is an internal or a child trigger"
                        : "trigger \"%s\" for relation \"%s\" already exists", s.trigname(), table.name());
            }
        }
        long oid;
        if (existing.isPresent()) {
            if (!s.replace()) {
                throw PgException.of(SqlState.DUPLICATE_OBJECT, "trigger \"%s\" for relation \"%s\" already exists",
                        s.trigname(), table.name());
            }
            oid = existing.get().oid();
            objects.triggers().drop(txn, oid);
        } else {
            oid = relations.catalog().newOid();
        }
        objects.triggers().create(txn, new TriggerInfo(oid, table.oid(), s.trigname(), function.oid(), type, 'O',
                columns, s.args() == null ? List.of() : s.args(), when, oldTable, newTable, s.isconstraint(),
                s.deferrable(), s.initdeferred()));
        return Execution.done("CREATE TRIGGER");
    }

    /** The trigger function: no arguments, returning trigger. */
    private ProcEntry function(List<String> name) {
        ProcEntry found = catalog.functions(name).stream().filter(p -> p.argumentTypes().length == 0).findFirst()
                .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s() does not exist",
                        String.join(".", name)));
        if (found.returnType() != TypeOids.TRIGGER) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "function %s must return type %s",
                    String.join(".", name), "trigger");
        }
        return found;
    }

    Execution drop(DropStmt s, Transaction txn) {
        for (Object o : s.objects()) {
            List<?> parts = (List<?>) o;
            String name = (String) parts.get(0);
            @SuppressWarnings("unchecked")
            List<String> tableName = (List<String>) parts.get(1);
            RangeVar rv = rangeVar(tableName);
            Optional<TableInfo> table = relations.table(txn.snapshot(), rv);
            if (table.isEmpty()) {
                MissingDropTarget.skipOrThrow(s.missingOk(), PgException.of(SqlState.UNDEFINED_TABLE,
                        "relation \"%s\" does not exist", String.join(".", tableName)), notices,
                        "relation \"%s\" does not exist, skipping", String.join(".", tableName));
                continue;
            }
            Optional<TriggerInfo> trigger = find(txn, table.get(), name);
            if (trigger.isEmpty()) {
                MissingDropTarget.skipOrThrow(s.missingOk(), PgException.of(SqlState.UNDEFINED_OBJECT,
                        "trigger \"%s\" for table \"%s\" does not exist", name, table.get().name()), notices,
                        "trigger \"%s\" for relation \"%s\" does not exist, skipping", name, table.get().name());
                continue;
            }
            objects.triggers().drop(txn, trigger.get().oid());
        }
        return Execution.done("DROP TRIGGER");
    }

    private Optional<TriggerInfo> find(Transaction txn, TableInfo table, String name) {
        return objects.triggers().forTable(txn.snapshot(), table.oid()).stream().filter(t -> t.name().equals(name))
                .findFirst();
    }

    /** The table a qualified name of DROP / ALTER ... ON table names. */
    static RangeVar rangeVar(List<String> name) {
        return new RangeVar(null, name.size() > 1 ? name.get(name.size() - 2) : null, name.get(name.size() - 1), true,
                'p', null, -1);
    }

    /** ALTER TRIGGER name ON table RENAME TO new. */
    Execution rename(RenameStmt s, Transaction txn) {
        RangeVar relation = s.relation();
        String name = s.subname();
        if (relation == null && s.object() instanceof List<?> parts) {
            name = (String) parts.get(0);
            @SuppressWarnings("unchecked")
            List<String> tableName = (List<String>) parts.get(1);
            relation = rangeVar(tableName);
        }
        String oldName = name;
        TableInfo table = relations.requireTable(txn.snapshot(), relation);
        TriggerInfo trigger = find(txn, table, oldName).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                "trigger \"%s\" for table \"%s\" does not exist", oldName, table.name()));
        if (find(txn, table, s.newname()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "trigger \"%s\" for relation \"%s\" already exists",
                    s.newname(), table.name());
        }
        objects.triggers().replace(txn, trigger.withName(s.newname()));
        return Execution.done("ALTER TRIGGER");
    }

    /**
     * ALTER TABLE ... DROP COLUMN of a column an UPDATE OF trigger names: refused without CASCADE (the triggers are
     * listed as pg_depend would), with CASCADE the triggers go first.
     */
    void checkColumnDrops(AlterTableStmt a, Transaction txn) {
        Optional<TableInfo> found = relations.table(txn.snapshot(), a.relation());
        if (found.isEmpty()) {
            return;
        }
        TableInfo table = found.get();
        for (AlterTableCmd c : a.cmds()) {
            if (c.subtype().kind() != AlterTableType.Kind.DROP_COLUMN) {
                continue;
            }
            var column = table.column(c.name());
            if (column.isEmpty()) {
                continue;
            }
            int attnum = column.get().number();
            List<TriggerInfo> dependents = objects.triggers().forTable(txn.snapshot(), table.oid()).stream()
                    .filter(t -> t.columns().contains(attnum))
                    .sorted(java.util.Comparator.comparingLong(TriggerInfo::oid)).toList();
            if (dependents.isEmpty()) {
                continue;
            }
            if (c.behavior() == null || c.behavior().kind() != org.lakepg.server.sql.ast.DropBehavior.Kind.CASCADE) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop column %s of table %s because other objects depend on it", c.name(), table.name())
                        .withDetail(String.join("\n", dependents.stream().map(t -> "trigger %s on table %s depends on column %s of table %s"
                                .formatted(t.name(), table.name(), c.name(), table.name())).toList()))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            for (TriggerInfo t : dependents) {
                notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "drop cascades to trigger %s on table %s",
                        t.name(), table.name()).withSeverity(PgException.Severity.NOTICE));
                objects.triggers().drop(txn, t.oid());
            }
        }
    }

    /** Whether every subcommand of an ALTER TABLE enables or disables triggers. */
    static boolean onlyTriggerStates(AlterTableStmt a) {
        return !a.cmds().isEmpty() && a.cmds().stream().allMatch(c -> state(c.subtype().kind()) != 0);
    }

    private static char state(AlterTableType.Kind kind) {
        return switch (kind) {
            case ENABLE_TRIG, ENABLE_TRIG_ALL, ENABLE_TRIG_USER -> 'O';
            case ENABLE_ALWAYS_TRIG -> 'A';
            case ENABLE_REPLICA_TRIG -> 'R';
            case DISABLE_TRIG, DISABLE_TRIG_ALL, DISABLE_TRIG_USER -> 'D';
            default -> 0;
        };
    }

    Execution enable(AlterTableStmt a, Transaction txn) {
        Optional<TableInfo> found = relations.table(txn.snapshot(), a.relation());
        if (found.isEmpty()) {
            if (a.missingOk()) {
                notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "relation \"%s\" does not exist, skipping",
                        a.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                return Execution.done("ALTER TABLE");
            }
            relations.requireTable(txn.snapshot(), a.relation());
        }
        TableInfo table = found.get();
        for (AlterTableCmd c : a.cmds()) {
            char state = state(c.subtype().kind());
            boolean all = c.name() == null;
            List<TriggerInfo> targets = objects.triggers().forTable(txn.snapshot(), table.oid()).stream()
                    .filter(t -> all || t.name().equals(c.name())).toList();
            if (!all && targets.isEmpty()) {
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "trigger \"%s\" for table \"%s\" does not exist", c.name(),
                        table.name());
            }
            for (TriggerInfo t : targets) {
                objects.triggers().replace(txn, t.withEnabled(state));
            }
        }
        return Execution.done("ALTER TABLE");
    }
}
