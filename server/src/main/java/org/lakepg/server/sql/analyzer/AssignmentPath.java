package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AIndices;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FieldName;
import org.lakepg.server.sql.ast.Indirection;

/**
 * One step of an assignment target's indirection ({@code INSERT INTO t (c[1].f) ...}, {@code SET a[1:2] = ...}):
 * consecutive subscripts form one step, as PostgreSQL applies them to one container at once.
 */
sealed interface AssignmentPath permits AssignmentPath.Element, AssignmentPath.Slice, AssignmentPath.Field {

    /** {@code [i][j]...}: one element. */
    record Element(List<Expr> subscripts) implements AssignmentPath {}

    /** {@code [l:u][i]...}: a slice; a plain {@code [i]} among slices means {@code [1:i]}, a left-out bound is null. */
    record Slice(List<AIndices> bounds) implements AssignmentPath {}

    /** {@code .name}: a field of a composite value. */
    record Field(String name) implements AssignmentPath {}

    /** The steps of a target's indirection, in order. */
    static List<AssignmentPath> of(List<Indirection> indirection) {
        List<AssignmentPath> steps = new ArrayList<>();
        List<AIndices> run = new ArrayList<>();
        for (Indirection i : indirection) {
            if (i instanceof AIndices indices) {
                run.add(indices);
                continue;
            }
            flush(run, steps);
            if (i instanceof FieldName f) {
                steps.add(new Field(f.name()));
            } else {
                throw new IllegalArgumentException("the grammar allows no .* in an assignment target");
            }
        }
        flush(run, steps);
        return steps;
    }

    private static void flush(List<AIndices> run, List<AssignmentPath> steps) {
        if (run.isEmpty()) {
            return;
        }
        if (run.stream().anyMatch(AIndices::isSlice)) {
            steps.add(new Slice(List.copyOf(run)));
        } else {
            steps.add(new Element(run.stream().map(AIndices::uidx).toList()));
        }
        run.clear();
    }
}
