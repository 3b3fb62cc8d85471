package org.lakepg.server.sql.ast;

import java.util.List;

/** A column definition; typeName null for partitions/typed tables that only add constraints. */
public record ColumnDef(
        String colname,
        TypeName typeName,
        String compression,
        List<Constraint> constraints,
        CollateClause collClause,
        String storage,
        List<DefElem> fdwoptions,
        int location) implements TableElement {}
