package org.lakepg.server.sql.ast;

import java.util.List;

/** GREATEST / LEAST. */
public record MinMaxExpr(Op op, List<Expr> args, int location) implements Expr {
    public enum Op { GREATEST, LEAST }
}
