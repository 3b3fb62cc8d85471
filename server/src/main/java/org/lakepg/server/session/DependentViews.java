package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The views standing on relations being dropped (pg_depend's part that lakepg records): DROP refuses while
 * they exist (2BP01, naming them as PostgreSQL does) and with CASCADE drops them too, with a notice.
 */
final class DependentViews {
    private final ObjectCatalog objects;
    private final org.lakepg.server.table.TableCatalog tables;
    private final Consumer<PgException> notices;

    /** A relation a DROP removes: how messages name it. */
    record Dropped(long oid, String kind, String name) {}

    DependentViews(ObjectCatalog objects, org.lakepg.server.table.TableCatalog tables, Consumer<PgException> notices) {
        this.objects = objects;
        this.tables = tables;
        this.notices = notices;
    }

    void handle(Transaction txn, List<Dropped> dropping, boolean cascade) {
        // each dependent view once, with the first object it was found through
        Map<Long, String> lines = new LinkedHashMap<>();
        Map<Long, ViewInfo> found = new LinkedHashMap<>();
        List<Dropped> todo = new ArrayList<>(dropping);
        List<Long> dropped = dropping.stream().map(Dropped::oid).toList();
        while (!todo.isEmpty()) {
            Dropped d = todo.remove(0);
            for (ViewInfo v : objects.views().dependents(txn.snapshot(), d.oid())) {
                if (dropped.contains(v.oid()) || found.containsKey(v.oid())) {
                    continue;
                }
                String kind = v.materialized() ? "materialized view" : "view";
                found.put(v.oid(), v);
                lines.put(v.oid(), kind + " " + v.name() + " depends on " + d.kind() + " " + d.name());
                todo.add(new Dropped(v.oid(), kind, v.name()));
            }
        }
        if (found.isEmpty()) {
            return;
        }
        if (!cascade) {
            PgException e = dropping.size() == 1
                    ? PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop %s %s because other objects depend on it",
                    dropping.get(0).kind(), dropping.get(0).name())
                    : PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                    "cannot drop desired object(s) because other objects depend on them");
            throw e.withDetail(String.join("\n", lines.values()))
                    .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        List<String> names = found.values().stream().map(v -> (v.materialized() ? "materialized view " : "view ")
                + v.name()).toList();
        notices.accept((names.size() == 1
                ? PgException.of(SqlState.SUCCESSFUL_COMPLETION, "drop cascades to %s", names.get(0))
                : PgException.of(SqlState.SUCCESSFUL_COMPLETION, "drop cascades to %d other objects", names.size())
                .withDetail(String.join("\n", names.stream().map(n -> "drop cascades to " + n).toList())))
                .withSeverity(PgException.Severity.NOTICE));
        for (ViewInfo v : found.values()) {
            ViewCommands.dropCompletely(objects, tables, txn, v);
        }
    }
}
