package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The FROM items of one query level, laid side by side in the joined row: each entry's columns
 * start at its offset. Resolves column references as PostgreSQL does (unqualified names must be
 * unique across the items; qualified ones name the item by alias).
 */
final class FromScope implements Scope {

    /**
     * One FROM item as names see it. {@code hidden} columns were merged by a USING/NATURAL join: an
     * unqualified name or {@code *} means the merged column instead (qualified names still reach them).
     * {@code rowType} is the composite type of the item's whole row (a table's or view's row type; 0: an anonymous
     * record), carried here so it always matches the catalog the statement sees.
     */
    record Entry(String alias, List<OutputColumn> columns, int offset, java.util.Set<String> hidden, long tableOid,
                 long rowType, boolean tableOidColumn, boolean tidColumn, boolean namedByTable, ColumnUse use) {
        Entry(String alias, List<OutputColumn> columns, int offset, java.util.Set<String> hidden, long tableOid,
              boolean tableOidColumn, boolean tidColumn) {
            this(alias, columns, offset, hidden, tableOid, tableOid, tableOidColumn, tidColumn, false, null);
        }

        /** The entry with other hidden columns (a USING join merged them). */
        Entry hiding(java.util.Set<String> names) {
            return new Entry(alias, columns, offset, names, tableOid, rowType, tableOidColumn, tidColumn, namedByTable, use);
        }

        /** The entry with its columns at {@code newOffset} of the row. */
        Entry at(int newOffset) {
            return new Entry(alias, columns, newOffset, hidden, tableOid, rowType, tableOidColumn, tidColumn, namedByTable,
                    use);
        }

        /** Notes that the statement reads the entry's column {@code i} (when the entry is a table it names). */
        void used(int i) {
            if (use != null) {
                use.read(i + 1);
            }
        }

        Entry(String alias, List<OutputColumn> columns, int offset) {
            this(alias, columns, offset, java.util.Set.of());
        }

        Entry(String alias, List<OutputColumn> columns, int offset, java.util.Set<String> hidden) {
            this(alias, columns, offset, hidden, 0, false, false);
        }

        /**
         * The system column tableoid of a table entry (PostgreSQL's TableOidAttributeNumber): a column after the
         * entry's own ones when the rows come from several tables (an inheritance scan), else the table's OID.
         */
        Optional<BoundExpr> tableOidRef() {
            if (tableOidColumn) {
                return Optional.of(new InputRef(offset + columns.size(), org.lakepg.server.catalog.TypeOids.OID, -1,
                        alias == null ? "tableoid" : alias + ".tableoid"));
            }
            return tableOid == 0 ? Optional.empty() : Optional.of(new org.lakepg.server.sql.plan.expr.Const(
                    org.lakepg.server.catalog.TypeOids.OID, -1, tableOid));
        }

        int width() {
            return columns.size() + (tableOidColumn ? 1 : 0) + (tidColumn ? 1 : 0);
        }

        /** Where the row's tuple id sits (after tableoid, when the entry has that column), or -1. */
        int tidIndex() {
            return tidColumn ? offset + columns.size() + (tableOidColumn ? 1 : 0) : -1;
        }

        /** A system column other than tableoid (ctid, xmin, ...) of a table entry whose rows carry their tid. */
        Optional<BoundExpr> systemRef(String name) {
            if (!tidColumn || !SystemColumns.isTupleColumn(name)) {
                return Optional.empty();
            }
            BoundExpr tableOid = tableOidRef().orElseThrow();
            return Optional.of(SystemColumns.ref(name, tableOid, new InputRef(tidIndex(),
                    org.lakepg.server.catalog.TypeOids.TID, -1, alias == null ? "ctid" : alias + ".ctid")));
        }

        boolean visible(int i) {
            return !hidden.contains(columns.get(i).name());
        }
    }

    /**
     * Where the columns a statement reads of a table it names are noted, by position (PostgreSQL's selectedCols,
     * what column privileges are checked against).
     */
    @FunctionalInterface
    interface ColumnUse {
        void read(int position);
    }

    private final List<Entry> entries = new ArrayList<>();
    private int width;
    /** The enclosing query's names (for subqueries and LATERAL items), or null. */
    private final Scope outer;

    FromScope() {
        this(null);
    }

    FromScope(Scope outer) {
        this.outer = outer;
    }

    /** Names a LATERAL item sees twice, once here and once in an enclosing join's left side (refnameNamespaceItem). */
    private final java.util.Set<String> ambiguousAliases = new java.util.HashSet<>();

    /** Makes a qualified reference through any of these names an error: they name two items. */
    void markAmbiguous(java.util.Collection<String> aliases) {
        ambiguousAliases.addAll(aliases);
    }

    void add(String alias, List<OutputColumn> columns) {
        entries.add(new Entry(alias, columns, width));
        width += columns.size();
    }

    /** A FROM item whose whole row has a named composite type (a view's row type). */
    void add(String alias, List<OutputColumn> columns, long rowType) {
        entries.add(new Entry(alias, columns, width, java.util.Set.of(), 0, rowType, false, false, false, null));
        width += columns.size();
    }

    /** The columns of FROM subqueries that are a VALUES list alone (by identity; entries keep the list when copied). */
    private final java.util.Set<List<OutputColumn>> valuesLists =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** A FROM subquery that is a VALUES list alone: PostgreSQL pulls it up, its columns become column1, column2... */
    void addValues(String alias, List<OutputColumn> columns) {
        valuesLists.add(columns);
        add(alias, columns);
    }

    @Override
    public String shownName(InputRef column) {
        for (Entry e : entries) {
            int i = column.index() - e.offset();
            if (valuesLists.contains(e.columns()) && i >= 0 && i < e.columns().size()) {
                return "\"*VALUES*\".column" + (i + 1);
            }
        }
        return null;
    }

    /**
     * A table's entry, with its system column tableoid: at the end of each row when {@code tableOidColumn} (rows
     * of an inheritance tree), else the table's OID.
     */
    void addTable(String alias, List<OutputColumn> columns, long tableOid, long rowType, boolean tableOidColumn) {
        addTable(alias, columns, tableOid, rowType, tableOidColumn, false, false, null);
    }

    /**
     * @param rowType the OID of the table's row type (TableInfo.typeOid)
     * @param tidColumn the rows also carry their tuple id (after tableoid when there is that column)
     * @param namedByTable no alias was written: the item is known by the table's own name
     * @param use where references to the entry's columns are noted for privilege checks (null: nowhere)
     */
    void addTable(String alias, List<OutputColumn> columns, long tableOid, long rowType, boolean tableOidColumn,
                  boolean tidColumn, boolean namedByTable, ColumnUse use) {
        Entry e = new Entry(alias, columns, width, java.util.Set.of(), tableOid, rowType, tableOidColumn, tidColumn,
                namedByTable, use);
        entries.add(e);
        width += e.width();
    }

    /** Items inside an aliased join ({@code (a JOIN b) AS j}): still known, but only to explain errors. */
    private final java.util.Set<String> aliasedAway = new java.util.HashSet<>();

    /** Records the items of {@code inner} (and those it already hid) as hidden behind this scope's join alias. */
    void aliasAway(FromScope inner) {
        aliasedAway.addAll(inner.aliasedAway);
        // a USING (...) AS x name is no FROM item of its own (PostgreSQL finds no RTE for it): not listed
        inner.entries.stream().map(Entry::alias).filter(java.util.Objects::nonNull)
                .filter(a -> !inner.usingAliases.contains(a)).forEach(aliasedAway::add);
    }

    /** The names given by USING (...) AS x in this scope. */
    private final java.util.Set<String> usingAliases = new java.util.HashSet<>();

    /** Whether an item of this name sits inside an aliased join here, where its name cannot be used. */
    boolean aliasedAway(String alias) {
        return aliasedAway.contains(alias) && entry(alias).isEmpty();
    }

    /**
     * PostgreSQL's checkNameSpaceConflicts: two FROM items of one level may not share a name, unless both are tables
     * named by themselves (no alias) and different tables (s1.t, s2.t).
     */
    void checkNameConflicts(FromScope other) {
        for (Entry mine : entries) {
            for (Entry theirs : other.entries) {
                if (mine.alias() == null || !mine.alias().equals(theirs.alias())) {
                    continue;
                }
                if (mine.namedByTable() && theirs.namedByTable() && mine.tableOid() != theirs.tableOid()) {
                    continue;
                }
                throw PgException.of(SqlState.DUPLICATE_ALIAS, "table name \"%s\" specified more than once",
                        mine.alias());
            }
        }
    }

    /**
     * Row positions an outer join may fill with NULLs (its nullable side). A whole-row reference to an entry there
     * is NULL in a null-extended row, as PostgreSQL's whole-row Var is, rather than a row of NULLs.
     */
    private final java.util.BitSet nullable = new java.util.BitSet();

    /** Marks the row positions [from, to) as the nullable side of an outer join. */
    void markNullable(int from, int to) {
        nullable.set(from, to);
    }

    /** Adds all entries of another scope (the right side of a join), shifted after this one's. */
    void addAll(FromScope other) {
        addAllAt(other, width);
    }

    /**
     * Adds all entries of another scope whose columns sit at {@code base} of the row: names keep the order they are
     * added in, while the row may hold the items in another order (a join whose sides the analyzer swapped).
     */
    void addAllAt(FromScope other, int base) {
        aliasedAway.addAll(other.aliasedAway);
        valuesLists.addAll(other.valuesLists);
        usingAliases.addAll(other.usingAliases);
        other.nullable.stream().forEach(i -> nullable.set(base + i));
        for (Entry e : other.entries) {
            entries.add(e.at(base + e.offset()));
        }
        other.mergedValues.forEach((merged, value) -> mergedValues.put(base + merged, ExprRewriter.map(value,
                x -> x instanceof InputRef r ? new InputRef(base + r.index(), r.type(), r.typmod(), r.name()) : x)));
        width = Math.max(width, base + other.width);
    }

    /** Hides columns of the entries so far from unqualified names and {@code *} (they were merged by USING). */
    void hide(java.util.Collection<String> names) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            java.util.Set<String> hidden = new java.util.HashSet<>(e.hidden());
            hidden.addAll(names);
            entries.set(i, e.hiding(hidden));
        }
    }

    /** Another name for an entry's columns, reachable only qualified (JOIN ... USING (...) AS x). */
    void addQualifiedOnly(String alias, Entry target) {
        usingAliases.add(alias);
        java.util.Set<String> all = new java.util.HashSet<>();
        target.columns().forEach(c -> all.add(c.name()));
        entries.add(new Entry(alias, target.columns(), target.offset(), all));
    }

    /**
     * What each merged USING column of the row computes from the sides' columns (the left one for INNER and LEFT
     * joins, the right one for RIGHT, COALESCE of both for FULL): PostgreSQL flattens such join aliases before it
     * checks grouping, so GROUP BY t1.a also groups the merged a of a LEFT JOIN.
     */
    private final java.util.Map<Integer, BoundExpr> mergedValues = new java.util.HashMap<>();

    /** Records that the row's column {@code merged} is computed as {@code value} over the row's columns. */
    void mergedFrom(int merged, BoundExpr value) {
        mergedValues.put(merged, value);
    }

    /** The expression a merged USING column stands for, if this is one. */
    Optional<BoundExpr> mergedValue(int index) {
        return Optional.ofNullable(mergedValues.get(index));
    }

    /** Puts the USING join's merged columns (at the end of the row) first, as {@code *} lists them. */
    void addMergedFirst(List<OutputColumn> merged) {
        entries.add(0, new Entry(null, merged, width));
        width += merged.size();
    }

    List<Entry> entries() {
        return entries;
    }

    int width() {
        return width;
    }

    @Override
    public Optional<List<java.util.Map.Entry<String, BoundExpr>>> outerStar(String alias) {
        Optional<Entry> own = entry(alias);
        if (own.isEmpty()) {
            return outer == null ? Optional.empty() : outer.outerStar(alias);
        }
        List<java.util.Map.Entry<String, BoundExpr>> out = new ArrayList<>();
        Entry e = own.get();
        for (int i = 0; i < e.columns().size(); i++) {
            OutputColumn c = e.columns().get(i);
            e.used(i);
            out.add(java.util.Map.entry(c.name(), new org.lakepg.server.sql.plan.expr.InputRef(e.offset() + i, c.type(),
                    c.typmod(), alias + "." + c.name())));
        }
        return Optional.of(out);
    }

    @Override
    public void forEachItem(java.util.function.BiConsumer<String, List<String>> visit) {
        for (Entry e : entries) {
            // USING (...) AS x names no item of its own, and merged columns belong to no item (join RTEs are skipped)
            if (e.alias() != null && !usingAliases.contains(e.alias())) {
                visit.accept(e.alias(), e.columns().stream().map(OutputColumn::name).toList());
            }
        }
        if (outer != null) {
            outer.forEachItem(visit);
        }
    }

    Optional<Entry> entry(String alias) {
        return entries.stream().filter(e -> alias.equals(e.alias())).findFirst();
    }

    /** The column at a position of the joined row (for the table OID and attnum RowDescription reports). */
    OutputColumn columnAt(int index) {
        for (Entry e : entries) {
            if (index >= e.offset() && index < e.offset() + e.columns().size()) {
                return e.columns().get(index - e.offset());
            }
            if (e.tableOidColumn() && index == e.offset() + e.columns().size()) {
                return OutputColumn.computed("tableoid", org.lakepg.server.catalog.TypeOids.OID, -1);
            }
            if (index == e.tidIndex()) {
                return OutputColumn.computed("ctid", org.lakepg.server.catalog.TypeOids.TID, -1);
            }
        }
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public Optional<BoundExpr> column(List<String> fields, int location) {
        if (fields.size() == 1) {
            String name = fields.get(0);
            BoundExpr found = null;
            for (Entry e : entries) {
                for (int i = 0; i < e.columns().size(); i++) {
                    if (e.columns().get(i).name().equals(name) && e.visible(i)) {
                        if (found != null) {
                            throw Coercer.at(PgException.of(SqlState.AMBIGUOUS_COLUMN,
                                    "column reference \"%s\" is ambiguous", name), location);
                        }
                        found = ref(e, i);
                    }
                }
            }
            if (found == null && entry(name).isPresent()) {
                found = wholeRow(entry(name).get());
            }
            if (found == null && SystemColumns.isSystem(name)) {
                for (Entry e : entries) {
                    Optional<BoundExpr> system = name.equals("tableoid") ? e.tableOidRef() : e.systemRef(name);
                    if (system.isPresent()) {
                        if (found != null) {
                            throw Coercer.at(PgException.of(SqlState.AMBIGUOUS_COLUMN,
                                    "column reference \"%s\" is ambiguous", name), location);
                        }
                        found = system.get();
                    }
                }
            }
            if (found == null && outer != null) {
                return outer.column(fields, location);
            }
            return Optional.ofNullable(found);
        }
        String alias = fields.get(fields.size() - 2);
        String name = fields.get(fields.size() - 1);
        if (fields.size() == 2 && ambiguousAliases.contains(alias)) {
            throw Coercer.at(PgException.of(SqlState.AMBIGUOUS_ALIAS, "table reference \"%s\" is ambiguous", alias),
                    location);
        }
        Optional<Entry> entry = entry(alias);
        if (entry.isEmpty()) {
            return outer == null ? Optional.empty() : outer.column(fields, location);
        }
        Entry e = entry.get();
        for (int i = 0; i < e.columns().size(); i++) {
            if (e.columns().get(i).name().equals(name)) {
                return Optional.of(ref(e, i));
            }
        }
        if (name.equals("tableoid") && e.tableOidRef().isPresent()) {
            return e.tableOidRef();
        }
        if (e.systemRef(name).isPresent()) {
            return e.systemRef(name);
        }
        throw Coercer.at(ColumnHints.withHint(PgException.of(SqlState.UNDEFINED_COLUMN, "column %s.%s does not exist",
                alias, name), this, alias, name), location);
    }

    @Override
    public Optional<BoundExpr> wholeRow(String alias, int location) {
        Optional<Entry> e = entry(alias);
        if (e.isPresent()) {
            return Optional.of(wholeRow(e.get()));
        }
        return outer == null ? Optional.empty() : outer.wholeRow(alias, location);
    }

    /**
     * A FROM item's name as a value: its row, of the table's row type when it is one table, else record; NULL when
     * an outer join null-extended it. A null-extended row is told by all its columns being NULL (lakepg's rows
     * carry no null-extension marker), so a genuine all-NULL row of a nullable item also reads as NULL there.
     */
    private BoundExpr wholeRow(Entry e) {
        BoundExpr row = rowValue(e);
        if (e.columns().isEmpty() || !nullable.get(e.offset())) {
            return row;
        }
        List<BoundExpr> allNull = new ArrayList<>();
        for (int i = 0; i < e.columns().size(); i++) {
            allNull.add(new org.lakepg.server.sql.plan.expr.NullTest(ref(e, i), false));
        }
        BoundExpr condition = allNull.size() == 1 ? allNull.get(0)
                : new org.lakepg.server.sql.plan.expr.BoolExpr(org.lakepg.server.sql.plan.expr.BoolExpr.Kind.AND, allNull);
        return new org.lakepg.server.sql.plan.expr.CaseExpr(
                List.of(new org.lakepg.server.sql.plan.expr.CaseExpr.When(condition,
                        new org.lakepg.server.sql.plan.expr.Const(row.type(), row.typmod(), null))),
                row, row.type(), row.typmod());
    }

    private static BoundExpr rowValue(Entry e) {
        List<BoundExpr> fields = new ArrayList<>();
        for (int i = 0; i < e.columns().size(); i++) {
            fields.add(ref(e, i));
        }
        return e.rowType() != 0 ? RowExpressions.constructor(fields, e.rowType())
                : RowExpressions.namedRecord(fields, e.columns().stream().map(OutputColumn::name).toList());
    }

    private static InputRef ref(Entry e, int i) {
        OutputColumn c = e.columns().get(i);
        e.used(i);
        return new InputRef(e.offset() + i, c.type(), c.typmod(), e.alias() == null ? c.name() : e.alias() + "." + c.name());
    }
}
