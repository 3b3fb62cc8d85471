package org.lakepg.server.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;

/** The catalog a session's statements see: the built-in objects plus the tables visible to its snapshot. */
final class SessionCatalog extends BuiltinAnalyzerCatalog {
    private final TableCatalog tables;
    private final Supplier<Snapshot> snapshot;

    SessionCatalog(TableCatalog tables, Supplier<Snapshot> snapshot) {
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
    public List<org.lakepg.server.table.IndexInfo> indexes(TableInfo table) {
        return tables.indexes(snapshot.get(), table.oid());
    }
}
