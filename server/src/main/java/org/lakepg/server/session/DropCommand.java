package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.sql.ast.DropBehavior;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * DROP TABLE / SEQUENCE / INDEX with RESTRICT (refused while other objects depend on them: foreign keys of other
 * tables, defaults using a sequence, constraints owning an index) or CASCADE (those dependents go too).
 */
final class DropCommand {
    private final SessionRelations relations;
    private final TableCatalog catalog;
    private final Consumer<PgException> notices;
    private final SequenceCommands sequences;

    DropCommand(SessionRelations relations, Consumer<PgException> notices, SequenceCommands sequences) {
        this.relations = relations;
        this.catalog = relations.catalog();
        this.notices = notices;
        this.sequences = sequences;
    }

    Execution drop(DropStmt s, Transaction txn) {
        boolean cascade = s.behavior() != null && s.behavior().kind() == DropBehavior.Kind.CASCADE;
        return switch (s.removeType().kind()) {
            case TABLE -> dropTables(s, txn, cascade);
            case SEQUENCE -> dropSequences(s, txn, cascade);
            case INDEX -> dropIndexes(s, txn, cascade);
            case TSPARSER, TSDICTIONARY, TSTEMPLATE, TSCONFIGURATION -> dropTextSearch(s, txn);
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "DROP %s is not supported yet",
                    s.removeType().kind().name().replace('_', ' '));
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> name(Object o) {
        return (List<String>) o;
    }

    private static String schema(List<String> name) {
        return name.size() > 1 ? name.get(name.size() - 2) : null;
    }

    private static String last(List<String> name) {
        return name.get(name.size() - 1);
    }

    /** DROP ... IF EXISTS of an object in a schema that does not exist: skipped with PostgreSQL's notice. */
    private boolean schemaMissing(org.lakepg.server.txn.Snapshot snapshot, String schema) {
        if (schema == null) {
            return false;
        }
        try {
            relations.searchPath(snapshot, schema);
            return false;
        } catch (PgException e) {
            notices.accept(PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist, skipping", schema)
                    .withSeverity(PgException.Severity.NOTICE));
            return true;
        }
    }

    private void skipping(String kind, String name) {
        notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "%s \"%s\" does not exist, skipping", kind, name)
                .withSeverity(PgException.Severity.NOTICE));
    }

    /**
     * DROP TEXT SEARCH PARSER / DICTIONARY / TEMPLATE / CONFIGURATION: only the built-in ones exist, and the
     * database system needs them.
     */
    private Execution dropTextSearch(DropStmt s, Transaction txn) {
        String kind = switch (s.removeType().kind()) {
            case TSPARSER -> "text search parser";
            case TSDICTIONARY -> "text search dictionary";
            case TSTEMPLATE -> "text search template";
            default -> "text search configuration";
        };
        for (Object o : s.objects()) {
            List<String> name = name(o);
            String schema = schema(name);
            if (s.missingOk() && schemaMissing(txn.snapshot(), schema)) {
                continue;
            }
            if (schema != null && !schema.equals("pg_catalog")) {
                relations.searchPath(txn.snapshot(), schema);
            }
            if (org.lakepg.server.textsearch.BuiltinObjects.exists(kind, last(name))) {
                if (org.lakepg.server.textsearch.BuiltinObjects.pinned(kind, last(name))) {
                    throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop %s %s because it is required by the database system", kind,
                            org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(last(name)));
                }
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "dropping the built-in %s %s is not supported yet",
                        kind, last(name));
            }
            String shown = String.join(".", name);
            if (!s.missingOk()) {
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "%s \"%s\" does not exist", kind, shown);
            }
            notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "%s \"%s\" does not exist, skipping", kind,
                    shown).withSeverity(PgException.Severity.NOTICE));
        }
        return Execution.done("DROP TEXT SEARCH " + switch (s.removeType().kind()) {
            case TSPARSER -> "PARSER";
            case TSDICTIONARY -> "DICTIONARY";
            case TSTEMPLATE -> "TEMPLATE";
            default -> "CONFIGURATION";
        });
    }

    private Execution dropTables(DropStmt s, Transaction txn, boolean cascade) {
        var snapshot = txn.snapshot();
        List<TableInfo> found = new ArrayList<>();
        for (Object o : s.objects()) {
            List<String> n = name(o);
            if (s.missingOk() && schemaMissing(snapshot, schema(n))) {
                continue;
            }
            Optional<TableInfo> info = relations.table(snapshot, schema(n), last(n));
            if (info.isEmpty()) {
                if (relations.sequence(snapshot, schema(n), last(n)).isPresent()) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a table", last(n))
                            .withHint("Use DROP SEQUENCE to remove a sequence.");
                }
                if (catalog.indexNameExists(snapshot, last(n))) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a table", last(n))
                            .withHint("Use DROP INDEX to remove an index.");
                }
                if (s.missingOk()) {
                    skipping("table", last(n));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_TABLE, "table \"%s\" does not exist", last(n));
            }
            found.add(info.get());
        }
        // partitions go with their table; inheritance children only with CASCADE (they depend on the parent)
        found.addAll(InheritanceCommands.partitionsOf(catalog, snapshot, found));
        List<TableInfo> children = InheritanceCommands.inheritingChildren(catalog, snapshot, found);
        if (!children.isEmpty()) {
            long parentOid = catalog.inheritance(snapshot).parents(children.get(0).oid()).stream()
                    .filter(o -> found.stream().anyMatch(t -> t.oid() == o)).findFirst().orElseThrow();
            String parent = tableName(snapshot, parentOid);
            if (!cascade) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop table %s because other objects depend on it", parent)
                        .withDetail(children.stream().map(c -> "table " + c.name() + " depends on table " + parent)
                                .reduce((a, b) -> a + "\n" + b).orElse(""))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            notices.accept(cascadeNotice(children.stream().map(c -> "table " + c.name()).toList()));
            found.addAll(children);
            found.addAll(InheritanceCommands.partitionsOf(catalog, snapshot, found));
        }
        List<Long> dropping = found.stream().map(TableInfo::oid).toList();
        List<ConstraintInfo> dependents = new ArrayList<>();
        for (TableInfo t : found) {
            for (ConstraintInfo fk : catalog.referencingForeignKeys(snapshot, t.oid())) {
                if (!dropping.contains(fk.tableOid())) {
                    dependents.add(fk);
                }
            }
        }
        if (!dependents.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (ConstraintInfo fk : dependents) {
                lines.add("constraint " + fk.name() + " on table " + tableName(snapshot, fk.tableOid()));
            }
            if (!cascade) {
                TableInfo first = found.stream().filter(t -> t.oid() == dependents.get(0).refTable()).findFirst()
                        .orElseThrow();
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop table %s because other objects depend on it", first.name())
                        .withDetail(lines.stream().map(l -> l + " depends on table " + first.name())
                                .reduce((a, b) -> a + "\n" + b).orElse(""))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            notices.accept(cascadeNotice(lines));
            for (ConstraintInfo fk : dependents) {
                catalog.dropConstraint(txn, fk);
            }
        }
        for (TableInfo t : found) {
            for (SequenceInfo seq : catalog.sequences(txn.snapshot())) {
                if (seq.ownedByTable() == t.oid()) {
                    catalog.dropSequence(txn, seq);
                }
            }
            catalog.drop(txn, t);
        }
        return Execution.done("DROP TABLE");
    }

    static PgException cascadeNotice(List<String> objects) {
        String message = objects.size() == 1 ? "drop cascades to " + objects.get(0)
                : "drop cascades to " + objects.size() + " other objects";
        PgException notice = PgException.of(SqlState.SUCCESSFUL_COMPLETION, "%s", message)
                .withSeverity(PgException.Severity.NOTICE);
        if (objects.size() > 1) {
            notice = notice.withDetail(objects.stream().map(o -> "drop cascades to " + o)
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        return notice;
    }

    private String tableName(org.lakepg.server.txn.Snapshot snapshot, long oid) {
        return catalog.findByOid(snapshot, oid).map(TableInfo::name).orElse("?");
    }

    private Execution dropSequences(DropStmt s, Transaction txn, boolean cascade) {
        var snapshot = txn.snapshot();
        List<SequenceInfo> found = new ArrayList<>();
        for (Object o : s.objects()) {
            List<String> n = name(o);
            if (s.missingOk() && schemaMissing(snapshot, schema(n))) {
                continue;
            }
            Optional<SequenceInfo> info = relations.sequence(snapshot, schema(n), last(n));
            if (info.isEmpty()) {
                if (relations.table(snapshot, schema(n), last(n)).isPresent()) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", last(n))
                            .withHint("Use DROP TABLE to remove a table.");
                }
                if (s.missingOk()) {
                    skipping("sequence", last(n));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_TABLE, "sequence \"%s\" does not exist", last(n));
            }
            found.add(info.get());
        }
        for (SequenceInfo seq : found) {
            sequences.drop(txn, seq, cascade);
        }
        return Execution.done("DROP SEQUENCE");
    }

    private Execution dropIndexes(DropStmt s, Transaction txn, boolean cascade) {
        var snapshot = txn.snapshot();
        for (Object o : s.objects()) {
            List<String> n = name(o);
            Optional<IndexInfo> index = catalog.findIndex(snapshot, last(n));
            if (index.isEmpty()) {
                if (relations.table(snapshot, schema(n), last(n)).isPresent()) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not an index", last(n))
                            .withHint("Use DROP TABLE to remove a table.");
                }
                if (s.missingOk()) {
                    skipping("index", last(n));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "index \"%s\" does not exist", last(n));
            }
            IndexInfo i = index.get();
            Optional<ConstraintInfo> owner = catalog.constraints(snapshot, i.tableOid()).stream()
                    .filter(c -> c.indexOid() == i.oid() && c.type() != ConstraintInfo.FOREIGN_KEY).findFirst();
            if (owner.isPresent()) {
                String table = tableName(snapshot, i.tableOid());
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop index %s because constraint %s on table %s requires it", i.name(),
                        owner.get().name(), table)
                        .withHint("You can drop constraint " + owner.get().name() + " on table " + table + " instead.");
            }
            catalog.dropIndex(txn, i);
        }
        return Execution.done("DROP INDEX");
    }
}
