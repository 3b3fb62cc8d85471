package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Operator resolution as PostgreSQL does it (parse_oper.c): an unknown operand is first assumed to
 * have the other operand's type; failing an exact match, candidates are chosen as for functions.
 */
public final class OperatorResolver {
    private final TypeCoercion coercion;
    private final CandidateSelection selection;

    public OperatorResolver(TypeCoercion coercion) {
        this.coercion = coercion;
        this.selection = new CandidateSelection(coercion);
    }

    /**
     * @param operators the operators of that name visible on the search path (or in the schema the
     *                  OPERATOR() syntax named)
     * @param left      the left operand's type, 0 for a prefix operator
     */
    public ResolvedOperator resolve(String name, List<OperatorEntry> operators, long left, long right) {
        OperatorEntry op = choose(name, operators, left, right);
        long[] declared = left == 0 ? new long[] {op.rightType()} : new long[] {op.leftType(), op.rightType()};
        long[] actual = left == 0 ? new long[] {right} : new long[] {left, right};
        boolean poly = TypeOids.isPolymorphic(op.resultType());
        for (long d : declared) {
            poly |= TypeOids.isPolymorphic(d);
        }
        if (!poly) {
            return new ResolvedOperator(op, op.leftType(), op.rightType(), op.resultType());
        }
        PolymorphicTypes types = new PolymorphicTypes(coercion);
        PolymorphicTypes.Binding binding = types.bind(actual, declared, TypeOids.isPolymorphic(op.resultType()));
        long[] resolved = new long[declared.length];
        for (int i = 0; i < declared.length; i++) {
            resolved[i] = TypeOids.isPolymorphic(declared[i]) ? types.substitute(declared[i], binding) : declared[i];
        }
        long result = TypeOids.isPolymorphic(op.resultType()) ? types.substitute(op.resultType(), binding) : op.resultType();
        return left == 0 ? new ResolvedOperator(op, 0, resolved[0], result)
                : new ResolvedOperator(op, resolved[0], resolved[1], result);
    }

    private OperatorEntry choose(String name, List<OperatorEntry> operators, long left, long right) {
        char kind = left == 0 ? 'l' : 'b';
        List<OperatorEntry> ofKind = new ArrayList<>();
        for (OperatorEntry o : operators) {
            if (o.kind() == kind) {
                ofKind.add(o);
            }
        }
        OperatorEntry exact = exact(ofKind, left, right);
        if (exact != null) {
            return exact;
        }
        long[] inputs = kind == 'l' ? new long[] {right} : new long[] {left, right};
        List<long[]> types = new ArrayList<>();
        for (OperatorEntry o : ofKind) {
            types.add(kind == 'l' ? new long[] {o.rightType()} : new long[] {o.leftType(), o.rightType()});
        }
        List<Integer> matching = selection.matching(inputs, types);
        if (matching.size() > 1) {
            matching = selection.select(inputs, types, matching);
            if (matching.size() > 1) {
                throw PgException.of(SqlState.AMBIGUOUS_FUNCTION, "operator is not unique: %s",
                        describe(name, left, right))
                        .withHint("Could not choose a best candidate operator. You might need to add explicit type casts.");
            }
        }
        if (matching.isEmpty()) {
            throw PgException.of(SqlState.UNDEFINED_FUNCTION, "operator does not exist: %s", describe(name, left, right))
                    .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        }
        return ofKind.get(matching.get(0));
    }

    /** binary_oper_exact: with one unknown operand, look for the operator on the other's type. */
    private OperatorEntry exact(List<OperatorEntry> ofKind, long left, long right) {
        boolean wasUnknown = false;
        if (left == TypeOids.UNKNOWN && right != TypeOids.UNKNOWN) {
            left = right;
            wasUnknown = true;
        } else if (right == TypeOids.UNKNOWN && left != TypeOids.UNKNOWN && left != 0) {
            right = left;
            wasUnknown = true;
        }
        OperatorEntry found = find(ofKind, left, right);
        if (found == null && wasUnknown) {
            long base = coercion.baseType(left == 0 ? right : left);
            if (base != left) {
                found = find(ofKind, left == 0 ? 0 : base, base);
            }
        }
        return found;
    }

    private static OperatorEntry find(List<OperatorEntry> ofKind, long left, long right) {
        for (OperatorEntry o : ofKind) {
            if (o.leftType() == left && o.rightType() == right) {
                return o;
            }
        }
        return null;
    }

    private String describe(String name, long left, long right) {
        String r = TypeNames.format(coercion.types(), right);
        return left == 0 ? name + " " + r : TypeNames.format(coercion.types(), left) + " " + name + " " + r;
    }
}
