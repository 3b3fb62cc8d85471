package org.lakepg.server.sql.ast;

/** {@code CAST(x AS t)}, {@code x::t} or a typed literal {@code t 'text'}. */
public record TypeCast(Expr arg, TypeName typeName, int location) implements Expr {}
