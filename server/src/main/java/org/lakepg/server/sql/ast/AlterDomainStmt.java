package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER DOMAIN; subtype as PostgreSQL: T default, N/O not null, C add constraint, X drop constraint, V validate. */
public record AlterDomainStmt(
        char subtype,
        List<String> typeName,
        String name,
        Object def,
        DropBehavior behavior,
        boolean missingOk) implements Statement {}
