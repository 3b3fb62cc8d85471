package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * What a subquery (or a LATERAL item) sees of the query around it: each outer column it names
 * becomes a parameter of the subplan, set from the enclosing row before every run (PostgreSQL's
 * PARAM_EXEC). The same outer expression named twice is one parameter.
 */
final class CorrelatedScope implements Scope {
    private final Scope enclosing;
    private final IntSupplier ids;
    private final List<Correlation> correlations = new ArrayList<>();

    CorrelatedScope(Scope enclosing, IntSupplier ids) {
        this.enclosing = enclosing;
        this.ids = ids;
    }

    @Override
    public Optional<BoundExpr> column(List<String> fields, int location) {
        return enclosing.column(fields, location).map(this::parameter);
    }

    @Override
    public Optional<BoundExpr> wholeRow(String alias, int location) {
        return enclosing.wholeRow(alias, location).map(this::parameter);
    }

    @Override
    public Optional<List<java.util.Map.Entry<String, BoundExpr>>> outerStar(String alias) {
        return enclosing.outerStar(alias).map(columns -> columns.stream()
                .map(c -> java.util.Map.entry(c.getKey(), parameter(c.getValue()))).toList());
    }

    @Override
    public void forEachItem(java.util.function.BiConsumer<String, List<String>> visit) {
        enclosing.forEachItem(visit);
    }

    /** How many outer values are named so far. */
    int size() {
        return correlations.size();
    }

    /** Drops the outer values named after the first {@code mark}: an outer-level aggregate took them over. */
    void forgetSince(int mark) {
        while (correlations.size() > mark) {
            correlations.remove(correlations.size() - 1);
        }
    }

    /** An outer value computed by the enclosing query (an outer-level aggregate) as a parameter. */
    BoundExpr parameterFor(BoundExpr value) {
        return parameter(value);
    }

    private BoundExpr parameter(BoundExpr value) {
        String name = value instanceof org.lakepg.server.sql.plan.expr.InputRef in
                ? java.util.Objects.requireNonNullElse(enclosing.shownName(in), in.name())
                : value instanceof OuterParam p ? p.name() : null;
        for (Correlation c : correlations) {
            if (c.value().equals(value)) {
                return new OuterParam(c.id(), value.type(), value.typmod(), name);
            }
        }
        Correlation c = new Correlation(ids.getAsInt(), value);
        correlations.add(c);
        return new OuterParam(c.id(), value.type(), value.typmod(), name);
    }

    /** The outer values named so far; empty for an uncorrelated subquery. */
    List<Correlation> correlations() {
        return List.copyOf(correlations);
    }
}
