package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.catalog.bootstrap.CsvTable;

/**
 * Every relation of pg_catalog and information_schema with PostgreSQL 15's OIDs and columns
 * (recorded from a real server into {@code system_relations.csv}). A relation whose rows lakepg
 * does not compute yet is empty: its objects do not exist in lakepg.
 */
public final class SystemRelations {
    private SystemRelations() {}

    private static final Map<String, SystemRelation> BY_NAME = new LinkedHashMap<>();
    private static final Map<Long, SystemRelation> BY_OID = new HashMap<>();

    static {
        Map<String, RowSource> sources = new HashMap<>();
        NamespaceRows.register(sources);
        ClassRows.register(sources);
        AttributeRows.register(sources);
        IndexRows.register(sources);
        BuiltinObjectRows.register(sources);
        TextSearchCatalogRows.register(sources);
        ServerRows.register(sources);
        InformationSchemaRows.register(sources);
        StatisticsRows.register(sources);
        ColumnStatisticsRows.register(sources);
        ObjectRows.register(sources);
        SessionStatementRows.register(sources);
        UserTypeRows.register(sources);
        InheritsRows.register(sources);
        TriggerDefinitions.register(sources);
        RuleRows.register(sources);
        PolicyRows.register(sources);
        EventTriggerRows.register(sources);
        LargeObjectRows.register(sources);
        load(sources);
    }

    private static void load(Map<String, RowSource> sources) {
        Map<String, List<SystemColumn>> columns = new LinkedHashMap<>();
        Map<String, CsvTable.Row> first = new LinkedHashMap<>();
        for (CsvTable.Row r : CsvTable.load("system_relations").asRows()) {
            String key = r.get("nspname") + "." + r.get("relname");
            first.putIfAbsent(key, r);
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(new SystemColumn(r.get("attname"),
                    Short.parseShort(r.get("attnum")), r.getOid("atttypid"), r.getInt("atttypmod"),
                    r.getBool("attnotnull"), Short.parseShort(r.get("attlen")), r.getChar("attalign"),
                    r.getChar("attstorage"), r.getBool("attbyval"), r.getOid("attcollation")));
        }
        for (var e : first.entrySet()) {
            CsvTable.Row r = e.getValue();
            long namespace = r.get("nspname").equals("pg_catalog") ? CatalogView.PG_CATALOG
                    : CatalogView.INFORMATION_SCHEMA;
            SystemRelation relation = new SystemRelation(r.getOid("oid"), namespace, r.get("nspname"),
                    r.get("relname"), r.getChar("relkind"), r.getOid("reltype"), r.getBool("relisshared"),
                    columns.get(e.getKey()), sources.getOrDefault(e.getKey(), RowSource.EMPTY));
            BY_NAME.put(e.getKey(), relation);
            BY_OID.put(relation.oid(), relation);
        }
        for (String key : sources.keySet()) {
            if (!BY_NAME.containsKey(key)) {
                throw new IllegalStateException("row source for unknown system relation " + key);
            }
        }
    }

    public static Collection<SystemRelation> all() {
        return BY_NAME.values();
    }

    public static Optional<SystemRelation> byOid(long oid) {
        return Optional.ofNullable(BY_OID.get(oid));
    }

    public static Optional<SystemRelation> find(String schema, String name) {
        return Optional.ofNullable(BY_NAME.get(schema + "." + name));
    }

    /**
     * A system relation a FROM name means: {@code pg_catalog.x} and {@code information_schema.x}
     * qualified, and unqualified names of pg_catalog, which is searched before the search path.
     */
    public static Optional<SystemRelation> find(List<String> qualifiedName) {
        if (qualifiedName.size() == 1) {
            return find("pg_catalog", qualifiedName.get(0));
        }
        if (qualifiedName.size() == 2) {
            return find(qualifiedName.get(0), qualifiedName.get(1));
        }
        return Optional.empty();
    }
}
