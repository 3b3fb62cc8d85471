package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Text input and output of the reg* types (regclass, regtype, regproc ...): an OID printed as
 * the object's name and read back from one, as PostgreSQL's regclassin/regclassout and friends.
 */
public final class RegTypes {
    private RegTypes() {}

    public static String output(long type, long oid, CatalogView catalog) {
        if (oid == 0) {
            return "-";
        }
        Optional<String> name = switch ((int) type) {
            case 2205 -> catalog.relation(oid).map(catalog::relationDisplayName);
            case 2206 -> catalog.types().type(oid).map(t -> TypeNames.format(catalog.types(), oid));
            case 24 -> catalog.function(oid).map(p -> Identifiers.quoteIfNeeded(p.name()));
            case 2202 -> catalog.function(oid).map(p -> procedureSignature(catalog, p));
            case 2203 -> catalog.builtins().operator(oid).map(OperatorEntry::name);
            case 2204 -> catalog.builtins().operator(oid).map(o -> operatorSignature(catalog, o));
            case 4089 -> catalog.namespaceName(oid).map(Identifiers::quoteIfNeeded);
            case 4096 -> catalog.roleName(oid).map(Identifiers::quoteIfNeeded);
            case 4191 -> BuiltinObjectRows.collationName(oid).map(n -> '"' + n + '"');
            case 3734 -> Optional.ofNullable(org.lakepg.server.textsearch.Configuration.byOid(oid))
                    .map(org.lakepg.server.textsearch.Configuration::configName);
            case 3769 -> Optional.ofNullable(org.lakepg.server.textsearch.Dictionary.byOid(oid))
                    .map(org.lakepg.server.textsearch.Dictionary::dictName);
            default -> Optional.empty();
        };
        return name.orElse(Long.toString(oid));
    }

    public static long input(long type, String text, CatalogView catalog) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(t);
        }
        if (t.equals("-")) {
            return 0;
        }
        return switch ((int) type) {
            case 2205 -> catalog.relation(checkSchema(QualifiedNames.parse(t), catalog)).map(CatalogView.RelationName::oid)
                    .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", t));
            case 2206 -> TypeStrings.resolve(t, catalog);
            case 24 -> regproc(t, catalog);
            case 2202 -> regprocedure(t, catalog);
            case 2203 -> regoper(t, catalog);
            case 2204 -> regoperator(t, catalog);
            case 4089 -> {
                List<String> names = QualifiedNames.parse(t);
                if (names.size() != 1) {
                    throw PgException.of(SqlState.INVALID_NAME, "invalid name syntax");
                }
                yield catalog.namespaceOid(names.get(0)).orElseThrow(() -> PgException.of(
                        SqlState.UNDEFINED_SCHEMA, "schema \"%s\" does not exist", names.get(0)));
            }
            case 4096 -> {
                List<String> names = QualifiedNames.parse(t);
                if (names.size() != 1) {
                    throw PgException.of(SqlState.INVALID_NAME, "invalid name syntax");
                }
                yield catalog.role(names.get(0)).map(CatalogSources.RoleInfo::oid).orElseThrow(() -> PgException.of(
                        SqlState.UNDEFINED_OBJECT, "role \"%s\" does not exist", names.get(0)));
            }
            case 4191 -> {
                List<String> names = checkSchema(QualifiedNames.parse(t), catalog);
                if (names.size() > 1 && !names.get(names.size() - 2).equals("pg_catalog")) {
                    throw PgException.of(SqlState.UNDEFINED_OBJECT,
                            "collation \"%s\" for encoding \"UTF8\" does not exist", t);
                }
                yield BuiltinObjectRows.collationOid(names.get(names.size() - 1)).orElseThrow(() -> PgException.of(
                        SqlState.UNDEFINED_OBJECT, "collation \"%s\" for encoding \"UTF8\" does not exist", t));
            }
            case 3734 -> {
                var config = org.lakepg.server.textsearch.Configuration.byName(t);
                if (config != null) {
                    yield config.oid();
                }
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search configuration \"%s\" does not exist", t);
            }
            case 3769 -> {
                var names = checkSchema(QualifiedNames.parse(t), catalog);
                var dict = org.lakepg.server.textsearch.Dictionary.byName(names.get(names.size() - 1));
                if (dict != null && (names.size() == 1 || names.get(names.size() - 2).equals("pg_catalog"))) {
                    yield dict.oid();
                }
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search dictionary \"%s\" does not exist", t);
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "input of type %d is not supported yet",
                    type);
        };
    }

    /** A qualified name's schema must exist (3F000), as PostgreSQL checks before looking for the object. */
    static List<String> checkSchema(List<String> names, CatalogView catalog) {
        if (names.size() > 1) {
            String schema = names.get(names.size() - 2);
            if (catalog.namespaceOid(schema).isEmpty()) {
                throw PgException.of(SqlState.UNDEFINED_SCHEMA, "schema \"%s\" does not exist", schema);
            }
        }
        return names;
    }

    private static List<ProcEntry> functionsNamed(List<String> names, CatalogView catalog) {
        checkSchema(names, catalog);
        String name = names.get(names.size() - 1);
        List<ProcEntry> out = new ArrayList<>();
        // user functions of the named schema, or of the search path's schemas nearest first
        List<Long> schemas = names.size() > 1 ? catalog.namespaceOid(names.get(names.size() - 2)).map(List::of)
                .orElse(List.of()) : catalog.effectiveSearchPath(true).stream()
                .flatMap(n -> catalog.namespaceOid(n).stream()).toList();
        for (long schema : schemas) {
            out.addAll(catalog.builtins().procsNamed(name).stream().filter(p -> p.namespace() == schema).toList());
            for (ProcEntry p : catalog.sources().userFunctions()) {
                if (p.namespace() == schema && p.name().equals(name)) {
                    out.add(p);
                }
            }
            if (!out.isEmpty() && names.size() == 1) {
                break; // the nearest schema with a function of that name hides the later ones
            }
        }
        return out;
    }

    private static long regproc(String text, CatalogView catalog) {
        List<ProcEntry> found = functionsNamed(QualifiedNames.parse(text), catalog);
        if (found.isEmpty()) {
            throw PgException.of(SqlState.UNDEFINED_FUNCTION, "function \"%s\" does not exist", text);
        }
        if (found.size() > 1) {
            throw PgException.of(SqlState.AMBIGUOUS_FUNCTION, "more than one function named \"%s\"", text);
        }
        return found.get(0).oid();
    }

    private static long regprocedure(String text, CatalogView catalog) {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "expected a left parenthesis");
        }
        List<String> names = QualifiedNames.parse(text.substring(0, open));
        List<Long> args = new ArrayList<>();
        String inside = text.substring(open + 1, text.length() - 1).trim();
        if (!inside.isEmpty()) {
            for (String a : splitArguments(inside)) {
                args.add(TypeStrings.resolve(a.trim(), catalog));
            }
        }
        for (ProcEntry p : functionsNamed(names, catalog)) {
            if (p.argumentCount() == args.size()) {
                boolean same = true;
                for (int i = 0; i < args.size() && same; i++) {
                    same = p.argumentTypes()[i] == args.get(i);
                }
                if (same) {
                    return p.oid();
                }
            }
        }
        throw PgException.of(SqlState.UNDEFINED_FUNCTION, "function \"%s\" does not exist", text);
    }

    /** An operator name, possibly schema-qualified ("pg_catalog.||/"); operators never contain a dot. */
    private static List<OperatorEntry> operatorsNamed(String text, CatalogView catalog) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return catalog.builtins().operatorsNamed(text);
        }
        List<String> schema = QualifiedNames.parse(text.substring(0, dot));
        checkSchema(List.of(schema.get(0), "x"), catalog);
        return schema.get(0).equals("pg_catalog") ? catalog.builtins().operatorsNamed(text.substring(dot + 1))
                : List.of();
    }

    private static long regoperator(String text, CatalogView catalog) {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "expected a left parenthesis");
        }
        List<String> args = splitArguments(text.substring(open + 1, text.length() - 1));
        if (args.size() != 2) {
            throw PgException.of(SqlState.UNDEFINED_PARAMETER, "missing argument")
                    .withHint("Use NONE to denote the missing argument of a unary operator.");
        }
        long[] types = new long[2];
        for (int i = 0; i < 2; i++) {
            String a = args.get(i).trim();
            types[i] = a.equalsIgnoreCase("none") ? 0 : TypeStrings.resolve(a, catalog);
        }
        List<OperatorEntry> candidates;
        try {
            candidates = operatorsNamed(text.substring(0, open).trim(), catalog);
        } catch (PgException noSchema) {
            // regoperatorin reports the operator, not its schema, as missing
            candidates = List.of();
        }
        for (OperatorEntry o : candidates) {
            if (o.leftType() == types[0] && o.rightType() == types[1]) {
                return o.oid();
            }
        }
        throw PgException.of(SqlState.UNDEFINED_FUNCTION, "operator does not exist: %s", text);
    }

    private static long regoper(String text, CatalogView catalog) {
        List<OperatorEntry> found = operatorsNamed(text, catalog);
        if (found.isEmpty()) {
            throw PgException.of(SqlState.UNDEFINED_FUNCTION, "operator does not exist: %s", text);
        }
        if (found.size() > 1) {
            throw PgException.of(SqlState.AMBIGUOUS_FUNCTION, "more than one operator named %s", text);
        }
        return found.get(0).oid();
    }

    /** Splits "numeric(10,2), text" at the commas outside parentheses. */
    private static List<String> splitArguments(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** name(argtype, ...) as regprocedureout prints it. */
    static String procedureSignature(CatalogView catalog, ProcEntry p) {
        StringBuilder out = new StringBuilder(Identifiers.quoteIfNeeded(p.name())).append('(');
        for (int i = 0; i < p.argumentTypes().length; i++) {
            out.append(i == 0 ? "" : ",").append(TypeNames.format(catalog.builtins(), p.argumentTypes()[i]));
        }
        return out.append(')').toString();
    }

    private static String operatorSignature(CatalogView catalog, OperatorEntry o) {
        String left = o.leftType() == 0 ? "NONE" : TypeNames.format(catalog.builtins(), o.leftType());
        String right = o.rightType() == 0 ? "NONE" : TypeNames.format(catalog.builtins(), o.rightType());
        return o.name() + "(" + left + "," + right + ")";
    }

    /** Whether a type name given as text exists (to_regtype). */
    static Optional<TypeEntry> typeOf(long oid, CatalogView catalog) {
        return catalog.types().type(oid);
    }
}
