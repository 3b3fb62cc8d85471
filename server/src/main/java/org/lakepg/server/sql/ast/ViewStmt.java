package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW. */
public record ViewStmt(
        RangeVar view,
        List<String> aliases,
        Statement query,
        boolean replace,
        List<DefElem> options,
        CheckOption withCheckOption) implements Statement {
    public enum CheckOption { NO_CHECK_OPTION, LOCAL_CHECK_OPTION, CASCADED_CHECK_OPTION }
}
