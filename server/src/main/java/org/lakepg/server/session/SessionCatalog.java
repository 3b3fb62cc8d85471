package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;

/** The catalog a session's statements see: the built-in objects plus the user objects visible to its snapshot. */
final class SessionCatalog extends BuiltinAnalyzerCatalog {
    private final SessionRelations relations;
    private final ObjectCatalog objects;
    private final SearchPath searchPath;
    private final Supplier<Snapshot> snapshot;
    private final RelationAccessLog accessLog = new RelationAccessLog();

    SessionCatalog(SessionRelations relations, ObjectCatalog objects, SearchPath searchPath, Supplier<Snapshot> snapshot) {
        this.relations = relations;
        this.objects = objects;
        this.searchPath = searchPath;
        this.snapshot = snapshot;
    }

    /** The snapshot lookups use now. */
    Snapshot snapshot() {
        return snapshot.get();
    }

    /** Where the relations a statement's analysis looks up are noted, for its privilege checks. */
    RelationAccessLog accessLog() {
        return accessLog;
    }

    @Override
    public Optional<TableInfo> table(List<String> qualifiedName) {
        Optional<TableInfo> found = searchPath.relation(snapshot.get(), qualifiedName).flatMap(r ->
                r instanceof SearchPath.Relation.Table t ? Optional.of(t.table()) : Optional.empty());
        found.ifPresent(t -> accessLog.record(t.oid(), t.name(), false));
        return found;
    }

    @Override
    public Optional<ViewInfo> view(List<String> qualifiedName) {
        Optional<ViewInfo> found = searchPath.view(snapshot.get(), qualifiedName);
        found.ifPresent(v -> accessLog.record(v.oid(), v.name(), true));
        return found;
    }

    @Override
    public void functionUsed(ProcEntry function) {
        if (function.oid() >= 16384) {
            accessLog.recordFunction(function.oid(), function.name());
        }
    }

    @Override
    public Optional<TableInfo> materializedRows(ViewInfo view) {
        return relations.catalog().tables(snapshot.get()).stream().filter(t -> t.oid() == view.relation()).findFirst();
    }

    @Override
    public <T> T expandingView(ViewInfo view, Supplier<T> expansion) {
        accessLog.enterView(view.owner());
        try {
            return searchPath.withPath(view.searchPath(), expansion);
        } finally {
            accessLog.exitView();
        }
    }

    @Override
    public List<IndexInfo> indexes(TableInfo table) {
        return relations.catalog().indexes(snapshot.get(), table.oid());
    }

    @Override
    public List<ConstraintInfo> constraints(TableInfo table) {
        return relations.catalog().constraints(snapshot.get(), table.oid());
    }

    @Override
    public Optional<SequenceInfo> ownedSequence(TableInfo table, short attnum) {
        return relations.catalog().sequences(snapshot.get()).stream()
                .filter(s -> s.ownedByTable() == table.oid() && s.ownedByColumn() == attnum).findFirst();
    }

    @Override
    public org.lakepg.server.table.Inheritance inheritance() {
        return relations.catalog().inheritance(snapshot.get());
    }

    @Override
    public Optional<TableInfo> tableByOid(long oid) {
        return relations.catalog().findByOid(snapshot.get(), oid);
    }

    /** Built-in and user functions of the name, schema by schema along the search path. */
    @Override
    public List<ProcEntry> functions(List<String> qualifiedName) {
        if (qualifiedName.size() > 2) {
            return List.of();
        }
        Snapshot s = snapshot.get();
        List<FunctionCatalog.UserFunction> user = objects.functions().functions(s);
        String name = qualifiedName.get(qualifiedName.size() - 1);
        List<SchemaInfo> schemas = qualifiedName.size() == 1 ? searchPath.effectiveSchemas(s)
                : searchPath.qualifier(s, qualifiedName.get(0)).map(List::of).orElse(List.of());
        List<ProcEntry> out = new ArrayList<>();
        for (SchemaInfo schema : schemas) {
            if (schema.oid() == SchemaInfo.PG_CATALOG) {
                out.addAll(super.functions(List.of(name)));
            }
            for (FunctionCatalog.UserFunction f : user) {
                if (f.proc().namespace() == schema.oid() && f.proc().name().equals(name)) {
                    out.add(f.proc());
                }
            }
        }
        return out;
    }

    @Override
    public Optional<ProcEntry> function(long oid) {
        Optional<ProcEntry> builtin = super.function(oid);
        return builtin.isPresent() ? builtin
                : objects.functions().find(snapshot.get(), oid).map(FunctionCatalog.UserFunction::proc);
    }
}
