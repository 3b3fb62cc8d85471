package org.lakepg.server.sql.ast;

/** REFERENCING OLD/NEW TABLE AS name. */
public record TriggerTransition(String name, boolean isNew, boolean isTable) {}
