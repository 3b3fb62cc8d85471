package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE DOMAIN. */
public record CreateDomainStmt(
        List<String> domainname,
        TypeName typeName,
        CollateClause collClause,
        List<Constraint> constraints) implements Statement {}
