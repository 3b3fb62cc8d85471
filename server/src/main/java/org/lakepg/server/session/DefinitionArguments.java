package org.lakepg.server.session;

import java.util.List;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The values of a CREATE AGGREGATE / CREATE OPERATOR definition list ({@code name = value}) as names and types. */
final class DefinitionArguments {
    private DefinitionArguments() {}

    /** A function name, possibly schema-qualified (sfunc = s.f, function = f). */
    static List<String> qualifiedName(DefElem d) {
        if (d.arg() instanceof TypeName t) {
            return t.names();
        }
        if (d.arg() instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        if (d.arg() == null) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "%s requires a parameter", d.defname());
        }
        return List.of(String.valueOf(d.arg()));
    }

    /** A type (stype = int8, leftarg = text). */
    static TypeName typeName(DefElem d) {
        if (d.arg() instanceof TypeName t) {
            return t;
        }
        if (d.arg() == null) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "%s requires a parameter", d.defname());
        }
        return new TypeName(List.of(String.valueOf(d.arg())), List.of(), List.of(), false, false, -1);
    }
}
