package org.lakepg.server.sql.ast;

import java.util.List;

/** AND / OR / NOT. */
public record BoolExpr(BoolOp op, List<Expr> args, int location) implements Expr {
    public enum BoolOp { AND, OR, NOT }
}
