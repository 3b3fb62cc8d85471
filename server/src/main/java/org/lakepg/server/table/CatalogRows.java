package org.lakepg.server.table;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.access.sequence.Sequence;
import org.lakepg.server.catalog.TypeOids;

/**
 * The storage format of the catalog heaps: one codec per heap and the conversion between its rows and the catalog
 * records. Columns are only ever appended, so older rows decode with NULLs for the newer columns.
 */
final class CatalogRows {
    private CatalogRows() {}

    /**
     * oid, relname, relnamespace, relfilenode, toast relation, relpersistence, reloptions (one per line), array type
     * of the row type, dropped attnums ("2,5"), row type.
     */
    static final RowCodec CLASS = new RowCodec(new long[] {TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
            TypeOids.INT4, TypeOids.INT4, TypeOids.TEXT, TypeOids.TEXT, TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8});
    /** table oid, attnum, name, type, typmod, not null, default (or generation) expression, identity, generated. */
    static final RowCodec ATTRIBUTE = new RowCodec(new long[] {TypeOids.INT8, TypeOids.INT2, TypeOids.TEXT,
            TypeOids.INT8, TypeOids.INT4, TypeOids.BOOL, TypeOids.TEXT, TypeOids.TEXT, TypeOids.BOOL});
    /**
     * oid, name, table oid, relation, unique, primary, key attnums ("1 0 2", 0 for an expression), access method,
     * INCLUDE attnums, key expressions (separated by {@link #EXPRESSION_SEPARATOR}), predicate, indoption per key column.
     */
    static final RowCodec INDEX = new RowCodec(new long[] {TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
            TypeOids.INT4, TypeOids.BOOL, TypeOids.BOOL, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT,
            TypeOids.TEXT, TypeOids.TEXT});
    private static final String EXPRESSION_SEPARATOR = "\u001e";
    /** oid, name, table, type, columns, check, ref table, ref columns, on update, on delete, deferrable, deferred, index, match. */
    static final RowCodec CONSTRAINT = new RowCodec(new long[] {TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
            TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.INT8, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT,
            TypeOids.BOOL, TypeOids.BOOL, TypeOids.INT8, TypeOids.TEXT});
    /** oid, name, namespace, relation, type, increment, min, max, start, cache, cycle, owner table, owner column, persistence. */
    static final RowCodec SEQUENCE = new RowCodec(new long[] {TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
            TypeOids.INT4, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8,
            TypeOids.BOOL, TypeOids.INT8, TypeOids.INT2, TypeOids.TEXT});

    static Object[] classRow(TableInfo t) {
        return new Object[] {t.oid(), t.name(), t.namespace(), t.relation(), t.toastRelation(),
                String.valueOf(t.persistence()), t.options().isEmpty() ? null : String.join("\n", t.options()),
                t.arrayType() == 0 ? null : t.arrayType(), t.droppedAttnums().isEmpty() ? null
                : String.join(",", t.droppedAttnums().stream().map(String::valueOf).toList()),
                t.rowType() == 0 ? null : t.rowType()};
    }

    static TableInfo table(Object[] c, List<ColumnInfo> columns) {
        return new TableInfo((Long) c[0], (String) c[1], (Long) c[2], (Integer) c[3], (Integer) c[4], columns,
                letter(c[5], 'p'), c[6] == null ? List.of() : List.of(((String) c[6]).split("\n")),
                c[7] == null ? 0 : (Long) c[7], c.length < 9 || c[8] == null ? List.of()
                : java.util.Arrays.stream(((String) c[8]).split(",")).map(Short::valueOf).toList(),
                c.length < 10 || c[9] == null ? 0 : (Long) c[9]);
    }

    static Object[] attributeRow(long tableOid, ColumnInfo c) {
        return new Object[] {tableOid, c.number(), c.name(), c.type(), c.typmod(), c.notNull(), c.defaultExpr(),
                c.isIdentity() ? String.valueOf(c.identity()) : null, c.generated() ? Boolean.TRUE : null};
    }

    static ColumnInfo column(Object[] a) {
        return new ColumnInfo((String) a[2], (Short) a[1], (Long) a[3], (Integer) a[4], (Boolean) a[5],
                (String) a[6], letter(a[7], ColumnInfo.NO_IDENTITY), a.length > 8 && Boolean.TRUE.equals(a[8]));
    }

    static Object[] indexRow(IndexInfo i) {
        return new Object[] {i.oid(), i.name(), i.tableOid(), i.relation(), i.unique(), i.primary(), attnums(i.columns()),
                i.method(), attnums(i.include()), i.expressions().isEmpty() ? null
                : String.join(EXPRESSION_SEPARATOR, i.expressions()), i.predicate(),
                i.options().isEmpty() ? null : attnums(i.options())};
    }

    static IndexInfo index(Object[] r) {
        List<String> expressions = r[9] == null ? List.of() : List.of(((String) r[9]).split(EXPRESSION_SEPARATOR, -1));
        return new IndexInfo((Long) r[0], (String) r[1], (Long) r[2], (Integer) r[3], (Boolean) r[4],
                (Boolean) r[5], attnums((String) r[6]), (String) r[7], attnums((String) r[8]), expressions,
                (String) r[10], attnums((String) r[11]));
    }

    static Object[] constraintRow(ConstraintInfo c) {
        return new Object[] {c.oid(), c.name(), c.tableOid(), String.valueOf(c.type()), attnums(c.columns()),
                c.checkExpr(), c.refTable(), attnums(c.refColumns()), String.valueOf(c.onUpdate()),
                String.valueOf(c.onDelete()), c.deferrable(), c.initiallyDeferred(), c.indexOid(),
                String.valueOf(c.matchType())};
    }

    static ConstraintInfo constraint(Object[] r) {
        return new ConstraintInfo((Long) r[0], (String) r[1], (Long) r[2], letter(r[3], 'c'), attnums((String) r[4]),
                (String) r[5], (Long) r[6], attnums((String) r[7]), letter(r[8], 'a'), letter(r[9], 'a'),
                (Boolean) r[10], (Boolean) r[11], (Long) r[12], letter(r[13], 's'));
    }

    static Object[] sequenceRow(SequenceInfo s) {
        Sequence.Options o = s.options();
        return new Object[] {s.oid(), s.name(), s.namespace(), s.relation(), s.type(), o.increment(), o.min(), o.max(),
                o.start(), s.cache(), o.cycle(), s.ownedByTable(), s.ownedByColumn(), String.valueOf(s.persistence())};
    }

    static SequenceInfo sequence(Object[] r) {
        return new SequenceInfo((Long) r[0], (String) r[1], (Long) r[2], (Integer) r[3], (Long) r[4],
                new Sequence.Options((Long) r[5], (Long) r[6], (Long) r[7], (Long) r[8], (Boolean) r[10]),
                (Long) r[9], (Long) r[11], (Short) r[12], letter(r[13], 'p'));
    }

    private static char letter(Object value, char absent) {
        return value == null || ((String) value).isEmpty() ? absent : ((String) value).charAt(0);
    }

    static String attnums(List<Short> columns) {
        StringBuilder out = new StringBuilder();
        for (short c : columns) {
            out.append(out.isEmpty() ? "" : " ").append(c);
        }
        return out.toString();
    }

    static List<Short> attnums(String text) {
        List<Short> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String n : text.split(" ")) {
                out.add(Short.parseShort(n));
            }
        }
        return out;
    }
}
