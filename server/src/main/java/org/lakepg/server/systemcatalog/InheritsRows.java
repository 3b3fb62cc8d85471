package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.PartitionBound;
import org.lakepg.server.table.PartitionKey;
import org.lakepg.server.table.TableInfo;

/** pg_inherits and pg_partitioned_table, from the table catalog's inheritance relation. */
public final class InheritsRows {
    private InheritsRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_inherits", InheritsRows::pgInherits);
        sources.put("pg_catalog.pg_partitioned_table", InheritsRows::pgPartitionedTable);
    }

    private static void pgInherits(CatalogView catalog, Rows out) {
        Inheritance inheritance = catalog.inheritance();
        for (TableInfo t : catalog.tables()) {
            List<Long> parents = inheritance.parents(t.oid());
            for (int i = 0; i < parents.size(); i++) {
                out.add().set("inhrelid", t.oid()).set("inhparent", parents.get(i)).set("inhseqno", i + 1)
                        .set("inhdetachpending", false);
            }
        }
    }

    private static void pgPartitionedTable(CatalogView catalog, Rows out) {
        Inheritance inheritance = catalog.inheritance();
        for (TableInfo t : catalog.tables()) {
            PartitionKey key = inheritance.key(t.oid()).orElse(null);
            if (key == null) {
                continue;
            }
            long defaultPartition = inheritance.children(t.oid()).stream()
                    .filter(c -> inheritance.bound(c).map(PartitionBound::isDefault).orElse(false)).findFirst().orElse(0L);
            List<Long> classes = new ArrayList<>();
            List<Long> collations = new ArrayList<>();
            for (short attnum : key.columns()) {
                if (attnum == 0) {
                    classes.add(0L);
                    collations.add(0L);
                    continue;
                }
                long type = t.columns().get(attnum - 1).type();
                classes.add(key.strategy() == 'h' ? 0L : Opclasses.defaultBtree(catalog, type));
                collations.add(ClassRows.type(catalog, type).collation());
            }
            out.add().set("partrelid", t.oid()).set("partstrat", key.strategy()).set("partnatts", key.columns().size())
                    .set("partdefid", defaultPartition).set("partattrs", key.columns()).set("partclass", classes)
                    .set("partcollation", collations);
        }
    }

    /** pg_get_partkeydef: "RANGE (a, b)". */
    public static String partitionKeyDef(CatalogView catalog, long table) {
        Inheritance inheritance = catalog.inheritance();
        PartitionKey key = inheritance.key(table).orElse(null);
        TableInfo t = catalog.table(table).orElse(null);
        if (key == null || t == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        int e = 0;
        for (short a : key.columns()) {
            columns.add(a == 0 ? key.expressions().get(e++)
                    : org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(t.columns().get(a - 1).name()));
        }
        return key.strategyName() + " (" + String.join(", ", columns) + ")";
    }

    /** pg_get_partition_constraintdef: the partition's constraint and its ancestors', as one AND list. */
    public static String partitionConstraintDef(CatalogView catalog, long table) {
        Inheritance inheritance = catalog.inheritance();
        List<String> parts = new ArrayList<>();
        for (long t = table; inheritance.isPartition(t); t = inheritance.parents(t).get(0)) {
            String own = shown(inheritance, t);
            if (own != null) {
                parts.add(0, own);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<String> inner = parts.stream().map(p -> p.startsWith("((") && p.endsWith("))") && !p.startsWith("(NOT")
                ? p.substring(1, p.length() - 1) : p).toList();
        return "(" + String.join(" AND ", inner) + ")";
    }

    private static String shown(Inheritance inheritance, long partition) {
        PartitionBound bound = inheritance.bound(partition).orElseThrow();
        if (!bound.isDefault()) {
            return bound.display();
        }
        long parent = inheritance.parents(partition).get(0);
        List<String> siblings = new ArrayList<>();
        for (long s : org.lakepg.server.sql.analyzer.PartitionOrder.children(inheritance, parent)) {
            inheritance.bound(s).filter(b -> !b.isDefault()).ifPresent(b -> siblings.add(b.display()));
        }
        if (siblings.isEmpty()) {
            return null;
        }
        boolean range = inheritance.key(parent).map(k -> k.strategy() == 'r').orElse(false);
        String hoisted = range ? defaultOfRanges(siblings) : null;
        return hoisted != null ? hoisted : "(NOT (" + String.join(" OR ", siblings) + "))";
    }

    /**
     * A range DEFAULT partition's constraint as PostgreSQL prints it: the key's IS NOT NULL tests once, then the OR
     * of the siblings' conditions without theirs (get_qual_for_range for a default partition); null when a sibling's
     * condition does not start with those tests.
     */
    private static String defaultOfRanges(List<String> siblings) {
        String nullTests = null;
        List<String> rest = new ArrayList<>();
        for (String s : siblings) {
            List<String> parts = topLevelConjuncts(s);
            int tests = 0;
            while (tests < parts.size() && parts.get(tests).endsWith(" IS NOT NULL)")) {
                tests++;
            }
            if (tests == 0 || tests == parts.size()) {
                return null;
            }
            String these = String.join(" AND ", parts.subList(0, tests));
            if (nullTests != null && !nullTests.equals(these)) {
                return null;
            }
            nullTests = these;
            List<String> remaining = parts.subList(tests, parts.size());
            rest.add(remaining.size() == 1 ? remaining.get(0) : "(" + String.join(" AND ", remaining) + ")");
        }
        String others = rest.size() == 1 ? rest.get(0) : "(" + String.join(" OR ", rest) + ")";
        return "(NOT (" + nullTests + " AND " + others + "))";
    }

    /** The AND-ed parts of "(x AND y AND z)" (each a parenthesized condition), or the whole text as one part. */
    private static List<String> topLevelConjuncts(String condition) {
        List<String> parts = new ArrayList<>();
        if (!condition.startsWith("(") || !condition.endsWith(")")) {
            return List.of(condition);
        }
        String inner = condition.substring(1, condition.length() - 1);
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth < 0) {
                    return List.of(condition); // "(a) OR (b)" style: not one parenthesized AND list
                }
            } else if (!quoted && depth == 0 && inner.startsWith(" AND ", i)) {
                parts.add(inner.substring(start, i));
                start = i + 5;
                i += 4;
            } else if (!quoted && depth == 0 && c != ' ' && i == start && c != '(') {
                return List.of(condition);
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }
}
