package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.exec.constraint.ForeignKeys;
import org.lakepg.server.exec.constraint.RowChecks;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.TableInfo;

/**
 * What COPY FROM applies to each row, as INSERT does: defaults (and identity values) of the columns the column
 * list leaves out, NOT NULL and CHECK constraints, and foreign keys (checked at the end of the COPY).
 */
final class CopyRowRules {
    private final TableInfo table;
    private final DdlContext ctx;
    private final CompiledExpr[] defaults;
    /** STORED generated columns (by position): their expressions over the row, computed after the defaults. */
    private final java.util.Map<Integer, CompiledExpr> generated = new java.util.TreeMap<>();
    private final List<ModifyNode.Check> checks = new ArrayList<>();
    private final List<CompiledExpr> compiledChecks = new ArrayList<>();
    private final ForeignKeys foreignKeys;
    private final boolean keysUnused;

    CopyRowRules(TableInfo table, List<ColumnInfo> given, DdlContext ctx) {
        this.table = table;
        this.ctx = ctx;
        defaults = new CompiledExpr[table.columns().size()];
        for (ColumnInfo c : table.columns()) {
            if (c.generated()) {
                generated.put(c.number() - 1, ctx.compiler().compile(ctx.binder().bindDefault(table, c,
                        DefaultExpressions.parse(c.defaultExpr()))));
            } else if (!given.contains(c) && (c.defaultExpr() != null || c.isIdentity())) {
                defaults[c.number() - 1] = ctx.compiler().compile(ctx.binder().defaultValue(table, c));
            }
        }
        for (ConstraintInfo k : ctx.catalog().constraints(table)) {
            if (k.type() == ConstraintInfo.CHECK) {
                var bound = ctx.binder().bindCheck(table, DefaultExpressions.parse(k.checkExpr()));
                checks.add(new ModifyNode.Check(k.name(), bound));
                compiledChecks.add(ctx.compiler().compile(bound));
            }
        }
        foreignKeys = new ForeignKeys(ctx.exec().tables(), ctx.exec().tables().deferredChecks());
        keysUnused = foreignKeys.unused(table);
    }

    /** Completes and checks a row about to be inserted. */
    void apply(Object[] row) {
        for (int i = 0; i < defaults.length; i++) {
            if (defaults[i] != null) {
                row[i] = defaults[i].eval(new Object[0], ctx.exec());
            }
        }
        Object[] given = row.clone();
        generated.forEach((i, e) -> row[i] = e.eval(given, ctx.exec()));
        RowChecks.notNull(table, row);
        RowChecks.check(table, checks, compiledChecks, row, ctx.exec());
    }

    /** After the row was inserted: its foreign keys. */
    void inserted(Object[] row) {
        if (!keysUnused) {
            foreignKeys.referencingRowWritten(table, null, row);
        }
    }

    void finish() {
        foreignKeys.finishStatement();
    }
}
