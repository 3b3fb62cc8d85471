package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE SUBSCRIPTION name CONNECTION 'conninfo' PUBLICATION names [WITH (options)]. */
public record CreateSubscriptionStmt(
        String subname,
        String conninfo,
        List<String> publication,
        List<DefElem> options) implements Statement {
}
