package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER PUBLICATION name ADD/SET/DROP objects, or SET (options) (action SET with options and no objects). */
public record AlterPublicationStmt(
        String pubname,
        List<DefElem> options,
        List<PublicationObjSpec> pubobjects,
        Action action) implements Statement {
    public enum Action { ADD, SET, DROP }
}
