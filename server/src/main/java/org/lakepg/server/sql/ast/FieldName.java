package org.lakepg.server.sql.ast;

/** {@code .name}. */
public record FieldName(String name) implements Indirection {}
