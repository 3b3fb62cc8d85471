package org.lakepg.server.session;

import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.index.gin.GinEntries;
import org.lakepg.server.index.gin.GinOpclass;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.IndexElem;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The operator class of a GIN index column (ResolveOpClass), as the column's option flag, with PostgreSQL's errors. */
final class GinOpclasses {
    private GinOpclasses() {}

    static short option(IndexElem e, long type, TypeCatalog types) {
        String name = e.opclass() == null || e.opclass().isEmpty() ? null : e.opclass().getLast();
        boolean array = GinEntries.isArray(type);
        if (name != null && !GinOpclass.known(name)) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "operator class \"%s\" does not exist for access method \"gin\"",
                    name);
        }
        GinOpclass opclass = GinOpclass.of(name, type, array);
        if (opclass == null && name == null) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT,
                    "data type %s has no default operator class for access method \"gin\"", TypeNames.format(types, type))
                    .withHint("You must specify an operator class for the index or define a default operator class for the data type.");
        }
        if (opclass == null || !opclass.accepts(type, array)) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "operator class \"%s\" does not accept data type %s", name,
                    TypeNames.format(types, type));
        }
        return opclass == GinOpclass.JSONB_PATH_OPS ? IndexInfo.JSONB_PATH_OPS : 0;
    }
}
