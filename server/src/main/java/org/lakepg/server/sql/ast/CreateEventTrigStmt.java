package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE EVENT TRIGGER. */
public record CreateEventTrigStmt(
        String trigname,
        String eventname,
        List<DefElem> whenclause,
        List<String> funcname) implements Statement {}
