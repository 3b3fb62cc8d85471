package org.lakepg.server.sql.ast;

import java.util.List;

/** SEARCH DEPTH/BREADTH FIRST BY cols SET col. */
public record CTESearchClause(
        List<String> searchColList,
        boolean searchBreadthFirst,
        String searchSeqColumn,
        int location) {}
