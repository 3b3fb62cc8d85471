package org.lakepg.server.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.analyzer.ViewExpansion;
import org.lakepg.server.sql.ast.AlterObjectSchemaStmt;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.ViewStmt;
import org.lakepg.server.sql.deparse.QueryDeparser;
import org.lakepg.server.sql.deparse.Renames;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.txn.Transaction;

/**
 * Views keep working when a relation or column they name is renamed or moved to another schema, as PostgreSQL's
 * do (they hold OIDs and attnums; lakepg keeps a view's query as text). Before the change, each view standing
 * directly on the renamed relation is deparsed with the new names; after it, the view is stored with that text.
 * A view whose query the deparser cannot print keeps its text (and, as before, fails when used).
 */
final class RenamedViews {
    private final ObjectCatalog objects;
    private final org.lakepg.server.table.TableCatalog tables;
    private final SearchPath searchPath;
    private final AnalyzerCatalog catalog;
    private final FunctionContext functions;
    private final LongFunction<String> schemaNames;

    RenamedViews(ObjectCatalog objects, org.lakepg.server.table.TableCatalog tables, SearchPath searchPath, AnalyzerCatalog catalog, FunctionContext functions,
                 LongFunction<String> schemaNames) {
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.catalog = catalog;
        this.functions = functions;
        this.schemaNames = schemaNames;
    }

    /** ALTER TABLE/VIEW ... RENAME [COLUMN] ... TO: runs {@code rename}, the dependent views following it. */
    <T> T around(RenameStmt s, Transaction txn, Supplier<T> rename) {
        ObjectType.Kind kind = s.renameType().kind();
        if (kind == ObjectType.Kind.SCHEMA) {
            return aroundSchema(s, txn, rename);
        }
        if (s.relation() == null || !(kind == ObjectType.Kind.TABLE || kind == ObjectType.Kind.VIEW
                || kind == ObjectType.Kind.MATVIEW || kind == ObjectType.Kind.FOREIGN_TABLE
                || kind == ObjectType.Kind.COLUMN)) {
            return rename.get();
        }
        Optional<SearchPath.Relation> target = relation(txn, s.relation());
        if (target.isEmpty()) {
            return rename.get();
        }
        long oid = oid(target.get());
        Renames renames = kind == ObjectType.Kind.COLUMN
                ? new Renames() {
                    @Override
                    public String column(long relation, String name) {
                        return relation == oid && name.equals(s.subname()) ? s.newname() : name;
                    }
                }
                : new Renames() {
                    @Override
                    public String relation(long relation, String name) {
                        return relation == oid ? s.newname() : name;
                    }
                };
        return follow(txn, oid, renames, rename);
    }

    /** ALTER TABLE/VIEW ... SET SCHEMA: runs {@code move}, the dependent views following it. */
    <T> T around(AlterObjectSchemaStmt s, Transaction txn, Supplier<T> move) {
        ObjectType.Kind kind = s.objectType().kind();
        if (s.relation() == null || !(kind == ObjectType.Kind.TABLE || kind == ObjectType.Kind.VIEW
                || kind == ObjectType.Kind.MATVIEW || kind == ObjectType.Kind.FOREIGN_TABLE)) {
            return move.get();
        }
        Optional<SearchPath.Relation> target = relation(txn, s.relation());
        var schema = objects.schemas().find(txn.snapshot(), s.newschema());
        if (target.isEmpty() || schema.isEmpty()) {
            return move.get();
        }
        long oid = oid(target.get());
        long namespace = schema.get().oid();
        return follow(txn, oid, new Renames() {
            @Override
            public long namespace(long relation, long current) {
                return relation == oid ? namespace : current;
            }
        }, move);
    }

    /** ALTER SCHEMA ... RENAME TO: views naming its relations schema-qualified print the new schema name. */
    private <T> T aroundSchema(RenameStmt s, Transaction txn, Supplier<T> rename) {
        var schema = objects.schemas().find(txn.snapshot(), ObjectNames.last(s.object()));
        if (schema.isEmpty()) {
            return rename.get();
        }
        long namespace = schema.get().oid();
        List<Long> relations = new java.util.ArrayList<>();
        tables.tables(txn.snapshot()).stream().filter(t -> t.namespace() == namespace).forEach(t -> relations.add(t.oid()));
        objects.views().views(txn.snapshot()).stream().filter(v -> v.namespace() == namespace)
                .forEach(v -> relations.add(v.oid()));
        LongFunction<String> names = oid -> oid == namespace ? s.newname() : schemaNames.apply(oid);
        return follow(txn, relations, Renames.NONE, names, rename);
    }

    private <T> T follow(Transaction txn, long relation, Renames renames, Supplier<T> change) {
        return follow(txn, List.of(relation), renames, schemaNames, change);
    }

    private <T> T follow(Transaction txn, List<Long> relations, Renames renames, LongFunction<String> schemaNames,
                         Supplier<T> change) {
        Map<ViewInfo, String> rewritten = new LinkedHashMap<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long relation : relations) {
            for (ViewInfo view : objects.views().dependents(txn.snapshot(), relation)) {
                if (seen.add(view.oid())) {
                    definition(view, renames, schemaNames).ifPresent(text -> rewritten.put(view, text));
                }
            }
        }
        T result = change.get();
        txn.commandCounterIncrement();
        for (var e : rewritten.entrySet()) {
            // the view as it is now (a RENAME of the view itself changed its name)
            ViewInfo now = objects.views().views(txn.snapshot()).stream().filter(v -> v.oid() == e.getKey().oid())
                    .findFirst().orElse(e.getKey());
            objects.views().replace(txn, now.withStatement(e.getValue()));
        }
        return result;
    }

    /** The view's CREATE statement with its query deparsed under {@code renames}; empty if it cannot be printed. */
    private Optional<String> definition(ViewInfo view, Renames renames, LongFunction<String> schemaNames) {
        try {
            var statement = SqlParser.parse(view.statement()).get(0).statement();
            if (statement instanceof ViewStmt v && !v.options().isEmpty()) {
                return Optional.empty(); // WITH (options) are not printed back yet
            }
            SelectStmt query = ViewExpansion.query(view);
            List<String> names = view.columns().stream().map(c -> c.name()).toList();
            String text = catalog.expandingView(view, () -> new QueryDeparser(catalog, WireTypeIO.INSTANCE, functions,
                    schemaNames).withRenames(renames).view(query, names, false, -1));
            text = text.substring(0, text.length() - 1); // the ';'
            String head = view.materialized() ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ";
            String check = statement instanceof ViewStmt v && v.withCheckOption() != null ? switch (v.withCheckOption()) {
                case LOCAL_CHECK_OPTION -> " WITH LOCAL CHECK OPTION";
                case CASCADED_CHECK_OPTION -> " WITH CASCADED CHECK OPTION";
                case NO_CHECK_OPTION -> "";
            } : "";
            String created = head + Identifiers.quoteIfNeeded(view.name()) + " AS" + text + check;
            // it must read back as the same query shape: otherwise keep the text as written
            var reparsed = SqlParser.parse(created).get(0).statement();
            return reparsed instanceof ViewStmt || reparsed instanceof org.lakepg.server.sql.ast.CreateTableAsStmt
                    ? Optional.of(created) : Optional.empty();
        } catch (RuntimeException cannotPrint) {
            return Optional.empty();
        }
    }

    private Optional<SearchPath.Relation> relation(Transaction txn, RangeVar r) {
        return searchPath.relation(txn.snapshot(), r.schemaname() == null ? List.of(r.relname())
                : List.of(r.schemaname(), r.relname()));
    }

    private static long oid(SearchPath.Relation r) {
        return switch (r) {
            case SearchPath.Relation.Table t -> t.table().oid();
            case SearchPath.Relation.View v -> v.view().oid();
        };
    }
}
