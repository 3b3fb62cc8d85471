package org.lakepg.server.catalog;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The columns a function returns through OUT/INOUT/TABLE parameters, with polymorphic ones resolved from the call's
 * actual arguments as PostgreSQL does: anyelement is the element type of the anyarray argument (or the type of an
 * anyelement argument), anyarray the actual array type. pgjdbc's metadata queries read
 * {@code (information_schema._pg_expandarray(i.indkey)).x} this way.
 */
public final class OutParameters {
    private OutParameters() {
    }

    /** One type per OUT column; 0 where a polymorphic type cannot be resolved from the arguments. */
    public static long[] types(ProcEntry proc, long[] actualArguments, LongFunction<Optional<TypeEntry>> types) {
        char[] modes = proc.argumentModes();
        long[] all = proc.allArgumentTypes();
        int count = 0;
        for (char m : modes) {
            count += isOut(m) ? 1 : 0;
        }
        long element = 0;
        long array = 0;
        for (int i = 0, in = 0; i < modes.length && in < actualArguments.length; i++) {
            if (isOut(modes[i]) && modes[i] != 'b') {
                continue;
            }
            long declared = all[i];
            long actual = actualArguments[in++];
            if (declared == TypeOids.ANYARRAY || declared == TypeOids.ANYCOMPATIBLEARRAY) {
                array = actual;
                element = types.apply(actual).map(TypeEntry::elementType).orElse(0L);
            } else if (declared == TypeOids.ANYELEMENT || declared == TypeOids.ANYNONARRAY
                    || declared == TypeOids.ANYCOMPATIBLE) {
                element = actual;
            }
        }
        long[] out = new long[count];
        for (int i = 0, at = 0; i < modes.length; i++) {
            if (!isOut(modes[i])) {
                continue;
            }
            long declared = all[i];
            out[at++] = declared == TypeOids.ANYELEMENT || declared == TypeOids.ANYNONARRAY
                    || declared == TypeOids.ANYCOMPATIBLE ? element
                    : declared == TypeOids.ANYARRAY || declared == TypeOids.ANYCOMPATIBLEARRAY ? array : declared;
        }
        return out;
    }

    /** The OUT columns' names; null when the function names none of its parameters. */
    public static java.util.List<String> names(ProcEntry proc) {
        if (proc.argumentNames() == null || proc.argumentModes() == null) {
            return null;
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        char[] modes = proc.argumentModes();
        for (int i = 0; i < modes.length; i++) {
            if (isOut(modes[i])) {
                names.add(proc.argumentNames().get(i));
            }
        }
        return names;
    }

    private static boolean isOut(char mode) {
        return mode == 'o' || mode == 'b' || mode == 't';
    }
}
