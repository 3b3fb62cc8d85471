package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.WindowDef;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * The window calls of one query level, grouped by window: calls over equal windows share one
 * WindowAgg, as in PostgreSQL. Also holds the query's named windows (its WINDOW clause).
 */
final class WindowCollector {

    /** One ORDER BY item of a window. */
    record Order(BoundExpr expr, boolean descending, boolean nullsFirst, int location) {
        /** Windows written alike share one WindowAgg wherever they were written (equal() ignores locations). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Order x && expr.equals(x.expr) && descending == x.descending && nullsFirst == x.nullsFirst;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(expr, descending, nullsFirst);
        }
    }

    /** A resolved window: what partitions, orders and frames its calls. */
    /** {@code inRange}: the in_range support function (prosrc) of a RANGE frame with offsets, else null. */
    record Window(String name, List<BoundExpr> partition, List<Order> order, int frameOptions, BoundExpr startOffset,
                  BoundExpr endOffset, String inRange) {}

    private final List<WindowDef> named;
    private final List<Window> windows = new ArrayList<>();
    private final List<WindowCall> calls = new ArrayList<>();
    private final List<Integer> windowOfCall = new ArrayList<>();

    WindowCollector(List<WindowDef> named) {
        this.named = named == null ? List.of() : named;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (WindowDef d : this.named) {
            if (!names.add(d.name())) {
                throw Coercer.at(org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.WINDOWING_ERROR,
                        "window \"%s\" is already defined", d.name()), d.location());
            }
        }
    }

    List<WindowDef> named() {
        return named;
    }

    /** Adds a call over a window, returning the call's index. */
    int add(Window window, WindowCall call) {
        int w = windows.indexOf(window);
        if (w < 0) {
            windows.add(window);
            w = windows.size() - 1;
        }
        calls.add(call);
        windowOfCall.add(w);
        return calls.size() - 1;
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    List<Window> windows() {
        return windows;
    }

    List<WindowCall> calls() {
        return calls;
    }

    int windowOf(int call) {
        return windowOfCall.get(call);
    }
}
