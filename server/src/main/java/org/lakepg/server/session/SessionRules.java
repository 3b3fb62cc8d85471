package org.lakepg.server.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.rewrite.RuleRewriter;
import org.lakepg.server.sql.rewrite.RuleTarget;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;

/**
 * The rules as this session applies them: pg_rewrite read once per catalog snapshot (again after rule DDL), as the
 * session's triggers are.
 */
final class SessionRules implements RuleTarget.Lookup {
    private final ObjectCatalog objects;
    private final AnalyzerCatalog catalog;
    /** The running transaction's snapshot, or a fresh one (a Parse message may arrive outside a transaction). */
    private final Supplier<Snapshot> snapshot;
    private Snapshot cachedFor;
    private List<RuleInfo> cached;

    SessionRules(ObjectCatalog objects, AnalyzerCatalog catalog, Supplier<Snapshot> snapshot) {
        this.objects = objects;
        this.catalog = catalog;
        this.snapshot = snapshot;
    }

    /** Rule DDL ran: read the catalog again. */
    void changed() {
        cached = null;
    }

    RuleRewriter rewriter() {
        return new RuleRewriter(this);
    }

    List<RuleInfo> all() {
        Snapshot s = snapshot.get();
        if (cached == null || cachedFor != s) {
            cached = objects.rules().rules(s);
            cachedFor = s;
        }
        return cached;
    }

    boolean any() {
        return !all().isEmpty();
    }

    List<RuleInfo> forRelation(long relid) {
        return all().stream().filter(r -> r.relid() == relid).sorted(java.util.Comparator.comparing(RuleInfo::name))
                .toList();
    }

    @Override
    public RuleTarget find(RangeVar relation) {
        List<String> name = relation.schemaname() == null ? List.of(relation.relname())
                : List.of(relation.schemaname(), relation.relname());
        var table = catalog.table(name);
        if (table.isPresent()) {
            TableInfo t = table.get();
            return target(t.oid(), t.name(), t.columns());
        }
        var view = catalog.view(name);
        if (view.isPresent()) {
            ViewInfo v = view.get();
            return target(v.oid(), v.name(), v.columns());
        }
        return null;
    }

    private RuleTarget target(long relid, String name, List<ColumnInfo> columns) {
        Map<String, Expr> defaults = new HashMap<>();
        for (ColumnInfo c : columns) {
            if (c.defaultExpr() != null && c.identity() == ColumnInfo.NO_IDENTITY) {
                defaults.put(c.name(), DefaultExpressions.parse(c.defaultExpr()));
            }
        }
        return new RuleTarget(relid, name, columns.stream().map(ColumnInfo::name).toList(), defaults,
                forRelation(relid));
    }
}
