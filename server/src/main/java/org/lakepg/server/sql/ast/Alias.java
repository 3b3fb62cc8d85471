package org.lakepg.server.sql.ast;

import java.util.List;

/** A table alias with optional column aliases. */
public record Alias(String aliasname, List<String> colnames) {}
