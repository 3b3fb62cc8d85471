package org.lakepg.server.sql.ast;

import java.util.List;

/** REINDEX [(options)] INDEX/TABLE/SCHEMA/SYSTEM/DATABASE [CONCURRENTLY] name. */
public record ReindexStmt(ObjectType kind, RangeVar relation, String name, List<DefElem> params) implements Statement {}
