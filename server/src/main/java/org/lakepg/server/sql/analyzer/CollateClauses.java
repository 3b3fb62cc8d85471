package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * {@code expr COLLATE name}: the collation must exist and the type must be collatable (an
 * unknown literal becomes text). lakepg compares text byte-wise (the C collation) whatever the
 * collation, so the clause changes no value; it is checked and accepted.
 */
final class CollateClauses {
    private CollateClauses() {}

    /** Collations every PostgreSQL 15 database has whatever its locale, plus the database default. */
    private static final List<String> KNOWN = List.of("default", "C", "POSIX", "ucs_basic", "unicode", "und-x-icu",
            "C.UTF-8", "C.utf8", "en_US.utf8", "en_US");

    static BoundExpr analyze(CollateClause c, BoundExpr arg, Coercer coercer, AnalyzerCatalog catalog) {
        List<String> name = c.collname();
        String collation = name.get(name.size() - 1);
        boolean schemaOk = name.size() == 1 || name.get(name.size() - 2).equals("pg_catalog");
        if (!schemaOk || !KNOWN.contains(collation)) {
            throw Coercer.at(PgException.of(SqlState.UNDEFINED_OBJECT,
                    "collation \"%s\" for encoding \"UTF8\" does not exist", String.join(".", name)), c.location());
        }
        BoundExpr typed = arg.type() == TypeOids.UNKNOWN
                ? coercer.coerce(arg, TypeOids.TEXT, -1, TypeCoercion.Context.IMPLICIT, c.location()) : arg;
        TypeEntry type = catalog.type(typed.type()).orElse(null);
        long base = type == null ? 0 : new TypeCoercion(catalog).baseType(type.oid());
        TypeEntry baseType = catalog.type(base).orElse(type);
        if (baseType == null || baseType.collation() == 0) {
            throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH, "collations are not supported by type %s",
                    TypeNames.format(catalog, typed.type())), c.location());
        }
        return typed;
    }
}
