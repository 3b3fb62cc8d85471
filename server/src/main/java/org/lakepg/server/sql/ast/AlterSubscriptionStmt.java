package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER SUBSCRIPTION in its forms: CONNECTION, SET/ADD/DROP PUBLICATION, REFRESH, ENABLE/DISABLE, SET (...), SKIP (...). */
public record AlterSubscriptionStmt(
        Kind kind,
        String subname,
        String conninfo,
        List<String> publication,
        List<DefElem> options) implements Statement {
    public enum Kind { OPTIONS, CONNECTION, SET_PUBLICATION, ADD_PUBLICATION, DROP_PUBLICATION, REFRESH, ENABLED, SKIP }
}
