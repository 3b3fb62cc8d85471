package org.lakepg.server.sql.ast;

import java.util.List;

/** A table of VACUUM/ANALYZE with optional columns. */
public record VacuumRelation(RangeVar relation, List<String> vaCols) {}
