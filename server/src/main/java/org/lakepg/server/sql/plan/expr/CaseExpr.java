package org.lakepg.server.sql.plan.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CASE, evaluated as a searched CASE: a simple {@code CASE subject WHEN v ...} is analyzed into {@code subject = v}
 * tests, and keeps its {@code subject} (null for a searched CASE) only so it prints as written, as PostgreSQL's
 * ruleutils prints a CaseTestExpr. {@code otherwise} is a NULL Const when absent.
 */
public record CaseExpr(List<When> whens, BoundExpr otherwise, long type, int typmod, BoundExpr subject)
        implements BoundExpr {

    public record When(BoundExpr condition, BoundExpr result) {}

    public CaseExpr {
        whens = List.copyOf(whens);
    }

    /** A searched CASE. */
    public CaseExpr(List<When> whens, BoundExpr otherwise, long type, int typmod) {
        this(whens, otherwise, type, typmod, null);
    }

    /**
     * For a simple CASE whose every test is still {@code subject = value}: the values, in order; empty when it is a
     * searched CASE or a rewrite changed a test (it then prints as searched).
     */
    public Optional<List<BoundExpr>> simpleValues() {
        if (subject == null) {
            return Optional.empty();
        }
        List<BoundExpr> values = new ArrayList<>();
        for (When w : whens) {
            if (!(w.condition() instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2
                    || !f.arguments().get(0).equals(subject)) {
                return Optional.empty();
            }
            values.add(f.arguments().get(1));
        }
        return Optional.of(values);
    }
}
