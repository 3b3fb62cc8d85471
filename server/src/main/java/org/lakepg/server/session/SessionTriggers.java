package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.TriggerCatalog.TriggerInfo;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.plpgsql.PlCompiler;
import org.lakepg.server.plpgsql.PlInterpreter;
import org.lakepg.server.plpgsql.PlTriggerEvent;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.trigger.TriggerRuntime;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Triggers as this session fires them: the catalog's rows (read once per transaction, again after trigger DDL) and
 * their PL/pgSQL functions run through the session.
 */
final class SessionTriggers implements TriggerRuntime {
    private final ObjectCatalog objects;
    private final AnalyzerCatalog catalog;
    private final Supplier<Transaction> transaction;
    private final PlpgsqlCalls plpgsql;
    private Transaction cachedFor;
    /** The transaction's triggers by table, each list in firing order (by name); tables without any are absent. */
    private Map<Long, List<TriggerInfo>> cached;

    SessionTriggers(ObjectCatalog objects, AnalyzerCatalog catalog, Supplier<Transaction> transaction,
                    PlpgsqlCalls plpgsql) {
        this.objects = objects;
        this.catalog = catalog;
        this.transaction = transaction;
        this.plpgsql = plpgsql;
    }

    /** Trigger DDL ran: read the catalog again. */
    void changed() {
        cachedFor = null;
    }

    @Override
    public List<TriggerInfo> triggers(long relid) {
        Transaction txn = transaction.get();
        if (cachedFor != txn || cached == null) {
            cached = withPartitionedTablesRowTriggers(byTable(objects.triggers().triggers(txn.snapshot())));
            cachedFor = txn;
        }
        return cached.getOrDefault(relid, List.of());
    }

    private static Map<Long, List<TriggerInfo>> byTable(List<TriggerInfo> all) {
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<TriggerInfo>> out = new HashMap<>();
        for (TriggerInfo t : all) {
            out.computeIfAbsent(t.relid(), k -> new ArrayList<>()).add(t);
        }
        out.replaceAll((relid, list) -> list.stream().sorted(Comparator.comparing(TriggerInfo::name)).toList());
        return out;
    }

    /**
     * A partitioned table's row triggers fire for the rows of its partitions, as the partitions' own (PostgreSQL
     * clones them onto every partition, where they fire in name order with the partition's own).
     */
    private Map<Long, List<TriggerInfo>> withPartitionedTablesRowTriggers(Map<Long, List<TriggerInfo>> byTable) {
        if (byTable.isEmpty()) {
            return byTable;
        }
        org.lakepg.server.table.Inheritance inheritance = catalog.inheritance();
        Map<Long, List<TriggerInfo>> out = null;
        for (Map.Entry<Long, List<TriggerInfo>> e : byTable.entrySet()) {
            List<TriggerInfo> rowTriggers = e.getValue().stream().filter(TriggerInfo::row).toList();
            if (rowTriggers.isEmpty() || !inheritance.isPartitioned(e.getKey())) {
                continue;
            }
            out = out != null ? out : new HashMap<>(byTable);
            var parent = catalog.tableByOid(e.getKey()).orElse(null);
            for (long partition : inheritance.descendants(e.getKey())) {
                List<TriggerInfo> merged = new ArrayList<>(out.getOrDefault(partition, List.of()));
                var member = catalog.tableByOid(partition).orElse(null);
                for (TriggerInfo t : rowTriggers) {
                    // UPDATE OF columns: the partition's attnums of the parent's columns
                    merged.add(t.columns().isEmpty() || parent == null || member == null ? t : t.withColumns(
                            t.columns().stream().map(a -> member.column(parent.columns().get(a - 1).name())
                                    .map(c -> (int) c.number()).orElse(a)).toList()));
                }
                merged.sort(Comparator.comparing(TriggerInfo::name));
                out.put(partition, List.copyOf(merged));
            }
        }
        return out != null ? out : byTable;
    }

    @Override
    public String schemaName(long namespace) {
        return objects.schemas().find(transaction.get().snapshot(), namespace).map(s -> s.name()).orElse("public");
    }

    @Override
    public Object[] fire(TriggerInfo trigger, PlTriggerEvent event, ExecContext context) {
        ProcEntry proc = catalog.function(trigger.function()).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_FUNCTION, "function with OID %d does not exist", trigger.function()));
        if (proc.language() == ProcEntry.LANGUAGE_INTERNAL
                && org.lakepg.server.trigger.TsvectorUpdateTrigger.handles(proc.source())) {
            return org.lakepg.server.trigger.TsvectorUpdateTrigger.fire(proc.source(), event);
        }
        if (proc.language() != ProcEntry.LANGUAGE_PLPGSQL) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "trigger functions in language %d are not supported yet",
                    proc.language());
        }
        var function = PlCompiler.compile(proc, () -> FunctionSignatures.describe(proc));
        return plpgsql.nested(() -> PlInterpreter.fire(function, plpgsql.host(context), event));
    }

    @Override
    public <T> T withTransitionTables(TriggerInfo trigger, org.lakepg.server.table.TableInfo table,
                                      List<Object[]> oldRows, List<Object[]> newRows, Supplier<T> body) {
        if (!(catalog instanceof SessionCatalog session)) {
            return body.get();
        }
        Map<String, org.lakepg.server.systemcatalog.SystemRelation> tables = new HashMap<>();
        if (trigger.oldTable() != null && oldRows != null) {
            tables.put(trigger.oldTable(), org.lakepg.server.systemcatalog.TransitionRelation.of(trigger.oldTable(),
                    table, oldRows));
        }
        if (trigger.newTable() != null && newRows != null) {
            tables.put(trigger.newTable(), org.lakepg.server.systemcatalog.TransitionRelation.of(trigger.newTable(),
                    table, newRows));
        }
        return session.withTransitionTables(tables, body);
    }

    @Override
    public boolean when(TriggerInfo trigger, PlTriggerEvent event, ExecContext context) {
        var condition = PlCompiler.compileCondition(trigger.when());
        return PlInterpreter.condition(condition, plpgsql.host(context), event);
    }
}
