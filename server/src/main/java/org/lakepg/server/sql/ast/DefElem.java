package org.lakepg.server.sql.ast;

/**
 * A generic name = value option; {@code arg} is null, an Expr, a TypeName, a String, a List or a RoleSpec
 * depending on the option.
 */
public record DefElem(String defnamespace, String defname, Object arg, Action defaction, int location) {
    public enum Action { UNSPEC, SET, ADD, DROP }
}
