package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE [OR REPLACE] [TRUSTED] [PROCEDURAL] LANGUAGE name [HANDLER h [INLINE i] [VALIDATOR v | NO VALIDATOR]]. */
public record CreatePLangStmt(
        boolean replace,
        String plname,
        List<String> plhandler,
        List<String> plinline,
        List<String> plvalidator,
        boolean pltrusted) implements Statement {
}
