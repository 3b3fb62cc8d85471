package org.lakepg.server.sql.ast;

import java.util.List;

/** One privilege, optionally on columns. */
public record AccessPriv(String privName, List<String> cols) {}
