package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Function overload resolution as PostgreSQL does it (func_get_detail): an exact match, else the
 * candidates the arguments coerce to implicitly, narrowed by {@link CandidateSelection}; VARIADIC
 * functions are matched in their expanded form, and trailing defaults may be left out.
 */
public final class FunctionResolver {
    private final TypeCoercion coercion;
    private final CandidateSelection selection;
    private final PolymorphicTypes polymorphic;

    public FunctionResolver(TypeCoercion coercion) {
        this.coercion = coercion;
        this.selection = new CandidateSelection(coercion);
        this.polymorphic = new PolymorphicTypes(coercion);
    }

    /** One way a catalog function could take this call. */
    private record Candidate(ProcEntry proc, long[] types, boolean expanded, int defaultsUsed, int[] positions) {
        Candidate(ProcEntry proc, long[] types, boolean expanded, int defaultsUsed) {
            this(proc, types, expanded, defaultsUsed, null);
        }
    }

    /**
     * @param name        the function name as written (for messages)
     * @param procs       the functions of that name visible on the search path, nearest schema first
     * @param args        the actual argument types (UNKNOWN for untyped literals)
     * @param explicitVariadic the call says VARIADIC before its last argument
     */
    public ResolvedCall resolve(String name, List<ProcEntry> procs, long[] args, boolean explicitVariadic) {
        return resolve(name, procs, args, null, explicitVariadic).call();
    }

    /**
     * A call with named arguments ({@code f(1, b => 2)}); {@code names} has null for the positional ones, which come
     * first. The result maps each argument to the parameter it binds ({@code positions}); the parameters no argument
     * names take their defaults. Without names this is {@link #resolve(String, List, long[], boolean)}.
     */
    public NamedCall resolve(String name, List<ProcEntry> procs, long[] args, List<String> names,
                             boolean explicitVariadic) {
        boolean named = names != null && names.stream().anyMatch(java.util.Objects::nonNull);
        List<Candidate> candidates = named ? namedCandidates(procs, names) : candidates(procs, args.length, explicitVariadic);
        Candidate chosen = null;
        for (Candidate c : candidates) {
            if (Arrays.equals(c.types(), args)) {
                chosen = c;
                break;
            }
        }
        if (chosen == null) {
            List<long[]> types = candidates.stream().map(Candidate::types).toList();
            List<Integer> matching = selection.matching(args, types);
            if (matching.size() > 1) {
                matching = selection.select(args, types, matching);
                if (matching.size() > 1) {
                    throw PgException.of(SqlState.AMBIGUOUS_FUNCTION, "function %s is not unique",
                            signature(name, args)).withHint(
                            "Could not choose a best candidate function. You might need to add explicit type casts.");
                }
            }
            if (matching.isEmpty()) {
                throw notFound(signature(name, args, names));
            }
            chosen = candidates.get(matching.get(0));
        }
        return new NamedCall(bind(chosen, args), chosen.positions());
    }

    /** A resolved call and, for named arguments, the parameter each argument binds (null: in order). */
    public record NamedCall(ResolvedCall call, int[] positions) {
    }

    /** Functions whose input parameters have every given name, after the positional ones, and defaults for the rest. */
    private static List<Candidate> namedCandidates(List<ProcEntry> procs, List<String> names) {
        List<Candidate> out = new ArrayList<>();
        for (ProcEntry p : procs) {
            List<String> inputs = inputNames(p);
            long[] declared = p.argumentTypes();
            int[] positions = new int[names.size()];
            boolean[] bound = new boolean[declared.length];
            boolean fits = names.size() <= declared.length;
            for (int k = 0; fits && k < names.size(); k++) {
                int position = names.get(k) == null ? k : inputs.indexOf(names.get(k));
                fits = position >= 0 && position < declared.length && !bound[position];
                if (fits) {
                    positions[k] = position;
                    bound[position] = true;
                }
            }
            int firstDefault = declared.length - p.defaultArgumentCount();
            for (int j = 0; fits && j < declared.length; j++) {
                fits = bound[j] || j >= firstDefault;
            }
            if (!fits) {
                continue;
            }
            long[] types = new long[names.size()];
            for (int k = 0; k < types.length; k++) {
                types[k] = declared[positions[k]];
            }
            int defaults = declared.length - names.size();
            Candidate c = new Candidate(p, types, false, defaults, positions);
            if (!shadowed(out, c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The names of a function's input parameters (IN, INOUT, VARIADIC), in order; empty strings when unnamed. */
    private static List<String> inputNames(ProcEntry p) {
        List<String> names = p.argumentNames() == null ? List.of() : p.argumentNames();
        if (p.argumentModes() == null || p.argumentModes().length == 0) {
            return names;
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < p.argumentModes().length && i < names.size(); i++) {
            char mode = p.argumentModes()[i];
            if (mode == 'i' || mode == 'b' || mode == 'v') {
                inputs.add(names.get(i));
            }
        }
        return inputs;
    }

    public PgException notFound(String name, long[] args) {
        return notFound(signature(name, args, null));
    }

    private static PgException notFound(String signature) {
        return PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s does not exist", signature)
                .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }

    private ResolvedCall bind(Candidate c, long[] args) {
        long[] declared = c.types();
        long result = c.proc().returnType();
        boolean poly = TypeOids.isPolymorphic(result);
        for (long d : declared) {
            poly |= TypeOids.isPolymorphic(d);
        }
        if (!poly) {
            return new ResolvedCall(c.proc(), declared, result, c.expanded(), c.defaultsUsed());
        }
        PolymorphicTypes.Binding binding = polymorphic.bind(args, declared, TypeOids.isPolymorphic(result));
        if (binding == null) {
            throw notFound(c.proc().name(), args);
        }
        long[] resolved = new long[declared.length];
        for (int i = 0; i < declared.length; i++) {
            resolved[i] = TypeOids.isPolymorphic(declared[i]) ? polymorphic.substitute(declared[i], binding) : declared[i];
            if (resolved[i] == 0) {
                resolved[i] = args[i] == TypeOids.UNKNOWN ? TypeOids.TEXT : args[i];
            }
        }
        long resolvedResult = TypeOids.isPolymorphic(result) ? polymorphic.substitute(result, binding) : result;
        return new ResolvedCall(c.proc(), resolved, resolvedResult, c.expanded(), c.defaultsUsed());
    }

    private List<Candidate> candidates(List<ProcEntry> procs, int nargs, boolean explicitVariadic) {
        List<Candidate> out = new ArrayList<>();
        for (ProcEntry p : procs) {
            long[] declared = p.argumentTypes();
            int pronargs = declared.length;
            Candidate c = null;
            if (p.isVariadic() && !explicitVariadic && nargs >= pronargs - 1) {
                long[] types = Arrays.copyOf(declared, nargs);
                long element = p.variadicType();
                for (int i = pronargs - 1; i < nargs; i++) {
                    types[i] = element;
                }
                c = new Candidate(p, types, true, 0);
            } else if (explicitVariadic && !p.isVariadic()) {
                continue;
            } else if (nargs == pronargs) {
                c = new Candidate(p, declared, false, 0);
            } else if (nargs < pronargs && pronargs - nargs <= p.defaultArgumentCount()) {
                c = new Candidate(p, Arrays.copyOf(declared, nargs), false, pronargs - nargs);
            }
            if (c != null && !shadowed(out, c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The nearest schema's function hides a later one with the same effective signature. */
    private static boolean shadowed(List<Candidate> earlier, Candidate c) {
        for (Candidate e : earlier) {
            if (Arrays.equals(e.types(), c.types())) {
                return true;
            }
        }
        return false;
    }

    private String signature(String name, long[] args) {
        return signature(name, args, null);
    }

    /** As PostgreSQL prints a call in "does not exist": {@code f(integer, b => unknown)}. */
    private String signature(String name, long[] args, List<String> names) {
        StringJoiner j = new StringJoiner(", ", name + "(", ")");
        for (int i = 0; i < args.length; i++) {
            String type = TypeNames.format(coercion.types(), args[i]);
            j.add(names != null && names.get(i) != null ? names.get(i) + " => " + type : type);
        }
        return j.toString();
    }
}
