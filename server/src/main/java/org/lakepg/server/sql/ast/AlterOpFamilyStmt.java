package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER OPERATOR FAMILY name USING am ADD items / DROP items. */
public record AlterOpFamilyStmt(List<String> opfamilyname, String amname, boolean isDrop, List<CreateOpClassItem> items)
        implements Statement {
}
