package org.lakepg.server.sql.ast;

import java.util.List;

/** An output column ({@code expr AS name}) or an assignment target ({@code name[indirection] = val}). */
public record ResTarget(String name, List<Indirection> indirection, Expr val, int location) {}
