package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Polymorphic argument and result types (anyelement, anyarray, anynonarray, anyenum and the
 * anycompatible family): whether actual argument types fit together, and what the polymorphic
 * declarations stand for in a call (check_generic_type_consistency /
 * enforce_generic_type_consistency).
 */
public final class PolymorphicTypes {
    private final TypeCoercion coercion;

    public PolymorphicTypes(TypeCoercion coercion) {
        this.coercion = coercion;
    }

    /** The types the polymorphic declarations stand for in one call. */
    public record Binding(long element, long compatible, long range, long multirange, long compatibleRange) {}

    public boolean consistent(long[] actual, long[] declared) {
        try {
            return bind(actual, declared, false) != null;
        } catch (PgException e) {
            return false;
        }
    }

    /**
     * Binds the polymorphic declarations; null when the actual types do not fit together.
     *
     * @param requireResolved throw when a needed type stays unknown (at call time), rather than
     *                        accept it (when only choosing candidates)
     */
    public Binding bind(long[] actual, long[] declared, boolean requireResolved) {
        long element = 0;
        long array = 0;
        boolean nonArray = false;
        boolean isEnum = false;
        List<Long> compatible = new ArrayList<>();
        boolean compatibleNonArray = false;
        boolean sawCompatible = false;
        long range = 0;
        long multirange = 0;
        long compatibleRange = 0;
        for (int i = 0; i < declared.length; i++) {
            long d = declared[i];
            long a = actual[i];
            if (d == TypeOids.ANYELEMENT || d == TypeOids.ANYNONARRAY || d == TypeOids.ANYENUM) {
                nonArray |= d == TypeOids.ANYNONARRAY;
                isEnum |= d == TypeOids.ANYENUM;
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                if (element != 0 && a != element) {
                    return null;
                }
                element = a;
            } else if (d == TypeOids.ANYARRAY) {
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                a = coercion.baseType(a);
                if (array != 0 && a != array) {
                    return null;
                }
                array = a;
            } else if (d == TypeOids.ANYRANGE) {
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                a = coercion.baseType(a);
                if (coercion.types().rangeSubtype(a) == 0 || range != 0 && a != range) {
                    return null;
                }
                range = a;
            } else if (d == TypeOids.ANYMULTIRANGE) {
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                a = coercion.baseType(a);
                if (coercion.types().multirangeRange(a) == 0 || multirange != 0 && a != multirange) {
                    return null;
                }
                multirange = a;
            } else if (d == TypeOids.ANYCOMPATIBLERANGE || d == TypeOids.ANYCOMPATIBLEMULTIRANGE) {
                sawCompatible = true;
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                a = coercion.baseType(a);
                long r = d == TypeOids.ANYCOMPATIBLERANGE ? a : coercion.types().multirangeRange(a);
                long sub = coercion.types().rangeSubtype(r);
                if (sub == 0 || compatibleRange != 0 && r != compatibleRange) {
                    return null;
                }
                compatibleRange = r;
                compatible.add(sub);
            } else if (d == TypeOids.ANYCOMPATIBLE || d == TypeOids.ANYCOMPATIBLENONARRAY) {
                sawCompatible = true;
                compatibleNonArray |= d == TypeOids.ANYCOMPATIBLENONARRAY;
                if (a != TypeOids.UNKNOWN) {
                    compatible.add(a);
                }
            } else if (d == TypeOids.ANYCOMPATIBLEARRAY) {
                sawCompatible = true;
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                long e = coercion.elementType(a);
                if (e == 0) {
                    return null;
                }
                compatible.add(e);
            }
        }
        if (multirange != 0) {
            long r = coercion.types().multirangeRange(multirange);
            if (range != 0 && range != r) {
                return null;
            }
            range = r;
        }
        if (range != 0) {
            long sub = coercion.types().rangeSubtype(range);
            if (element != 0 && element != sub) {
                return null;
            }
            element = sub;
        }
        if (array != 0) {
            long arrayElement = coercion.elementType(array);
            if (arrayElement == 0) {
                return null;
            }
            if (element == 0) {
                element = arrayElement;
            } else if (element != arrayElement) {
                return null;
            }
        }
        if (element != 0) {
            if (nonArray && coercion.isArray(element)) {
                return null;
            }
            if (isEnum && coercion.types().type(coercion.baseType(element))
                    .map(t -> t.kind() != TypeEntry.KIND_ENUM).orElse(true)) {
                return null;
            }
        } else if (requireResolved && (nonArray || isEnum || array == 0) && hasFamilyOne(declared)) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH,
                    "could not determine polymorphic type because input has type unknown");
        }
        long common = 0;
        if (sawCompatible) {
            if (compatible.isEmpty()) {
                common = requireResolved ? TypeOids.TEXT : 0;
            } else {
                common = new CommonType(coercion).select(compatible, null);
                if (common == 0) {
                    return null;
                }
                for (long t : compatible) {
                    if (!coercion.canCoerce(t, common, TypeCoercion.Context.IMPLICIT)) {
                        return null;
                    }
                }
                if (compatibleNonArray && coercion.isArray(common)) {
                    return null;
                }
            }
        }
        return new Binding(element, common, range, multirange, compatibleRange);
    }

    private static boolean hasFamilyOne(long[] declared) {
        for (long d : declared) {
            if (d == TypeOids.ANYELEMENT || d == TypeOids.ANYNONARRAY || d == TypeOids.ANYENUM
                    || d == TypeOids.ANYARRAY) {
                return true;
            }
        }
        return false;
    }

    /** What a declared (possibly polymorphic) type stands for under a binding. */
    public long substitute(long declared, Binding binding) {
        if (declared == TypeOids.ANYELEMENT || declared == TypeOids.ANYNONARRAY || declared == TypeOids.ANYENUM) {
            return binding.element();
        }
        if (declared == TypeOids.ANYARRAY) {
            long array = coercion.arrayTypeOf(binding.element());
            if (array == 0) {
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "could not find array type for data type %s",
                        TypeNames.format(coercion.types(), binding.element()));
            }
            return array;
        }
        if (declared == TypeOids.ANYCOMPATIBLE || declared == TypeOids.ANYCOMPATIBLENONARRAY) {
            return binding.compatible();
        }
        if (declared == TypeOids.ANYCOMPATIBLEARRAY) {
            return coercion.arrayTypeOf(binding.compatible());
        }
        if (declared == TypeOids.ANYRANGE) {
            return binding.range();
        }
        if (declared == TypeOids.ANYMULTIRANGE) {
            // from an anyrange argument: the multirange type made with that range type (range_agg)
            return binding.multirange() != 0 || binding.range() == 0 ? binding.multirange()
                    : org.lakepg.server.catalog.types.RangeTypes.multirangeOf(binding.range());
        }
        if (declared == TypeOids.ANYCOMPATIBLERANGE) {
            return binding.compatibleRange();
        }
        return declared;
    }
}
