package org.lakepg.server.sql.analyzer;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * PostgreSQL's system columns of a table's rows: tableoid, and those read from the row version itself (ctid, xmin,
 * xmax, cmin, cmax). A scan carries the row's tuple id only when a query names one of the latter, so the analyzer
 * first looks for such a name in the statement; the header fields are then read through the tid.
 */
final class SystemColumns {
    private SystemColumns() {}

    private static final Set<String> TUPLE_COLUMNS = Set.of("ctid", "xmin", "xmax", "cmin", "cmax");

    /** The functions that read a row version's header field, by column (see SystemColumnFunctions). */
    static final Map<String, String> HEADER_FUNCTIONS = Map.of("xmin", "lakepg_tuple_xmin",
            "xmax", "lakepg_tuple_xmax", "cmin", "lakepg_tuple_cmin", "cmax", "lakepg_tuple_cmax");

    static boolean isSystem(String name) {
        return name.equals("tableoid") || TUPLE_COLUMNS.contains(name);
    }

    /** ctid, xmin, xmax, cmin or cmax: read through the row's tuple id. */
    static boolean isTupleColumn(String name) {
        return TUPLE_COLUMNS.contains(name);
    }

    /** The value of system column {@code name} of the row at {@code tid} of the table {@code tableOid} gives. */
    static BoundExpr ref(String name, BoundExpr tableOid, BoundExpr tid) {
        if (name.equals("ctid")) {
            return new FuncExpr(0, name, "lakepg_tuple_ctid", FuncExpr.Form.CALL, List.of(tid), true, 'i', TypeOids.TID,
                    -1);
        }
        long type = name.startsWith("x") ? TypeOids.XID : TypeOids.CID;
        return new FuncExpr(0, name, HEADER_FUNCTIONS.get(name), FuncExpr.Form.CALL, List.of(tableOid, tid), true, 'v',
                type, -1);
    }

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    /** Whether a column reference in the syntax tree (at any depth) names ctid, xmin, xmax, cmin or cmax. */
    static boolean mentioned(Object node) {
        if (node == null) {
            return false;
        }
        if (node instanceof ColumnRef c) {
            return !c.star() && !c.fields().isEmpty() && TUPLE_COLUMNS.contains(c.fields().get(c.fields().size() - 1));
        }
        if (node instanceof Collection<?> list) {
            for (Object o : list) {
                if (mentioned(o)) {
                    return true;
                }
            }
            return false;
        }
        Class<?> type = node.getClass();
        if (!type.isRecord() || !type.getPackageName().equals(ColumnRef.class.getPackageName())) {
            return false;
        }
        for (RecordComponent rc : COMPONENTS.computeIfAbsent(type, Class::getRecordComponents)) {
            if (rc.getType().isPrimitive() || rc.getType() == String.class) {
                continue;
            }
            try {
                if (mentioned(rc.getAccessor().invoke(node))) {
                    return true;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}
