package org.lakepg.server.sql.rewrite;

import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo;
import org.lakepg.server.sql.ast.Expr;

/**
 * A relation a statement writes, as the rewriter needs it: its columns in order, the defaults of those that have one
 * (NEW of an INSERT that leaves a column out is its default) and its enabled rules, by name.
 */
public record RuleTarget(long relid, String name, List<String> columns, Map<String, Expr> defaults,
                         List<RuleInfo> rules) {
    public RuleTarget {
        columns = List.copyOf(columns);
        defaults = Map.copyOf(defaults);
        rules = List.copyOf(rules);
    }

    /** Finds the relation a statement names; null when it is neither a table nor a view or has no rules. */
    public interface Lookup {
        RuleTarget find(org.lakepg.server.sql.ast.RangeVar relation);
    }
}
