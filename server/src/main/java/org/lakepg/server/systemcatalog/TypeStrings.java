package org.lakepg.server.systemcatalog;

import java.util.List;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** A type named in text ('integer', 'character varying(10)', 'text[]'), read with the SQL grammar as parseTypeString does. */
final class TypeStrings {
    private TypeStrings() {}

    static long resolve(String text, CatalogView catalog) {
        TypeName name = parse(text);
        List<String> names = name.names();
        String last = names.get(names.size() - 1);
        RegTypes.checkSchema(names, catalog);
        java.util.Optional<TypeEntry> user = userType(names, catalog);
        if (user.isPresent()) {
            return name.arrayBounds().isEmpty() ? user.get().oid() : user.get().arrayType();
        }
        if (names.size() > 1 && !names.get(names.size() - 2).equals("pg_catalog")) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", text);
        }
        TypeEntry type = catalog.builtins().typeByName(last).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", text));
        return name.arrayBounds().isEmpty() ? type.oid() : type.arrayType();
    }

    /** A user type by its (qualified) name: in the named schema, else the first on the search path that has it. */
    private static java.util.Optional<TypeEntry> userType(List<String> names, CatalogView catalog) {
        String last = names.get(names.size() - 1);
        List<String> schemas = names.size() > 1 ? List.of(names.get(names.size() - 2)) : catalog.effectiveSearchPath(true);
        for (String schema : schemas) {
            if (names.size() == 1 && schema.equals("pg_catalog") && catalog.builtins().typeByName(last).isPresent()) {
                return java.util.Optional.empty();
            }
            java.util.Optional<Long> namespace = catalog.namespaceOid(schema);
            if (namespace.isPresent()) {
                java.util.Optional<TypeEntry> found = catalog.userTypes().byName(namespace.get(), last);
                if (found.isEmpty()) {
                    found = catalog.builtins().typeByName(namespace.get(), last); // information_schema's
                }
                if (found.isEmpty()) {
                    found = catalog.relationRowType(namespace.get(), last);
                }
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static TypeName parse(String text) {
        List<RawStatement> statements;
        try {
            statements = SqlParser.parse("SELECT NULL::" + text);
        } catch (PgException e) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "invalid type name \"%s\"", text);
        }
        if (statements.size() == 1 && statements.get(0).statement() instanceof SelectStmt s
                && s.targetList() != null && s.targetList().size() == 1 && s.targetList().get(0).val() instanceof TypeCast c
                && (s.fromClause() == null || s.fromClause().isEmpty())) {
            return c.typeName();
        }
        throw PgException.of(SqlState.SYNTAX_ERROR, "invalid type name \"%s\"", text);
    }
}
