package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.CastEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CoerceViaIO;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Applies coercions to analyzed expressions (coerce_type / coerce_type_typmod): literals of unknown
 * type are read by the target type's input function right away, parameters of unknown type take
 * the target type, everything else gets the cast node its pathway calls for.
 */
public final class Coercer {
    private final AnalyzerCatalog catalog;
    private final TypeCoercion rules;
    private final TypeIO io;
    private final FunctionContext context;
    private final ParameterTypes parameters;
    /** Where each string literal of the statement was written: its input errors point there, as PostgreSQL's do. */
    private final java.util.Map<Const, Integer> literalLocations = new java.util.IdentityHashMap<>();

    public Coercer(AnalyzerCatalog catalog, TypeIO io, FunctionContext context, ParameterTypes parameters) {
        this.catalog = catalog;
        this.rules = new TypeCoercion(catalog);
        this.io = io;
        this.context = context;
        this.parameters = parameters;
    }

    /** An untyped string literal written at {@code location} (0-based). */
    public Const unknownLiteral(String text, int location) {
        Const literal = new Const(TypeOids.UNKNOWN, -1, text);
        if (location >= 0) {
            literalLocations.put(literal, location);
        }
        return literal;
    }

    public TypeCoercion rules() {
        return rules;
    }

    /** Wraps a value of a domain's base type in the domain's NOT NULL and CHECK tests (CoerceToDomain). */
    @FunctionalInterface
    public interface DomainWrapper {
        BoundExpr wrap(BoundExpr baseValue, long domain);
    }

    private DomainWrapper domains;

    public void setDomainWrapper(DomainWrapper domains) {
        this.domains = domains;
    }

    /** Coerces or throws 42846 "cannot cast type X to Y" at {@code location} (0-based, -1 unknown). */
    public BoundExpr coerce(BoundExpr expr, long target, int typmod, TypeCoercion.Context context, int location) {
        return tryCoerce(expr, target, typmod, context, location).orElseThrow(() -> at(PgException.of(
                SqlState.CANNOT_COERCE, "cannot cast type %s to %s", TypeNames.format(catalog, expr.type()),
                TypeNames.format(catalog, target)), location));
    }

    /** Empty when no coercion exists in this context. */
    public Optional<BoundExpr> tryCoerce(BoundExpr expr, long target, int typmod, TypeCoercion.Context ctx,
                                         int location) {
        long source = expr.type();
        if (source == target) {
            return Optional.of(applyTypmod(expr, target, typmod, ctx));
        }
        if (target == TypeOids.ANY || TypeOids.isPolymorphic(target)) {
            return Optional.of(expr);
        }
        if (domains != null && (target >= org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID
                || org.lakepg.server.catalog.types.BuiltinDomains.find(target).isPresent())) {
            var domain = catalog.type(target).filter(t -> t.isDomain());
            if (domain.isPresent()) {
                // coerce_to_domain: to the bottom base type (with its domain's typmod), then the tests of the domain
                // and of the domains it is made from, reported under this domain's name
                var bottom = domain.get();
                for (int guard = 0; guard < 64; guard++) {
                    var next = catalog.type(bottom.baseType()).filter(t -> t.isDomain());
                    if (next.isEmpty()) {
                        break;
                    }
                    bottom = next.get();
                }
                return tryCoerce(expr, bottom.baseType(), bottom.typmod(), ctx, location)
                        .map(base -> domains.wrap(base, target));
            }
        }
        if (source == TypeOids.UNKNOWN) {
            if (expr instanceof Const c) {
                Object value = c.value() == null ? null
                        : readLiteral(target, typmod, (String) c.value(), literalLocations.getOrDefault(c, location));
                return Optional.of(applyTypmod(new Const(target, -1, value), target, typmod, ctx));
            }
            if (expr instanceof ParamRef p) {
                parameters.infer(p.number(), target);
                return Optional.of(applyTypmod(new ParamRef(p.number(), target, -1), target, typmod, ctx));
            }
            return Optional.of(applyTypmod(new CoerceViaIO(expr, target, -1), target, typmod, ctx));
        }
        if (target == TypeOids.RECORD && rules.isComposite(source)) {
            return Optional.of(expr);
        }
        if (source == TypeOids.RECORD && expr instanceof FuncExpr row && RowExpressions.isConstructor(row)) {
            Optional<BoundExpr> composite = RowExpressions.toComposite(row, target, ctx, location, this, catalog);
            if (composite.isPresent()) {
                return composite;
            }
        }
        TypeCoercion.Pathway pathway = rules.findPathway(source, target, ctx);
        BoundExpr converted = switch (pathway) {
            case TypeCoercion.Pathway.None n -> null;
            case TypeCoercion.Pathway.Relabel r -> new RelabelType(expr, target, -1);
            case TypeCoercion.Pathway.ViaIO v -> new CoerceViaIO(expr, target, -1);
            // a cast function with a typmod argument (int4 to bit(n)) gets the target's, as in PostgreSQL
            case TypeCoercion.Pathway.ViaFunction f -> castCall(f.function(), expr, target,
                    catalog.function(f.function()).orElseThrow().argumentCount() >= 2 ? typmod : -1,
                    ctx == TypeCoercion.Context.EXPLICIT);
            // binary-coercible elements (int2vector to int2[], varchar[] to text[]): the array as it is
            case TypeCoercion.Pathway.ArrayCoerce a when a.element() instanceof TypeCoercion.Pathway.Relabel ->
                    new RelabelType(expr, target, -1);
            case TypeCoercion.Pathway.ArrayCoerce a -> arrayCoerce(expr, target, typmod, ctx, location);
        };
        return Optional.ofNullable(converted).map(e -> applyTypmod(e, target, typmod, ctx));
    }

    /** Element by element: the element conversion reads the element as column 0 of a row of its own. */
    private BoundExpr arrayCoerce(BoundExpr array, long target, int typmod, TypeCoercion.Context ctx, int location) {
        long sourceElement = catalog.type(array.type()).orElseThrow().elementType();
        long targetElement = catalog.type(target).orElseThrow().elementType();
        BoundExpr element = coerce(new org.lakepg.server.sql.plan.expr.InputRef(0, sourceElement, array.typmod(), null),
                targetElement, typmod, ctx, location);
        return new org.lakepg.server.sql.plan.expr.ArrayCoerceExpr(array, element, target, typmod);
    }

    private Object readLiteral(long type, int typmod, String text, int location) {
        try {
            return io.input(type, typmod, text, context);
        } catch (PgException e) {
            throw e.position() == 0 ? at(e, location) : e;
        }
    }

    /** A length coercion (e.g. varchar(3), numeric(5,2)) when the type has one and a typmod is asked for. */
    private BoundExpr applyTypmod(BoundExpr expr, long type, int typmod, TypeCoercion.Context ctx) {
        if (typmod < 0 || typmod == expr.typmod()) {
            return expr;
        }
        Optional<CastEntry> lengthCast = catalog.cast(type, type);
        if (lengthCast.isPresent() && lengthCast.get().function() != 0) {
            return castCall(lengthCast.get().function(), expr, type, typmod, ctx == TypeCoercion.Context.EXPLICIT);
        }
        // an array of a type with a length coercion (char(5)[]): each element's, as PostgreSQL's ArrayCoerceExpr
        var array = catalog.type(type).filter(org.lakepg.server.catalog.TypeEntry::isArray);
        Optional<CastEntry> elementCast = array.flatMap(t -> catalog.cast(t.elementType(), t.elementType()));
        if (elementCast.isPresent() && elementCast.get().function() != 0) {
            long element = array.get().elementType();
            BoundExpr each = castCall(elementCast.get().function(), new org.lakepg.server.sql.plan.expr.InputRef(0,
                    element, -1, null), element, typmod, ctx == TypeCoercion.Context.EXPLICIT);
            return new org.lakepg.server.sql.plan.expr.ArrayCoerceExpr(expr, each, type, typmod);
        }
        return switch (expr) {
            case Const c -> new Const(c.type(), typmod, c.value());
            default -> new RelabelType(expr, type, typmod);
        };
    }

    /** A cast function takes the value, then optionally the typmod and whether the cast is explicit. */
    private BoundExpr castCall(long function, BoundExpr expr, long target, int typmod, boolean explicit) {
        ProcEntry proc = catalog.function(function).orElseThrow();
        List<BoundExpr> args = new ArrayList<>();
        args.add(expr);
        if (proc.argumentCount() >= 2) {
            args.add(new Const(TypeOids.INT4, -1, typmod));
        }
        if (proc.argumentCount() >= 3) {
            args.add(new Const(TypeOids.BOOL, -1, explicit));
        }
        return new FuncExpr(proc.oid(), proc.name(), proc.source(), FuncExpr.Form.CAST, args, proc.strict(),
                proc.volatility(), target, typmod);
    }

    static PgException at(PgException e, int location) {
        return location >= 0 && e.position() == 0 ? e.withPosition(location + 1) : e;
    }
}
