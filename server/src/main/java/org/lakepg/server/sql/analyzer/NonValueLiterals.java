package org.lakepg.server.sql.analyzer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.TypeName;

/**
 * The numeric literals of a statement whose meaning is more than their value, so that a plan made with a parameter
 * in their place would mean something else: ORDER BY / GROUP BY / DISTINCT ON positions ({@code order by 1}) and
 * type modifiers ({@code numeric(10, 2)}). Conservatively, every number anywhere inside such a clause counts.
 * Used by the simple-protocol plan cache, which turns only the other literals into parameters.
 */
public final class NonValueLiterals {
    private NonValueLiterals() {}

    /** The source offsets where such literals start (of the minus sign when the parser folded one in). */
    public static Set<Integer> of(Object statement) {
        Set<Integer> out = new HashSet<>();
        walk(statement, false, out);
        return out;
    }

    private static void walk(Object node, boolean inside, Set<Integer> out) {
        switch (node) {
            case null -> { }
            case AConst c -> {
                if (inside && c.location() >= 0
                        && (c.kind() == AConst.Kind.INTEGER || c.kind() == AConst.Kind.NUMERIC)) {
                    out.add(c.location());
                }
            }
            case List<?> list -> list.forEach(e -> walk(e, inside, out));
            case SortBy s -> components(s, true, out);
            case TypeName t -> components(t, true, out);
            case SelectStmt s -> {
                for (RecordComponent rc : SelectStmt.class.getRecordComponents()) {
                    String name = rc.getName();
                    boolean clause = name.equals("groupClause") || name.equals("distinctClause")
                            || name.equals("sortClause");
                    walk(value(rc, s), inside || clause, out);
                }
            }
            case Record r -> components(r, inside, out);
            default -> { }
        }
    }

    private static void components(Record r, boolean inside, Set<Integer> out) {
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            walk(value(rc, r), inside, out);
        }
    }

    private static Object value(RecordComponent rc, Record r) {
        try {
            return rc.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc, e);
        }
    }
}
