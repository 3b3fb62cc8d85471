package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;

/**
 * PostgreSQL's choice among overloaded functions or operators (func_match_argtypes +
 * func_select_candidate in parse_func.c), over candidates given as their argument type lists.
 * Used by {@link FunctionResolver} and {@link OperatorResolver} alike.
 */
final class CandidateSelection {
    private final TypeCoercion coercion;

    CandidateSelection(TypeCoercion coercion) {
        this.coercion = coercion;
    }

    /** Candidates whose arguments the inputs can be coerced to implicitly. */
    List<Integer> matching(long[] inputs, List<long[]> candidates) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (coercion.canCoerce(inputs, candidates.get(i), TypeCoercion.Context.IMPLICIT)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Narrows several matching candidates down by PostgreSQL's heuristics; returns the survivors
     * (one when the choice is unique, several when ambiguous, none when the heuristics reject all).
     */
    List<Integer> select(long[] inputs, List<long[]> candidates, List<Integer> matching) {
        int nargs = inputs.length;
        long[] base = new long[nargs];
        int unknowns = 0;
        for (int i = 0; i < nargs; i++) {
            base[i] = inputs[i] == TypeOids.UNKNOWN ? TypeOids.UNKNOWN : coercion.baseType(inputs[i]);
            if (base[i] == TypeOids.UNKNOWN) {
                unknowns++;
            }
        }

        // 1. Keep those with the most exact matches on the known input types.
        List<Integer> current = keepBest(matching, c -> {
            int n = 0;
            for (int i = 0; i < nargs; i++) {
                if (base[i] != TypeOids.UNKNOWN && candidates.get(c)[i] == base[i]) {
                    n++;
                }
            }
            return n;
        });
        if (current.size() == 1) {
            return current;
        }

        // 2. Then those with exact or preferred types where coercion is needed.
        current = keepBest(current, c -> {
            int n = 0;
            for (int i = 0; i < nargs; i++) {
                long t = candidates.get(c)[i];
                if (base[i] != TypeOids.UNKNOWN && (t == base[i] || coercion.isPreferred(t))) {
                    n++;
                }
            }
            return n;
        });
        if (current.size() == 1 || unknowns == 0) {
            return current;
        }

        // 3. Resolve unknown inputs by type category: STRING wins a conflict, else all must agree;
        //    within the category, preferred types win.
        char[] slotCategory = new char[nargs];
        boolean[] slotPreferred = new boolean[nargs];
        boolean resolved = false;
        for (int i = 0; i < nargs; i++) {
            if (base[i] != TypeOids.UNKNOWN) {
                continue;
            }
            resolved = true;
            slotCategory[i] = 0;
            boolean conflict = false;
            for (int c : current) {
                long t = candidates.get(c)[i];
                char category = coercion.category(t);
                if (slotCategory[i] == 0) {
                    slotCategory[i] = category;
                    slotPreferred[i] = coercion.isPreferred(t);
                } else if (category == slotCategory[i]) {
                    slotPreferred[i] |= coercion.isPreferred(t);
                } else if (category == 'S') {
                    slotCategory[i] = 'S';
                    slotPreferred[i] = coercion.isPreferred(t);
                } else {
                    conflict = true;
                }
            }
            if (conflict && slotCategory[i] != 'S') {
                resolved = false;
                break;
            }
        }
        if (resolved) {
            List<Integer> kept = new ArrayList<>();
            for (int c : current) {
                boolean keep = true;
                for (int i = 0; i < nargs && keep; i++) {
                    if (base[i] != TypeOids.UNKNOWN) {
                        continue;
                    }
                    long t = candidates.get(c)[i];
                    keep = coercion.category(t) == slotCategory[i] && (!slotPreferred[i] || coercion.isPreferred(t));
                }
                if (keep) {
                    kept.add(c);
                }
            }
            if (!kept.isEmpty()) {
                current = kept;
            }
            if (current.size() == 1) {
                return current;
            }
        }

        // 4. If the known inputs all share one type, assume the unknowns have it too.
        if (unknowns < nargs) {
            long known = 0;
            boolean same = true;
            for (long t : base) {
                if (t == TypeOids.UNKNOWN) {
                    continue;
                }
                if (known == 0) {
                    known = t;
                } else if (known != t) {
                    same = false;
                }
            }
            if (same && known != 0) {
                long[] assumed = new long[nargs];
                java.util.Arrays.fill(assumed, known);
                List<Integer> kept = new ArrayList<>();
                for (int c : current) {
                    if (coercion.canCoerce(assumed, candidates.get(c), TypeCoercion.Context.IMPLICIT)) {
                        kept.add(c);
                    }
                }
                if (kept.size() == 1) {
                    return kept;
                }
            }
        }
        return current;
    }

    private interface Score {
        int of(int candidate);
    }

    private static List<Integer> keepBest(List<Integer> candidates, Score score) {
        int best = -1;
        List<Integer> out = new ArrayList<>();
        for (int c : candidates) {
            int s = score.of(c);
            if (s > best) {
                best = s;
                out.clear();
            }
            if (s == best) {
                out.add(c);
            }
        }
        return out;
    }
}
