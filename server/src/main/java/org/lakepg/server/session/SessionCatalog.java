package org.lakepg.server.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;

/** The catalog a session's statements see: the built-in objects plus the tables visible to its snapshot. */
final class SessionCatalog extends BuiltinAnalyzerCatalog {
    private final SessionRelations relations;
    private final Supplier<Snapshot> snapshot;

    SessionCatalog(SessionRelations relations, Supplier<Snapshot> snapshot) {
        this.relations = relations;
        this.snapshot = snapshot;
    }

    @Override
    public Optional<TableInfo> table(List<String> qualifiedName) {
        if (qualifiedName.size() > 2) {
            return Optional.empty();
        }
        String schema = qualifiedName.size() == 2 ? qualifiedName.get(0) : null;
        if (schema != null && !schema.equals("public") && !schema.startsWith("pg_temp")) {
            return Optional.empty();
        }
        return relations.table(snapshot.get(), schema, qualifiedName.get(qualifiedName.size() - 1));
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
}
