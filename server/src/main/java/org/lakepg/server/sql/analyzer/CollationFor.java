package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;

/**
 * pg_collation_for(x): the collation x carries, named as SQL spells it. lakepg does not track collations through
 * expressions; what PostgreSQL derives is recovered from the syntax — an explicit COLLATE in x or in the arguments (an
 * aggregate's WITHIN GROUP / ORDER BY too) of the calls and operators it is made of — else the database default for a
 * collatable type. The call keeps its argument (so an aggregate in it still aggregates) and gains the answer, and the
 * error for a type without collations, as constants the function returns or raises when it runs.
 */
final class CollationFor {
    private CollationFor() {}

    /** @param type the argument's type as written (an untyped literal is unknown, whatever it is coerced to) */
    static List<BoundExpr> arguments(Expr syntax, long type, BoundExpr argument, AnalyzerCatalog catalog) {
        String answer = null;
        String noCollations = null;
        if (type != TypeOids.UNKNOWN) {
            TypeEntry entry = catalog.type(type).orElse(null);
            long base = entry == null ? 0 : new TypeCoercion(catalog).baseType(type);
            TypeEntry baseType = catalog.type(base).orElse(entry);
            if (baseType == null || baseType.collation() == 0) {
                noCollations = TypeNames.format(catalog, type);
            } else {
                String explicit = explicit(syntax);
                answer = Identifiers.quoteIfNeeded(explicit == null ? "default" : explicit);
            }
        }
        List<BoundExpr> out = new ArrayList<>();
        out.add(argument);
        out.add(new Const(TypeOids.TEXT, -1, answer));
        out.add(new Const(TypeOids.TEXT, -1, noCollations));
        return out;
    }

    /** The explicit collation of an expression (a COLLATE clause in it, the first one met), or null. */
    static String explicit(Expr e) {
        return switch (e) {
            case CollateClause c -> c.collname().get(c.collname().size() - 1);
            case TypeCast t -> explicit(t.arg());
            case AExpr a -> {
                String left = a.left() == null ? null : explicit(a.left());
                yield left != null || a.right() == null ? left : explicit(a.right());
            }
            case FuncCall f -> {
                List<Expr> parts = new ArrayList<>(f.args());
                f.aggOrder().stream().map(SortBy::node).forEach(parts::add);
                String found = null;
                for (Expr part : parts) {
                    found = found != null || part == null ? found : explicit(part);
                }
                yield found;
            }
            case null -> null;
            default -> null;
        };
    }
}
