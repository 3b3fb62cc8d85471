package org.lakepg.server.sql.ast;

import java.util.List;

/** One object of a publication: a table (with columns and a row filter) or the tables of a schema. */
public record PublicationObjSpec(
        Type pubobjtype,
        String name,
        RangeVar relation,
        List<String> columns,
        Expr whereClause,
        int location) {
    public enum Type { TABLE, TABLES_IN_SCHEMA, TABLES_IN_CUR_SCHEMA }
}
