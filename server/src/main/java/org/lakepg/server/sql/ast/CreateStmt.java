package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE TABLE (also typed tables, partitions and inheritance children). */
public record CreateStmt(
        RangeVar relation,
        List<TableElement> tableElts,
        List<RangeVar> inhRelations,
        PartitionBoundSpec partbound,
        PartitionSpec partspec,
        TypeName ofTypename,
        List<DefElem> options,
        OnCommitAction oncommit,
        String tablespacename,
        String accessMethod,
        boolean ifNotExists) implements Statement {}
