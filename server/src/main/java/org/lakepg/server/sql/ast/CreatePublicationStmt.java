package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE PUBLICATION name [FOR ALL TABLES | FOR objects] [WITH (options)]. */
public record CreatePublicationStmt(
        String pubname,
        List<DefElem> options,
        List<PublicationObjSpec> pubobjects,
        boolean forAllTables) implements Statement {
}
