package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * select_common_type: the type that UNION, CASE, COALESCE, VALUES, ARRAY[...] and the
 * anycompatible family resolve several inputs to, by PostgreSQL's category and preference rules.
 */
public final class CommonType {
    private final TypeCoercion coercion;

    public CommonType(TypeCoercion coercion) {
        this.coercion = coercion;
    }

    /**
     * @param what the construct for the error message ("UNION", "CASE", ...), or null to return
     *             0 instead of throwing when the types cannot be matched
     */
    public long select(List<Long> inputs, String what) {
        long first = inputs.get(0);
        if (first != TypeOids.UNKNOWN && inputs.stream().allMatch(t -> t == first)) {
            return first;
        }
        long ptype = coercion.baseType(first);
        char pcategory = coercion.category(ptype);
        boolean preferred = coercion.isPreferred(ptype);
        for (int i = 1; i < inputs.size(); i++) {
            long ntype = coercion.baseType(inputs.get(i));
            if (ntype == TypeOids.UNKNOWN || ntype == ptype) {
                continue;
            }
            char ncategory = coercion.category(ntype);
            if (ptype == TypeOids.UNKNOWN) {
                ptype = ntype;
                pcategory = ncategory;
                preferred = coercion.isPreferred(ntype);
            } else if (ncategory != pcategory) {
                if (what == null) {
                    return 0;
                }
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "%s types %s and %s cannot be matched", what,
                        TypeNames.format(coercion.types(), ptype), TypeNames.format(coercion.types(), ntype));
            } else if (!preferred
                    && coercion.canCoerce(ptype, ntype, TypeCoercion.Context.IMPLICIT)
                    && !coercion.canCoerce(ntype, ptype, TypeCoercion.Context.IMPLICIT)) {
                ptype = ntype;
                pcategory = ncategory;
                preferred = coercion.isPreferred(ntype);
            }
        }
        return ptype == TypeOids.UNKNOWN ? TypeOids.TEXT : ptype;
    }
}
