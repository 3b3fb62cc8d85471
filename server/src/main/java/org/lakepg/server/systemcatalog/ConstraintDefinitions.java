package org.lakepg.server.systemcatalog;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.table.TableInfo;

/** The text pg_get_constraintdef prints for a constraint row. */
public final class ConstraintDefinitions {
    private ConstraintDefinitions() {}

    /** The definition of the constraint with this OID, from the catalog's constraints or a key index. */
    public static Optional<String> of(CatalogView catalog, long oid) {
        return of(catalog, oid, false);
    }

    /** @param pretty pg_get_constraintdef(oid, true): a CHECK condition without the parentheses around it */
    public static Optional<String> of(CatalogView catalog, long oid, boolean pretty) {
        for (CatalogSources.ConstraintRow c : IndexRows.allConstraints(catalog)) {
            if (c.oid() == oid) {
                return Optional.of(c.type() == 'c' ? tableCheck(catalog, c, pretty) : definition(catalog, c));
            }
        }
        List<org.lakepg.server.catalog.types.UserType> domains =
                new java.util.ArrayList<>(org.lakepg.server.catalog.types.BuiltinDomains.ALL);
        domains.addAll(catalog.userTypes().all());
        for (org.lakepg.server.catalog.types.UserType t : domains) {
            if (t instanceof org.lakepg.server.catalog.types.UserType.Domain d) {
                for (var check : d.checks()) {
                    if (check.oid() == oid) {
                        return Optional.of(domainCheck(catalog, check.expression(), d.oid(), pretty));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A domain CHECK's definition (pg_get_constraintdef of its pg_constraint row). */
    public static String domainCheck(CatalogView catalog, String stored, long domainOid, boolean pretty) {
        return catalog.sources().deparsedCheck(stored, 0, domainOid, pretty).map(e -> "CHECK (" + e + ")")
                .orElseGet(() -> asWritten(domainValue(stored), pretty));
    }

    private static String tableCheck(CatalogView catalog, CatalogSources.ConstraintRow c, boolean pretty) {
        return catalog.sources().deparsedCheck(c.checkExpr(), c.tableOid(), 0, pretty).map(e -> "CHECK (" + e + ")")
                .orElseGet(() -> asWritten(c.checkExpr(), pretty));
    }

    /** A condition lakepg cannot deparse, as written inside PostgreSQL's parentheses. */
    private static String asWritten(String stored, boolean pretty) {
        String expr = stored.strip();
        String definition = expr.startsWith("(") && enclosesAll(expr) ? "CHECK (" + expr + ")" : "CHECK ((" + expr + "))";
        if (pretty && enclosesAll(definition.substring("CHECK (".length(), definition.length() - 1))) {
            definition = "CHECK " + definition.substring("CHECK (".length(), definition.length() - 1);
        }
        return definition;
    }

    /** A domain's condition with VALUE in capitals, as PostgreSQL prints it. */
    private static String domainValue(String stored) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < stored.length(); i++) {
            char ch = stored.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            }
            boolean word = !quoted && stored.regionMatches(true, i, "value", 0, 5)
                    && (i == 0 || !Character.isLetterOrDigit(stored.charAt(i - 1)) && stored.charAt(i - 1) != '_')
                    && (i + 5 == stored.length() || !Character.isLetterOrDigit(stored.charAt(i + 5))
                    && stored.charAt(i + 5) != '_');
            if (word) {
                out.append("VALUE");
                i += 4;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** Whether the text's first parenthesis closes at its end (outside string literals). */
    private static boolean enclosesAll(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }

    public static String definition(CatalogView catalog, CatalogSources.ConstraintRow c) {
        TableInfo table = catalog.table(c.tableOid()).orElse(null);
        return switch (c.type()) {
            case 'p' -> "PRIMARY KEY (" + columns(table, c.columns()) + ")";
            case 'u' -> "UNIQUE (" + columns(table, c.columns()) + ")";
            case 'c' -> tableCheck(catalog, c, false);
            case 'f' -> foreignKey(catalog, c, table);
            default -> "";
        };
    }

    private static String foreignKey(CatalogView catalog, CatalogSources.ConstraintRow c, TableInfo table) {
        TableInfo referenced = catalog.table(c.refTable()).orElse(null);
        StringBuilder out = new StringBuilder("FOREIGN KEY (").append(columns(table, c.columns())).append(") REFERENCES ");
        out.append(catalog.relation(c.refTable()).map(catalog::relationDisplayName).orElse("???"));
        out.append('(').append(columns(referenced, c.refColumns())).append(')');
        if (c.matchType() == 'f') {
            out.append(" MATCH FULL");
        }
        if (c.onUpdate() != 'a') {
            out.append(" ON UPDATE ").append(action(c.onUpdate()));
        }
        if (c.onDelete() != 'a') {
            out.append(" ON DELETE ").append(action(c.onDelete()));
        }
        if (c.deferrable()) {
            out.append(" DEFERRABLE");
        }
        if (c.initiallyDeferred()) {
            out.append(" INITIALLY DEFERRED");
        }
        return out.toString();
    }

    private static String action(char code) {
        return switch (code) {
            case 'r' -> "RESTRICT";
            case 'c' -> "CASCADE";
            case 'n' -> "SET NULL";
            case 'd' -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String columns(TableInfo table, List<Short> attnums) {
        StringBuilder out = new StringBuilder();
        for (short n : attnums) {
            String name = table == null || n < 1 || n > table.columns().size() ? "?" : table.columns().get(n - 1).name();
            out.append(out.isEmpty() ? "" : ", ").append(Identifiers.quoteIfNeeded(name));
        }
        return out.toString();
    }
}
