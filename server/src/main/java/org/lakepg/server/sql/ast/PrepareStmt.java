package org.lakepg.server.sql.ast;

import java.util.List;

/** PREPARE name [(types)] AS statement. */
public record PrepareStmt(String name, List<TypeName> argtypes, Statement query) implements Statement {}
