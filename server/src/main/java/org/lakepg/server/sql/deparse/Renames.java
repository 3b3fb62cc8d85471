package org.lakepg.server.sql.deparse;

/**
 * Names a deparse prints in place of the catalog's: a view's definition is deparsed before ALTER ... RENAME /
 * SET SCHEMA of something it uses and stored with the new names, as PostgreSQL's views (which keep OIDs and
 * attnums, not names) follow such renames.
 */
public interface Renames {
    Renames NONE = new Renames() {};

    /** How relation {@code oid}, now named {@code name}, is to be printed. */
    default String relation(long oid, String name) {
        return name;
    }

    /** The namespace relation {@code oid}, now in {@code namespace}, is to be printed in. */
    default long namespace(long oid, long namespace) {
        return namespace;
    }

    /** How column {@code name} of relation {@code oid} is to be printed. */
    default String column(long oid, String name) {
        return name;
    }
}
