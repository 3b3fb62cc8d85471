package org.lakepg.server.plpgsql;

import java.util.List;

/** A bound cursor's declaration: its query and the parameters the query may name (set by OPEN's arguments). */
record PlCursorDefinition(List<PlVariable> parameters, PlSql query) {}
