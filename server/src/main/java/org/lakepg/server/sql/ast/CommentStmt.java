package org.lakepg.server.sql.ast;

/** COMMENT ON object IS 'text' / NULL. */
public record CommentStmt(ObjectType objtype, Object object, String comment) implements Statement {}
