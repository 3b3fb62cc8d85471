package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * A column reference {@code a}, {@code t.a}, {@code s.t.a}, {@code t.*} or {@code *}; {@code star} means the
 * last field is {@code *}.
 */
public record ColumnRef(List<String> fields, boolean star, int location) implements Expr {}
