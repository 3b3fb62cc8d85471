package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE OPERATOR CLASS name [DEFAULT] FOR TYPE t USING am [FAMILY f] AS items. */
public record CreateOpClassStmt(
        List<String> opclassname,
        List<String> opfamilyname,
        String amname,
        TypeName datatype,
        List<CreateOpClassItem> items,
        boolean isDefault) implements Statement {
}
