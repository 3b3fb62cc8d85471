package org.lakepg.server.sql.analyzer;

import java.util.Optional;
import org.lakepg.server.catalog.CastEntry;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;

/**
 * PostgreSQL's coercion rules (parse_coerce.c): which type converts to which in which context,
 * and how. Everything is driven by pg_cast and pg_type rows, so user-defined casts, domains and
 * arrays follow the same rules as built-ins.
 */
public final class TypeCoercion {

    /** Where a conversion is requested; each admits the casts of the ones before it. */
    public enum Context { IMPLICIT, ASSIGNMENT, EXPLICIT }

    /** How a value of one type becomes another. */
    public sealed interface Pathway {
        /** No conversion exists in this context. */
        record None() implements Pathway {}

        /** Binary-coercible: the value is reused as it is. */
        record Relabel() implements Pathway {}

        /** A cast function (pg_cast.castfunc), possibly taking typmod and explicit-flag arguments. */
        record ViaFunction(long function) implements Pathway {}

        /** Output as text, input as the target type. */
        record ViaIO() implements Pathway {}

        /** Element by element, for arrays whose element types convert. */
        record ArrayCoerce(Pathway element) implements Pathway {}
    }

    public static final Pathway NONE = new Pathway.None();
    public static final Pathway RELABEL = new Pathway.Relabel();
    public static final Pathway VIA_IO = new Pathway.ViaIO();

    private final TypeCatalog types;

    public TypeCoercion(TypeCatalog types) {
        this.types = types;
    }

    public TypeCatalog types() {
        return types;
    }

    /** find_coercion_pathway: how {@code source} becomes {@code target} in this context. */
    public Pathway findPathway(long source, long target, Context context) {
        if (source == target) {
            return RELABEL;
        }
        source = baseType(source);
        target = baseType(target);
        if (source == target) {
            return RELABEL;
        }
        Optional<CastEntry> cast = types.cast(source, target);
        if (cast.isPresent()) {
            CastEntry c = cast.get();
            if (!allows(c.context(), context)) {
                return NONE;
            }
            return switch (c.method()) {
                case 'f' -> new Pathway.ViaFunction(c.function());
                case 'b' -> RELABEL;
                default -> VIA_IO;
            };
        }
        TypeEntry s = types.type(source).orElse(null);
        TypeEntry t = types.type(target).orElse(null);
        if (s == null || t == null) {
            return NONE;
        }
        // as find_coercion_pathway: oidvector and int2vector are never the target of an array coercion
        if (t.isArray() && s.isArray() && target != TypeOids.OIDVECTOR && target != TypeOids.INT2VECTOR) {
            Pathway element = findPathway(s.elementType(), t.elementType(), context);
            if (!(element instanceof Pathway.None)) {
                return new Pathway.ArrayCoerce(element);
            }
            return NONE;
        }
        if (context.compareTo(Context.ASSIGNMENT) >= 0 && t.category() == 'S') {
            return VIA_IO;
        }
        if (context == Context.EXPLICIT && s.category() == 'S') {
            return VIA_IO;
        }
        return NONE;
    }

    private static boolean allows(char castContext, Context context) {
        return switch (castContext) {
            case CastEntry.IMPLICIT -> true;
            case CastEntry.ASSIGNMENT -> context.compareTo(Context.ASSIGNMENT) >= 0;
            default -> context == Context.EXPLICIT;
        };
    }

    /** can_coerce_type: could every input be coerced to its target (polymorphic targets included)? */
    public boolean canCoerce(long[] inputs, long[] targets, Context context) {
        boolean generics = false;
        for (int i = 0; i < inputs.length; i++) {
            long in = inputs[i];
            long target = targets[i];
            if (in == target || target == TypeOids.ANY) {
                continue;
            }
            if (TypeOids.isPolymorphic(target)) {
                generics = true;
                continue;
            }
            if (in == TypeOids.UNKNOWN) {
                continue;
            }
            if (!(findPathway(in, target, context) instanceof Pathway.None)) {
                continue;
            }
            if (target == TypeOids.RECORD && isComposite(in)) {
                continue;
            }
            if (target == TypeOids.RECORD_ARRAY && isCompositeArray(in)) {
                continue;
            }
            if (in == TypeOids.RECORD && target != TypeOids.RECORD && isComposite(target)) {
                continue; // a ROW(...) converts to any composite type, checked field by field
            }
            return false;
        }
        return !generics || new PolymorphicTypes(this).consistent(inputs, targets);
    }

    public boolean canCoerce(long input, long target, Context context) {
        return canCoerce(new long[] {input}, new long[] {target}, context);
    }

    /** Binary-coercible in the sense of IsBinaryCoercible: no work at run time, implicitly. */
    public boolean isBinaryCoercible(long source, long target) {
        if (source == target || target == TypeOids.ANY) {
            return true;
        }
        source = baseType(source);
        if (source == target) {
            return true;
        }
        if (target == TypeOids.ANYARRAY && isArray(source)) {
            return true;
        }
        if (target == TypeOids.ANYNONARRAY && !isArray(source)) {
            return true;
        }
        if (target == TypeOids.ANYENUM && types.type(source).map(t -> t.kind() == TypeEntry.KIND_ENUM).orElse(false)) {
            return true;
        }
        if (target == TypeOids.RECORD && isComposite(source)) {
            return true;
        }
        return types.cast(source, target)
                .map(c -> c.method() == 'b' && c.context() == CastEntry.IMPLICIT)
                .orElse(false);
    }

    /** A domain's base type (through nested domains); other types are their own base. */
    public long baseType(long type) {
        for (int guard = 0; guard < 64; guard++) {
            Optional<TypeEntry> t = types.type(type);
            if (t.isEmpty() || !t.get().isDomain()) {
                return type;
            }
            type = t.get().baseType();
        }
        return type;
    }

    public char category(long type) {
        return types.type(type).map(TypeEntry::category).orElse('X');
    }

    public boolean isPreferred(long type) {
        return types.type(type).map(TypeEntry::preferred).orElse(false);
    }

    public boolean isArray(long type) {
        return types.type(type).map(TypeEntry::isArray).orElse(false);
    }

    /** The element type of an array type, 0 for anything else. */
    public long elementType(long arrayType) {
        return types.type(baseType(arrayType)).filter(TypeEntry::isArray).map(TypeEntry::elementType).orElse(0L);
    }

    /** The array type over an element type, 0 when there is none. */
    public long arrayTypeOf(long elementType) {
        return types.type(elementType).map(TypeEntry::arrayType).orElse(0L);
    }

    public boolean isComposite(long type) {
        if (type == TypeOids.RECORD) {
            return true;
        }
        return types.type(baseType(type)).map(t -> t.kind() == TypeEntry.KIND_COMPOSITE).orElse(false);
    }

    private boolean isCompositeArray(long type) {
        long element = elementType(type);
        return element != 0 && isComposite(element);
    }
}
