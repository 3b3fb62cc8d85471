package org.lakepg.server.sql.ast;

/** A role: a name, CURRENT_ROLE, CURRENT_USER, SESSION_USER or PUBLIC. */
public record RoleSpec(Type roletype, String rolename, int location) {
    public enum Type { CSTRING, CURRENT_ROLE, CURRENT_USER, SESSION_USER, PUBLIC }
}
