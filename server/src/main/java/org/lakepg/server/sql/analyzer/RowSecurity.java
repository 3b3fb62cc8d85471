package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.PolicyCatalog.Policy;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Row-level security as PostgreSQL's rewriter adds it: the rows a command may see or change are those the USING
 * expressions of its policies pass (any permissive one, and every restrictive one; none at all when no permissive
 * policy applies), and a row it writes must pass their WITH CHECK expressions (else USING). Policy commands are
 * pg_policy.polcmd letters: r (SELECT), a (INSERT), w (UPDATE), d (DELETE), * (all).
 */
public final class RowSecurity {
    private RowSecurity() {}

    /** Tables whose policies are being bound (a policy reading its own table would recurse forever). */
    private static final ThreadLocal<Set<Long>> EXPANDING = ThreadLocal.withInitial(HashSet::new);

    /** The policies applying to the current role's use of the table, or null when row security does not apply. */
    static List<Policy> policies(AnalyzerCatalog catalog, TableInfo table) {
        return catalog.rowSecurity(table);
    }

    /** The rows command {@code command} may see, over the table's row (at the start of the row). */
    static BoundExpr using(ExpressionAnalyzer expressions, TableInfo table, List<Policy> policies, char command) {
        return using(expressions, table, table, policies, command);
    }

    /**
     * Like {@link #using(ExpressionAnalyzer, TableInfo, List, char)} for the policies of {@code named} (the table a
     * statement names) over the row of {@code rowTable} (one of its partitions or children, columns matched by name).
     */
    static BoundExpr using(ExpressionAnalyzer expressions, TableInfo named, TableInfo rowTable, List<Policy> policies,
                           char command) {
        TableInfo table = named;
        List<BoundExpr> permissive = new ArrayList<>();
        List<BoundExpr> restrictive = new ArrayList<>();
        for (Policy p : policies) {
            if (applies(p, command) && p.using() != null) {
                (p.permissive() ? permissive : restrictive).add(bind(expressions, table, rowTable, p.using()));
            } else if (applies(p, command) && p.permissive()) {
                permissive.add(new Const(TypeOids.BOOL, -1, true)); // no USING: every row
            }
        }
        List<BoundExpr> all = new ArrayList<>();
        all.add(permissive.isEmpty() ? new Const(TypeOids.BOOL, -1, false)
                : permissive.size() == 1 ? permissive.get(0) : new BoolExpr(BoolExpr.Kind.OR, permissive));
        all.addAll(restrictive);
        return all.size() == 1 ? all.get(0) : new BoolExpr(BoolExpr.Kind.AND, all);
    }

    /** The checks a row written by {@code command} must pass: the permissive policies' together, then each restrictive. */
    static List<ModifyNode.Check> withChecks(ExpressionAnalyzer expressions, TableInfo table, TableInfo rowTable,
                                             List<Policy> policies, char command) {
        List<BoundExpr> permissive = new ArrayList<>();
        List<ModifyNode.Check> out = new ArrayList<>();
        List<ModifyNode.Check> restrictive = new ArrayList<>();
        for (Policy p : policies) {
            if (!applies(p, command)) {
                continue;
            }
            String text = p.withCheck() != null ? p.withCheck() : p.using();
            BoundExpr e = text == null ? new Const(TypeOids.BOOL, -1, true) : bind(expressions, table, rowTable, text);
            if (p.permissive()) {
                permissive.add(e);
            } else {
                restrictive.add(ModifyNode.Check.policy(p.name(), e, table.name()));
            }
        }
        out.add(ModifyNode.Check.policy(null, permissive.isEmpty() ? new Const(TypeOids.BOOL, -1, false)
                : permissive.size() == 1 ? permissive.get(0) : new BoolExpr(BoolExpr.Kind.OR, permissive), table.name()));
        out.addAll(restrictive);
        return out;
    }

    /** CREATE/ALTER POLICY: binds an expression over the table's row, so a wrong one fails as PostgreSQL's does. */
    public static void validate(ExpressionAnalyzer expressions, TableInfo table, org.lakepg.server.sql.ast.Expr e) {
        FromScope scope = new FromScope();
        scope.addTable(table.name(), QueryAnalyzer.tableColumns(table), table.oid(), table.typeOid(), false);
        expressions.requireBoolean(expressions.analyzeWithoutAggregates(e, scope, "POLICY"), "POLICY",
                ExpressionAnalyzer.location(e));
    }

    private static boolean applies(Policy p, char command) {
        return p.command() == '*' || p.command() == command;
    }

    /** A policy expression over the table's row (named by the table's own name, as in PostgreSQL). */
    private static BoundExpr bind(ExpressionAnalyzer expressions, TableInfo table, TableInfo rowTable, String text) {
        if (!EXPANDING.get().add(table.oid())) {
            throw PgException.of(SqlState.INVALID_RECURSION, "infinite recursion detected in policy for relation \"%s\"",
                    table.name());
        }
        try {
            FromScope scope = new FromScope();
            scope.addTable(table.name(), QueryAnalyzer.tableColumns(rowTable), rowTable.oid(), rowTable.typeOid(),
                    false);
            var parsed = DefaultExpressions.parse(text);
            return expressions.requireBoolean(expressions.analyzeWithoutAggregates(parsed, scope, "POLICY"), "POLICY",
                    ExpressionAnalyzer.location(parsed));
        } finally {
            EXPANDING.get().remove(table.oid());
        }
    }
}
