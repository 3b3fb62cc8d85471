package org.lakepg.server.sql.ast;

import java.util.List;

/** A function, aggregate or operator named with its argument types (args null when omitted). */
public record ObjectWithArgs(List<String> objname, List<TypeName> objargs, boolean argsUnspecified) {}
