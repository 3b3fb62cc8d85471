package org.lakepg.server.plpgsql;

/** What an assignment, INTO or loop writes: a variable, or one field of a record variable. */
public record PlTarget(PlVariable variable, String field) {}
