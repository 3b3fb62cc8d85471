package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * A PL/pgSQL function with polymorphic parameters (anyelement ...) learns its arguments' actual types from a trailing
 * text argument of the call: the type OIDs, comma-separated.
 */
public final class PlpgsqlPolymorphism {
    private PlpgsqlPolymorphism() {}

    public static boolean isPolymorphic(long type) {
        return type == TypeOids.ANYELEMENT || type == TypeOids.ANYARRAY || type == TypeOids.ANYNONARRAY
                || type == TypeOids.ANYENUM || type == TypeOids.ANYRANGE || type == TypeOids.ANYCOMPATIBLE
                || type == TypeOids.ANYCOMPATIBLEARRAY || type == TypeOids.ANYCOMPATIBLENONARRAY
                || type == TypeOids.ANYCOMPATIBLERANGE;
    }

    public static boolean hasPolymorphicInput(ProcEntry proc) {
        for (long t : proc.argumentTypes()) {
            if (isPolymorphic(t)) {
                return true;
            }
        }
        return false;
    }

    static String encode(List<BoundExpr> arguments) {
        StringBuilder out = new StringBuilder();
        for (BoundExpr a : arguments) {
            out.append(out.isEmpty() ? "" : ",").append(a.type() == TypeOids.UNKNOWN ? TypeOids.TEXT : a.type());
        }
        return out.toString();
    }

    /** The trailing argument for calls whose argument types are known only as OIDs (aggregate support calls). */
    public static String encode(long[] types) {
        StringBuilder out = new StringBuilder();
        for (long t : types) {
            out.append(out.isEmpty() ? "" : ",").append(t == TypeOids.UNKNOWN ? TypeOids.TEXT : t);
        }
        return out.toString();
    }

    /** The argument types a call carried; empty text for none. */
    public static long[] decode(String text) {
        if (text.isEmpty()) {
            return new long[0];
        }
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }
}
