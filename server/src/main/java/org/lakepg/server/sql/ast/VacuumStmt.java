package org.lakepg.server.sql.ast;

import java.util.List;

/** VACUUM or ANALYZE (isVacuumcmd false), with options. */
public record VacuumStmt(List<DefElem> options, List<VacuumRelation> rels, boolean isVacuumcmd) implements Statement {}
