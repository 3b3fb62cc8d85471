package org.lakepg.server.plpgsql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.lakepg.wire.error.SqlState;

/** PL/pgSQL's condition names (plerrcodes.h) and SQLSTATE codes, and which errors a handler's condition catches. */
final class PlConditions {
    private PlConditions() {}

    private static final Map<String, SqlState> BY_CODE = new HashMap<>();
    private static final Map<String, SqlState> BY_NAME = new HashMap<>();

    static {
        for (SqlState s : SqlState.values()) {
            BY_CODE.putIfAbsent(s.code(), s);
            BY_NAME.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
        }
        // names plerrcodes.h spells differently from errcodes.txt's macro names
        BY_NAME.put("raise_exception", SqlState.RAISE_EXCEPTION);
        BY_NAME.put("no_data_found", SqlState.NO_DATA_FOUND);
        BY_NAME.put("too_many_rows", SqlState.TOO_MANY_ROWS);
        BY_NAME.put("assert_failure", SqlState.ASSERT_FAILURE);
    }

    /** The SQLSTATE of a code like '22012'; null when lakepg does not know it. */
    static SqlState byCode(String code) {
        return BY_CODE.get(code.toUpperCase(Locale.ROOT));
    }

    /** The SQLSTATE of a condition name like division_by_zero; null when unknown. */
    static SqlState byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** A condition as written in a handler or RAISE: a name, or "sqlstate:xxxxx". */
    static SqlState of(String condition) {
        if (condition.startsWith("sqlstate:")) {
            return byCode(condition.substring("sqlstate:".length()));
        }
        return byName(condition);
    }

    /** Whether a handler's condition catches an error: OTHERS all but cancel and assert, a class code its class. */
    static boolean catches(String condition, String errorCode) {
        if (condition.equals("others")) {
            return !errorCode.equals("57014") && !errorCode.equals("P0004");
        }
        String code;
        if (condition.startsWith("sqlstate:")) {
            code = condition.substring("sqlstate:".length()).toUpperCase(Locale.ROOT);
        } else {
            SqlState s = byName(condition);
            if (s == null) {
                throw org.lakepg.wire.error.PgException.of(SqlState.UNDEFINED_OBJECT, "unrecognized exception condition \"%s\"",
                        condition);
            }
            code = s.code();
        }
        if (code.endsWith("000") && !code.equals("00000")) {
            return errorCode.startsWith(code.substring(0, 2));
        }
        return code.equals(errorCode);
    }
}
