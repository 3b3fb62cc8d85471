package org.lakepg.server.catalog.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.catalog.AggregateEntry;
import org.lakepg.server.catalog.CastEntry;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeEntry;

/**
 * PostgreSQL 15's built-in catalog rows (types, functions, operators, casts, aggregates) as
 * recorded from a real server by {@code scripts/gen-bootstrap-catalog.sh}. Immutable and shared by
 * every database; the catalog of a database starts from these rows.
 */
public final class BuiltinCatalog implements TypeCatalog {

    public static final long PG_CATALOG_NAMESPACE = 11;
    public static final long BTREE_AM = 403;

    private static volatile BuiltinCatalog instance;

    private final Map<Long, TypeEntry> typesByOid = new LinkedHashMap<>();
    private final Map<String, TypeEntry> typesByName = new HashMap<>();
    private final Map<String, TypeEntry> otherTypesByName = new HashMap<>();
    private final Map<Long, ProcEntry> procsByOid = new LinkedHashMap<>();
    private final Map<String, List<ProcEntry>> procsByName = new HashMap<>();
    private final Map<Long, OperatorEntry> operatorsByOid = new LinkedHashMap<>();
    private final Map<String, List<OperatorEntry>> operatorsByName = new HashMap<>();
    private final Map<Long, CastEntry> castsByPair = new HashMap<>();
    private final List<CastEntry> casts = new ArrayList<>();
    private final Map<Long, AggregateEntry> aggregates = new HashMap<>();
    private final Map<Long, Long> rangeSubtypes = new HashMap<>();
    /** Default btree operator family by input type. */
    private final Map<Long, Long> btreeFamilies = new HashMap<>();
    /** amproc by (family, left type, right type, support number). */
    private final Map<String, Long> supportProcs = new HashMap<>();
    private final Map<Long, Long> multirangeRanges = new HashMap<>();

    public static BuiltinCatalog get() {
        BuiltinCatalog c = instance;
        if (c == null) {
            synchronized (BuiltinCatalog.class) {
                c = instance;
                if (c == null) {
                    c = new BuiltinCatalog();
                    instance = c;
                }
            }
        }
        return c;
    }

    private BuiltinCatalog() {
        for (CsvTable.Row r : CsvTable.load("pg_type").asRows()) {
            TypeEntry t = new TypeEntry(r.getOid("oid"), r.get("typname"), r.getOid("typnamespace"),
                    Short.parseShort(r.get("typlen")), r.getBool("typbyval"), r.getChar("typtype"),
                    r.getChar("typcategory"), r.getBool("typispreferred"), r.getChar("typdelim"),
                    r.getOid("typrelid"), r.getOid("typsubscript"), r.getOid("typelem"), r.getOid("typarray"),
                    r.getOid("typinput"), r.getOid("typoutput"), r.getOid("typreceive"), r.getOid("typsend"),
                    r.getOid("typmodin"), r.getOid("typmodout"), r.getChar("typalign"), r.getChar("typstorage"),
                    r.getBool("typnotnull"), r.getOid("typbasetype"), r.getInt("typtypmod"), r.getInt("typndims"),
                    r.getOid("typcollation"));
            typesByOid.put(t.oid(), t);
            if (t.namespace() == PG_CATALOG_NAMESPACE) {
                typesByName.putIfAbsent(t.name(), t);
            } else {
                otherTypesByName.put(t.namespace() + "." + t.name(), t); // information_schema's
            }
        }
        List<CsvTable.Row> procRows = new ArrayList<>(CsvTable.load("pg_proc").asRows());
        procRows.addAll(CsvTable.load("lakepg_proc").asRows()); // lakepg's own functions (branches), OIDs 8900-8999
        for (CsvTable.Row r : procRows) {
            ProcEntry p = new ProcEntry(r.getOid("oid"), r.get("proname"), r.getOid("pronamespace"),
                    r.getOid("prolang"), Float.parseFloat(r.get("procost")), Float.parseFloat(r.get("prorows")),
                    r.getOid("provariadic"), r.getChar("prokind"), r.getBool("prosecdef"),
                    r.getBool("proleakproof"), r.getBool("proisstrict"), r.getBool("proretset"),
                    r.getChar("provolatile"), r.getChar("proparallel"), r.getInt("pronargdefaults"),
                    r.getOid("prorettype"), oidVector(r.get("proargtypes")), oidArray(r.get("proallargtypes")),
                    charArray(r.get("proargmodes")), textArray(r.get("proargnames")), r.get("proargdefaults"),
                    r.get("prosrc"), r.get("prosqlbody"), r.get("prodefaults_sql") == null ? List.of()
                            : List.of(r.get("prodefaults_sql").split("\u001f", -1)));
            procsByOid.put(p.oid(), p);
            procsByName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
        }
        for (CsvTable.Row r : CsvTable.load("pg_operator").asRows()) {
            OperatorEntry o = new OperatorEntry(r.getOid("oid"), r.get("oprname"), r.getOid("oprnamespace"),
                    r.getChar("oprkind"), r.getBool("oprcanmerge"), r.getBool("oprcanhash"), r.getOid("oprleft"),
                    r.getOid("oprright"), r.getOid("oprresult"), r.getOid("oprcom"), r.getOid("oprnegate"),
                    r.getOid("oprcode"));
            operatorsByOid.put(o.oid(), o);
            operatorsByName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
        }
        for (CsvTable.Row r : CsvTable.load("pg_cast").asRows()) {
            CastEntry c = new CastEntry(r.getOid("oid"), r.getOid("castsource"), r.getOid("casttarget"),
                    r.getOid("castfunc"), r.getChar("castcontext"), r.getChar("castmethod"));
            casts.add(c);
            castsByPair.put(pair(c.source(), c.target()), c);
        }
        for (CsvTable.Row r : CsvTable.load("pg_aggregate").asRows()) {
            AggregateEntry a = new AggregateEntry(r.getOid("aggfnoid"), r.getChar("aggkind"),
                    r.getInt("aggnumdirectargs"), r.getOid("aggtransfn"), r.getOid("aggfinalfn"),
                    r.getOid("aggcombinefn"), r.getOid("aggserialfn"), r.getOid("aggdeserialfn"),
                    r.getBool("aggfinalextra"), r.getOid("aggsortop"), r.getOid("aggtranstype"),
                    r.get("agginitval"), null); // built-in frames are recomputed, not inverted
            aggregates.put(a.function(), a);
        }
        for (CsvTable.Row r : CsvTable.load("pg_opclass").asRows()) {
            if (r.getOid("opcmethod") == BTREE_AM && r.getBool("opcdefault")) {
                btreeFamilies.put(r.getOid("opcintype"), r.getOid("opcfamily"));
            }
        }
        for (CsvTable.Row r : CsvTable.load("pg_amproc").asRows()) {
            supportProcs.put(r.getOid("amprocfamily") + "/" + r.getOid("amproclefttype") + "/"
                    + r.getOid("amprocrighttype") + "/" + r.getInt("amprocnum"), r.getOid("amproc"));
        }
        for (CsvTable.Row r : CsvTable.load("pg_range").asRows()) {
            rangeSubtypes.put(r.getOid("rngtypid"), r.getOid("rngsubtype"));
            multirangeRanges.put(r.getOid("rngmultitypid"), r.getOid("rngtypid"));
        }
    }

    private static long pair(long source, long target) {
        return (source << 32) | target;
    }

    @Override
    public Optional<TypeEntry> type(long oid) {
        return Optional.ofNullable(typesByOid.get(oid));
    }

    @Override
    public TypeEntry requireType(long oid) {
        TypeEntry t = typesByOid.get(oid);
        if (t == null) {
            throw new IllegalArgumentException("no built-in type with OID " + oid);
        }
        return t;
    }

    /** A pg_catalog type by name. */
    public Optional<TypeEntry> typeByName(String name) {
        return Optional.ofNullable(typesByName.get(name));
    }

    /** A built-in type of another schema (information_schema's domains and view row types) by name. */
    public Optional<TypeEntry> typeByName(long namespace, String name) {
        return Optional.ofNullable(otherTypesByName.get(namespace + "." + name));
    }

    public Collection<TypeEntry> types() {
        return typesByOid.values();
    }

    public Optional<ProcEntry> proc(long oid) {
        return Optional.ofNullable(procsByOid.get(oid));
    }

    public List<ProcEntry> procsNamed(String name) {
        return procsByName.getOrDefault(name, List.of());
    }

    public Collection<ProcEntry> procs() {
        return procsByOid.values();
    }

    public Optional<OperatorEntry> operator(long oid) {
        return Optional.ofNullable(operatorsByOid.get(oid));
    }

    public List<OperatorEntry> operatorsNamed(String name) {
        return operatorsByName.getOrDefault(name, List.of());
    }

    public Collection<OperatorEntry> operators() {
        return operatorsByOid.values();
    }

    @Override
    public Optional<CastEntry> cast(long source, long target) {
        return Optional.ofNullable(castsByPair.get(pair(source, target)));
    }

    public List<CastEntry> casts() {
        return casts;
    }

    @Override
    public long rangeSubtype(long rangeType) {
        return rangeSubtypes.getOrDefault(rangeType, 0L);
    }

    @Override
    public long multirangeRange(long multirangeType) {
        return multirangeRanges.getOrDefault(multirangeType, 0L);
    }

    /** The default btree operator family for values of a type (opcintype), if it has one. */
    public Optional<Long> defaultBtreeFamily(long type) {
        return Optional.ofNullable(btreeFamilies.get(type));
    }

    /** A support function of an operator family (1 = the btree comparison function). */
    public Optional<Long> supportProc(long family, long left, long right, int number) {
        return Optional.ofNullable(supportProcs.get(family + "/" + left + "/" + right + "/" + number));
    }

    public Optional<AggregateEntry> aggregate(long function) {
        return Optional.ofNullable(aggregates.get(function));
    }

    /** oidvector text: space separated. */
    static long[] oidVector(String text) {
        if (text == null || text.isBlank()) {
            return new long[0];
        }
        return Arrays.stream(text.trim().split(" +")).mapToLong(Long::parseLong).toArray();
    }

    /** oid[] text: {1,2,3}. */
    static long[] oidArray(String text) {
        if (text == null) {
            return null;
        }
        return textArray(text).stream().mapToLong(Long::parseLong).toArray();
    }

    static char[] charArray(String text) {
        if (text == null) {
            return null;
        }
        List<String> items = textArray(text);
        char[] out = new char[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).charAt(0);
        }
        return out;
    }

    /** A one-dimensional text[] literal as PostgreSQL outputs it: {a,"b c",""}. */
    static List<String> textArray(String text) {
        if (text == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        String body = text.substring(1, text.length() - 1);
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    item.append(body.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    item.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                out.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
                any = true;
            }
        }
        if (any || !out.isEmpty()) {
            out.add(item.toString());
        }
        return out;
    }
}
