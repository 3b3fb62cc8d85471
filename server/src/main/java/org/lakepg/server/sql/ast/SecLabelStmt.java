package org.lakepg.server.sql.ast;

/** SECURITY LABEL (accepted by the grammar; servers may answer "not supported"). */
public record SecLabelStmt(ObjectType objtype, Object object, String provider, String label) implements Statement {}
