package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.catalog.objects.BuiltInAcl;
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
        String owners = BuiltInAcl.owner(kind).orElseThrow(() -> PgException.of(SqlState.INTERNAL_ERROR,
                "unrecognized objtype abbreviation: %s", kind == '\0' ? "" : String.valueOf(kind)));
        if (owners.isEmpty()) {
            return List.of(); // columns: privileges come from the table's ACL
        }
        String toPublic = BuiltInAcl.toPublic(kind);
        return toPublic.isEmpty() ? List.of(ownerItem.formatted(owners))
                : List.of(publicItem.formatted(toPublic), ownerItem.formatted(owners));
    }
}
