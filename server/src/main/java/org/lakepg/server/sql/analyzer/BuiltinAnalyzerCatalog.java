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
public class BuiltinAnalyzerCatalog implements AnalyzerCatalog {
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
    public Optional<ProcEntry> btreeComparison(long type) {
        TypeCoercion coercion = new TypeCoercion(this);
        long base = coercion.baseType(type);
        // the exact type's opclass, else one it is binary-coercible to (varchar uses text's), else the
        // polymorphic ones arrays and enums use
        List<Long> candidates = new java.util.ArrayList<>(List.of(base));
        builtins.type(base).ifPresent(t -> {
            if (t.category() == 'S') {
                candidates.add(org.lakepg.server.catalog.TypeOids.TEXT);
            }
            if (t.category() == 'I') {
                candidates.add(869L); // cidr sorts with inet's opclass
            }
            if (t.isArray()) {
                candidates.add(org.lakepg.server.catalog.TypeOids.ANYARRAY);
            }
            if (t.name().startsWith("reg") && t.length() == 4) {
                // the reg* types sort as the OIDs they are (binary-coercible to oid)
                candidates.add(org.lakepg.server.catalog.TypeOids.OID);
            }
            if (t.kind() == TypeEntry.KIND_ENUM) {
                candidates.add(org.lakepg.server.catalog.TypeOids.ANYENUM);
            }
        });
        for (long c : candidates) {
            var family = builtins.defaultBtreeFamily(c);
            if (family.isPresent()) {
                var proc = builtins.supportProc(family.get(), c, c, 1);
                if (proc.isPresent()) {
                    return builtins.proc(proc.get());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<org.lakepg.server.catalog.AggregateEntry> aggregate(long function) {
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
