package org.lakepg.server.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.server.catalog.AggregateEntry;
import org.lakepg.server.catalog.CastEntry;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;

/** The catalog a session's statements see: the built-in objects plus the tables visible to its snapshot. */
final class SessionCatalog implements AnalyzerCatalog {
    private final BuiltinAnalyzerCatalog builtins;
    private final TableCatalog tables;
    private final Supplier<Snapshot> snapshot;

    SessionCatalog(BuiltinAnalyzerCatalog builtins, TableCatalog tables, Supplier<Snapshot> snapshot) {
        this.builtins = builtins;
        this.tables = tables;
        this.snapshot = snapshot;
    }

    @Override
    public Optional<TableInfo> table(List<String> qualifiedName) {
        if (qualifiedName.size() > 2 || qualifiedName.size() == 2 && !qualifiedName.get(0).equals("public")) {
            return Optional.empty();
        }
        return tables.find(snapshot.get(), qualifiedName.get(qualifiedName.size() - 1));
    }

    @Override
    public List<ProcEntry> functions(List<String> qualifiedName) {
        return builtins.functions(qualifiedName);
    }

    @Override
    public List<OperatorEntry> operators(List<String> qualifiedName) {
        return builtins.operators(qualifiedName);
    }

    @Override
    public Optional<TypeEntry> typeByName(List<String> qualifiedName) {
        return builtins.typeByName(qualifiedName);
    }

    @Override
    public Optional<ProcEntry> function(long oid) {
        return builtins.function(oid);
    }

    @Override
    public Optional<ProcEntry> btreeComparison(long type) {
        return builtins.btreeComparison(type);
    }

    @Override
    public Optional<AggregateEntry> aggregate(long function) {
        return builtins.aggregate(function);
    }

    @Override
    public Optional<TypeEntry> type(long oid) {
        return builtins.type(oid);
    }

    @Override
    public Optional<CastEntry> cast(long source, long target) {
        return builtins.cast(source, target);
    }

    @Override
    public long rangeSubtype(long rangeType) {
        return builtins.rangeSubtype(rangeType);
    }

    @Override
    public long multirangeRange(long multirangeType) {
        return builtins.multirangeRange(multirangeType);
    }
}
