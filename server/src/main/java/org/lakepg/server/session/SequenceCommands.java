package org.lakepg.server.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.ast.AlterSeqStmt;
import org.lakepg.server.sql.ast.CreateSeqStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE / ALTER / DROP SEQUENCE, and the sequences that serial and identity columns own. */
final class SequenceCommands {
    private final SessionRelations relations;
    private final TableCatalog catalog;
    private final Consumer<PgException> notices;

    SequenceCommands(SessionRelations relations, Consumer<PgException> notices) {
        this.relations = relations;
        this.catalog = relations.catalog();
        this.notices = notices;
    }

    Execution create(CreateSeqStmt s, Transaction txn, ExpressionAnalyzer types) {
        long namespace = relations.creationNamespace(s.sequence());
        String name = s.sequence().relname();
        if (relations.relationExists(txn.snapshot(), namespace, name)) {
            if (s.ifNotExists()) {
                notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping",
                        name).withSeverity(PgException.Severity.NOTICE));
                return Execution.done("CREATE SEQUENCE");
            }
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
        SequenceOptions o = SequenceOptions.of(s.options(), null, TypeOids.INT8, types);
        SequenceInfo info = catalog.createSequence(txn, name, namespace, o.type(), o.options(), o.cache(),
                relations.persistence(namespace));
        if (o.ownedBy() != null) {
            setOwner(txn, info, o.ownedBy());
        }
        return Execution.done("CREATE SEQUENCE");
    }

    /** The sequence of a serial or identity column, named as PostgreSQL names it (table_column_seq). */
    SequenceInfo createOwned(Transaction txn, TableInfo table, ColumnInfo column, List<DefElem> options,
                             ExpressionAnalyzer types) {
        String name = options == null ? null : options.stream().filter(e -> e.defname().equals("sequence_name"))
                .map(e -> {
                    @SuppressWarnings("unchecked")
                    List<String> n = (List<String>) e.arg();
                    return n.get(n.size() - 1);
                }).findFirst().orElse(null);
        if (name == null) {
            name = chooseName(txn, table.namespace(), table.name() + "_" + column.name() + "_seq");
        }
        SequenceOptions o = SequenceOptions.of(options, null, column.type(), types);
        SequenceInfo info = catalog.createSequence(txn, name, table.namespace(), o.type(), o.options(), o.cache(),
                table.persistence());
        SequenceInfo owned = info.withOwner(table.oid(), column.number());
        catalog.updateSequence(txn, owned);
        return owned;
    }

    /** PostgreSQL's ChooseRelationName: a name that is not taken, by appending 1, 2, ... */
    String chooseName(Transaction txn, long namespace, String base) {
        String name = base;
        for (int i = 1; relations.relationExists(txn.snapshot(), namespace, name); i++) {
            name = base + i;
        }
        return name;
    }

    Execution alter(AlterSeqStmt s, Transaction txn, ExpressionAnalyzer types) {
        RangeVar r = s.sequence();
        Optional<SequenceInfo> found = relations.sequence(txn.snapshot(), r.schemaname(), r.relname());
        if (found.isEmpty() && relations.table(txn.snapshot(), r).isPresent()) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", r.relname());
        }
        if (found.isEmpty()) {
            if (s.missingOk()) {
                notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                        r.relname()).withSeverity(PgException.Severity.NOTICE));
                return Execution.done("ALTER SEQUENCE");
            }
            throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", r.relname());
        }
        alterOptions(txn, found.get(), s.options(), types);
        return Execution.done("ALTER SEQUENCE");
    }

    SequenceInfo alterOptions(Transaction txn, SequenceInfo info, List<DefElem> options, ExpressionAnalyzer types) {
        SequenceOptions o = SequenceOptions.of(options, info, info.type(), types);
        relations.sequenceCache.remove(info.oid()); // values reserved under the old options are not handed out
        var storage = catalog.sequence(info);
        long last = storage.lastValue();
        boolean called = storage.isCalled();
        if (o.restart() != null) {
            last = o.restart();
            called = false;
        } else if (last < o.options().min() || last > o.options().max()) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, last < o.options().min()
                    ? "RESTART value (%d) cannot be less than MINVALUE (%d)"
                    : "RESTART value (%d) cannot be greater than MAXVALUE (%d)", last,
                    last < o.options().min() ? o.options().min() : o.options().max());
        }
        SequenceInfo changed = catalog.replaceSequenceStorage(txn, info, o.type(), o.options(), o.cache(), last,
                called);
        if (o.ownedBy() != null) {
            changed = setOwner(txn, changed, o.ownedBy());
        }
        return changed;
    }

    private SequenceInfo setOwner(Transaction txn, SequenceInfo info, List<String> ownedBy) {
        if (info.ownedByTable() != 0) {
            var owner = catalog.findByOid(txn.snapshot(), info.ownedByTable());
            if (owner.isPresent() && owner.get().columns().size() >= info.ownedByColumn()
                    && owner.get().columns().get(info.ownedByColumn() - 1).isIdentity()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot change ownership of identity sequence")
                        .withDetail("Sequence \"" + info.name() + "\" is linked to table \"" + owner.get().name() + "\".");
            }
        }
        if (ownedBy.size() == 1 && ownedBy.get(0).equals("none")) {
            SequenceInfo none = info.withOwner(0, (short) 0);
            catalog.updateSequence(txn, none);
            return none;
        }
        if (ownedBy.size() < 2) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "invalid OWNED BY option")
                    .withHint("Specify OWNED BY table.column or OWNED BY NONE.");
        }
        String schema = ownedBy.size() > 2 ? ownedBy.get(ownedBy.size() - 3) : null;
        String tableName = ownedBy.get(ownedBy.size() - 2);
        String columnName = ownedBy.get(ownedBy.size() - 1);
        TableInfo table = relations.table(txn.snapshot(), schema, tableName).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", tableName));
        if (table.namespace() != info.namespace()) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "sequence must be in same schema as table it is linked to");
        }
        ColumnInfo column = table.column(columnName).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_COLUMN,
                "column \"%s\" of relation \"%s\" does not exist", columnName, table.name()));
        SequenceInfo owned = info.withOwner(table.oid(), column.number());
        catalog.updateSequence(txn, owned);
        return owned;
    }

    /** DROP SEQUENCE: refused while a column default uses it, unless CASCADE (which drops the default). */
    void drop(Transaction txn, SequenceInfo info, boolean cascade) {
        for (TableInfo t : catalog.tables(txn.snapshot())) {
            for (ColumnInfo c : t.columns()) {
                if (c.defaultExpr() != null && usesSequence(c.defaultExpr(), info.name())) {
                    if (!cascade) {
                        throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                                "cannot drop sequence %s because other objects depend on it", info.name())
                                .withDetail("default value for column " + c.name() + " of table " + t.name()
                                        + " depends on sequence " + info.name())
                                .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                    }
                    if (cascade) {
                        notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION,
                                "drop cascades to default value for column %s of table %s", c.name(), t.name())
                                .withSeverity(PgException.Severity.NOTICE));
                        catalog.updateColumn(txn, t, c.number(), col -> col.withDefault(null));
                    }
                }
            }
        }
        catalog.dropSequence(txn, info);
    }

    static boolean usesSequence(String defaultExpr, String sequenceName) {
        return defaultExpr.contains("nextval(" + org.lakepg.server.table.ExpressionText.literal(sequenceName));
    }

    /** The text of a serial column's default. */
    static String nextvalDefault(SequenceInfo sequence) {
        return "nextval(" + org.lakepg.server.table.ExpressionText.literal(sequence.name()) + "::regclass)";
    }
}
