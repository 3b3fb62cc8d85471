package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * acldefault(objtype "char", owner oid): the aclitem[] an object of a kind has while its ACL is NULL, as PostgreSQL's
 * acldefault builds it (the owner's full privileges, plus PUBLIC's for kinds that grant PUBLIC some by default).
 * pg_dump compares every object's ACL with this to print only the GRANT/REVOKEs that differ.
 */
final class AclDefaultFunction {
    private static final int ACLITEM = 1033;

    private AclDefaultFunction() {}

    static void register(FunctionRegistry r) {
        r.register("acldefault_sql", (x, c) -> PgArray.of(ACLITEM,
                acldefault(kind(x[0]), CatalogFunctions.oid(x[1]), c).toArray()));
    }

    /** A "char" argument arrives as its one byte. */
    private static char kind(Object value) {
        return (char) (((Byte) value) & 0xff);
    }

    static List<String> acldefault(char kind, long owner, FunctionContext c) {
        String name = c.catalogView().roleName(owner).orElse(Long.toString(owner));
        String ownerItem = name + "=%s/" + name;
        String publicItem = "=%s/" + name;
        return switch (kind) {
            case 'c' -> List.of(); // columns: privileges come from the table's ACL
            case 'r' -> List.of(ownerItem.formatted("arwdDxt"));
            case 's' -> List.of(ownerItem.formatted("rwU"));
            case 'd' -> List.of(publicItem.formatted("Tc"), ownerItem.formatted("CTc"));
            case 'f' -> List.of(publicItem.formatted("X"), ownerItem.formatted("X"));
            case 'l', 'T' -> List.of(publicItem.formatted("U"), ownerItem.formatted("U"));
            case 'L' -> List.of(ownerItem.formatted("rw"));
            case 'n' -> List.of(ownerItem.formatted("UC"));
            case 't' -> List.of(ownerItem.formatted("C"));
            case 'F', 'S' -> List.of(ownerItem.formatted("U"));
            case 'p' -> List.of(ownerItem.formatted("sA"));
            default -> throw PgException.of(SqlState.INTERNAL_ERROR, "unrecognized objtype abbreviation: %s",
                    kind == '\0' ? "" : String.valueOf(kind));
        };
    }
}
