package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.OnConflict;

/** EXPLAIN's lines for INSERT ... ON CONFLICT: resolution, arbiter indexes and the DO UPDATE condition. */
final class OnConflictDetails {
    private OnConflictDetails() {}

    static List<String[]> of(ModifyNode m, ExprDeparser deparser) {
        OnConflict c = m.onConflict();
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"Conflict Resolution", c.action().name()});
        if (c.inferred() && !c.arbiters().isEmpty()) {
            out.add(new String[] {"Conflict Arbiter Indexes",
                    String.join(", ", c.arbiters().stream().map(i -> i.name()).toList())});
        }
        if (c.where() != null) {
            int width = m.table().columns().size();
            String text = deparser.deparse(c.where(), i -> i < width
                    ? c.alias() + "." + m.table().columns().get(i).name()
                    : "excluded." + m.table().columns().get(i - width).name());
            out.add(new String[] {"Conflict Filter", text.startsWith("(") ? text : "(" + text + ")"});
        }
        return out;
    }
}
