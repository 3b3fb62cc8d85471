package org.lakepg.server.table;

/**
 * A table column as pg_attribute and pg_attrdef describe it (attnum is 1-based): {@code defaultExpr} is the SQL
 * text of its DEFAULT (null when none), {@code identity} PostgreSQL's attidentity ('a' ALWAYS, 'd' BY DEFAULT,
 * '\0' not an identity column); with {@code generated} (attgenerated 's') {@code defaultExpr} is the generation
 * expression of a STORED generated column, computed from the row's other columns on every write.
 */
public record ColumnInfo(String name, short number, long type, int typmod, boolean notNull, String defaultExpr,
                         char identity, boolean generated) {

    public ColumnInfo(String name, short number, long type, int typmod, boolean notNull, String defaultExpr,
                      char identity) {
        this(name, number, type, typmod, notNull, defaultExpr, identity, false);
    }

    public static final char NO_IDENTITY = '\0';

    public ColumnInfo(String name, short number, long type, int typmod, boolean notNull) {
        this(name, number, type, typmod, notNull, null, NO_IDENTITY);
    }

    public ColumnInfo withNumber(short n) {
        return new ColumnInfo(name, n, type, typmod, notNull, defaultExpr, identity, generated);
    }

    public ColumnInfo withName(String n) {
        return new ColumnInfo(n, number, type, typmod, notNull, defaultExpr, identity, generated);
    }

    public ColumnInfo withNotNull(boolean on) {
        return new ColumnInfo(name, number, type, typmod, on, defaultExpr, identity, generated);
    }

    public ColumnInfo withDefault(String expr) {
        return new ColumnInfo(name, number, type, typmod, notNull, expr, identity, generated);
    }

    public ColumnInfo withType(long t, int mod) {
        return new ColumnInfo(name, number, t, mod, notNull, defaultExpr, identity, generated);
    }

    public ColumnInfo withIdentity(char kind) {
        return new ColumnInfo(name, number, type, typmod, notNull, defaultExpr, kind, generated);
    }

    public boolean isIdentity() {
        return identity != NO_IDENTITY;
    }
}
