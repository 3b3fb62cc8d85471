package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.CastEntry;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.bootstrap.BuiltinCatalog;

/**
 * Name resolution over the built-in catalog only (pg_catalog): what a database offers before any
 * user object exists. The database catalog layers user schemas on top of this.
 */
public final class BuiltinAnalyzerCatalog implements AnalyzerCatalog {
    private final BuiltinCatalog builtins = BuiltinCatalog.get();

    private static Optional<String> inPgCatalog(List<String> qualifiedName) {
        if (qualifiedName.size() == 1) {
            return Optional.of(qualifiedName.get(0));
        }
        if (qualifiedName.size() == 2 && qualifiedName.get(0).equals("pg_catalog")) {
            return Optional.of(qualifiedName.get(1));
        }
        return Optional.empty();
    }

    @Override
    public List<ProcEntry> functions(List<String> qualifiedName) {
        return inPgCatalog(qualifiedName).map(builtins::procsNamed).orElse(List.of());
    }

    @Override
    public List<OperatorEntry> operators(List<String> qualifiedName) {
        return inPgCatalog(qualifiedName).map(builtins::operatorsNamed).orElse(List.of());
    }

    @Override
    public Optional<TypeEntry> typeByName(List<String> qualifiedName) {
        return inPgCatalog(qualifiedName).flatMap(builtins::typeByName);
    }

    @Override
    public Optional<ProcEntry> function(long oid) {
        return builtins.proc(oid);
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
