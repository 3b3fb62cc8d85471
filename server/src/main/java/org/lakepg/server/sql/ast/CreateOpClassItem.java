package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * One item of CREATE OPERATOR CLASS / ALTER OPERATOR FAMILY: OPERATOR n op [(types)] [FOR SEARCH | FOR ORDER
 * BY family], FUNCTION n [(types)] func(args), or STORAGE type; in a DROP list only the number and types.
 */
public record CreateOpClassItem(
        ItemType itemtype,
        ObjectWithArgs name,
        int number,
        List<String> orderFamily,
        List<TypeName> classArgs,
        TypeName storedtype) {
    public enum ItemType { OPERATOR, FUNCTION, STORAGE }
}
