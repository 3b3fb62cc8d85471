package org.lakepg.server.sql.ast;

/** A relation name; {@code inh} is false for ONLY; relpersistence 'p', 'u' (UNLOGGED) or 't' (TEMP). */
public record RangeVar(
        String catalogname,
        String schemaname,
        String relname,
        boolean inh,
        char relpersistence,
        Alias alias,
        int location) implements FromItem {}
