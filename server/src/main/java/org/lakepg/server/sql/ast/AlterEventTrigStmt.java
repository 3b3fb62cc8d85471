package org.lakepg.server.sql.ast;

/** ALTER EVENT TRIGGER name ENABLE [REPLICA | ALWAYS] / DISABLE; tgenabled as pg_event_trigger: O, R, A or D. */
public record AlterEventTrigStmt(String trigname, char tgenabled) implements Statement {
}
