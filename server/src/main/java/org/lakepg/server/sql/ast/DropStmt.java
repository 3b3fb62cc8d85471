package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * DROP of any object kind; each object is a name list, or for functions/operators/casts an ObjectWithArgs /
 * TypeName pair list.
 */
public record DropStmt(
        List<Object> objects,
        ObjectType removeType,
        DropBehavior behavior,
        boolean missingOk,
        boolean concurrent) implements Statement {}
