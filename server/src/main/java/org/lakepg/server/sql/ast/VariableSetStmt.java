package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * SET/RESET; SET TRANSACTION and SET SESSION CHARACTERISTICS are SET_MULTI with name "TRANSACTION" / "SESSION
 * CHARACTERISTICS" and DefElem args.
 */
public record VariableSetStmt(Kind kind, String name, List<Object> args, boolean isLocal) implements Statement {
    public enum Kind { SET_VALUE, SET_DEFAULT, SET_CURRENT, SET_MULTI, RESET, RESET_ALL }
}
