package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.function.scalar.DomainCheck;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * CoerceToDomain: a value converted to a domain passes through the domain's tests, its own and those of the
 * domains it is made from. The CHECK conditions are analyzed here with VALUE as the one input column and run
 * by {@link DomainCheck} on the converted value (evaluated once).
 */
final class DomainCoercion implements Coercer.DomainWrapper {
    private final ExpressionAnalyzer analyzer;
    private final AnalyzerCatalog catalog;

    DomainCoercion(ExpressionAnalyzer analyzer, AnalyzerCatalog catalog) {
        this.analyzer = analyzer;
        this.catalog = catalog;
    }

    @Override
    public BoundExpr wrap(BoundExpr baseValue, long domain) {
        if (!(catalog.userType(domain).orElse(null) instanceof UserType.Domain d)) {
            return baseValue;
        }
        DomainCheck.Program program = program(d);
        return new FuncExpr(DomainCheck.FUNCTION_OID, DomainCheck.NAME, DomainCheck.NAME, FuncExpr.Form.CAST,
                List.of(baseValue, new Const(TypeOids.INTERNAL, -1, program)), false, 'i', domain, baseValue.typmod());
    }

    /** The domain's NOT NULL and CHECK tests, with VALUE of the base type as input column 0. */
    DomainCheck.Program program(UserType.Domain d) {
        // the chain from this domain down to the one over a non-domain type; tests run bottom-up, by name within one
        List<UserType.Domain> chain = new ArrayList<>();
        for (UserType.Domain at = d; at != null && chain.size() < 64; ) {
            chain.add(0, at);
            at = catalog.userType(at.baseType()).orElse(null) instanceof UserType.Domain base ? base : null;
        }
        UserType.Domain bottom = chain.get(0);
        InputRef value = new InputRef(0, bottom.baseType(), bottom.baseTypmod(), "VALUE");
        Scope scope = (fields, location) -> fields.size() == 1 && fields.get(0).equals("value")
                ? java.util.Optional.of(value) : java.util.Optional.empty();
        List<String> names = new ArrayList<>();
        List<BoundExpr> checks = new ArrayList<>();
        boolean notNull = false;
        for (UserType.Domain level : chain) {
            notNull |= level.notNull();
            for (UserType.DomainCheck c : level.checks().stream()
                    .sorted(java.util.Comparator.comparing(UserType.DomainCheck::name)).toList()) {
                names.add(c.name());
                checks.add(analyzer.coercer().coerce(analyzer.analyze(DefaultExpressions.parse(c.expression()), scope),
                        TypeOids.BOOL, -1, TypeCoercion.Context.IMPLICIT, -1));
            }
        }
        // named as format_type_be names it: qualified when search_path does not find it
        return new DomainCheck.Program(TypeNames.format(catalog, d.oid()), notNull, names, checks);
    }
}
