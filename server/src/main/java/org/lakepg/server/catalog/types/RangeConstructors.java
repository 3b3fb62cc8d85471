package org.lakepg.server.catalog.types;

import java.util.List;
import org.lakepg.server.catalog.ProcEntry;

/**
 * The constructor functions CREATE TYPE ... AS RANGE makes (DefineRange's makeRangeConstructors and
 * makeMultirangeConstructors): name(lower, upper), name(lower, upper, flags), multirange(), multirange(range),
 * multirange(VARIADIC range[]), with consecutive OIDs from the range's first constructor OID.
 */
public final class RangeConstructors {
    private RangeConstructors() {}

    public static final int COUNT = 5;

    public static List<ProcEntry> of(UserType.Range r) {
        long first = r.firstConstructorOid();
        long text = 25;
        return List.of(
                proc(first, r.name(), r, r.oid(), new long[] {r.subtype(), r.subtype()}, "range_constructor2", 0),
                proc(first + 1, r.name(), r, r.oid(), new long[] {r.subtype(), r.subtype(), text}, "range_constructor3", 0),
                proc(first + 2, r.multirangeName(), r, r.multirangeOid(), new long[0], "multirange_constructor0", 0),
                proc(first + 3, r.multirangeName(), r, r.multirangeOid(), new long[] {r.oid()}, "multirange_constructor1", 0),
                proc(first + 4, r.multirangeName(), r, r.multirangeOid(), new long[] {r.arrayOid()},
                        "multirange_constructor2", r.oid()));
    }

    private static ProcEntry proc(long oid, String name, UserType.Range r, long result, long[] args, String source,
                                  long variadic) {
        boolean strict = !source.startsWith("range_constructor");
        // the VARIADIC one lists its modes, as pg_proc shows it (proallargtypes {range[]}, proargmodes {v})
        return new ProcEntry(oid, name, r.namespace(), ProcEntry.LANGUAGE_INTERNAL, 1, 0, variadic,
                ProcEntry.KIND_FUNCTION, false, false, strict, false, 'i', 's', 0, result, args,
                variadic == 0 ? null : args, variadic == 0 ? null : new char[] {'v'}, null, null, source, null, List.of());
    }
}
