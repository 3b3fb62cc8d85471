package org.lakepg.server.catalog.types;

import java.util.List;

/**
 * A type made by CREATE TYPE or CREATE DOMAIN: what pg_type, pg_enum and pg_constraint hold for it. Every user
 * type has an array type over it (PostgreSQL's "_name"), with its own OID.
 */
public sealed interface UserType {

    long oid();

    long arrayOid();

    String name();

    long namespace();

    long owner();

    /** CREATE TYPE ... AS ENUM: labels in sort order. */
    record Enum(long oid, long arrayOid, String name, long namespace, long owner, List<EnumLabelInfo> labels)
            implements UserType {
        public Enum {
            labels = labels.stream().sorted(java.util.Comparator.comparingDouble(EnumLabelInfo::sortOrder)).toList();
        }

        /** The label's position by sort order, -1 when the type has no such label. */
        public int position(String label) {
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i).label().equals(label)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** CREATE DOMAIN: a base type with NOT NULL, a default and CHECK constraints (kept as SQL text with VALUE). */
    record Domain(long oid, long arrayOid, String name, long namespace, long owner, long baseType, int baseTypmod,
                  boolean notNull, String defaultText, List<DomainCheck> checks) implements UserType {}

    /**
     * CREATE TYPE ... AS (attributes), or a table's or view's row type: {@code relationOid} is its pg_class row (the
     * table, or the composite type's relkind 'c' row; 0 for a composite type made before lakepg gave it one).
     */
    record Composite(long oid, long arrayOid, String name, long namespace, long owner, List<Attribute> attributes,
                     long relationOid) implements UserType {}

    /** CREATE TYPE ... AS RANGE: the range type and the multirange type made with it (each with an array type). */
    record Range(long oid, long arrayOid, String name, long namespace, long owner, long subtype, long multirangeOid,
                 long multirangeArrayOid, String multirangeName, long firstConstructorOid) implements UserType {}

    /**
     * CREATE TYPE name (INPUT = ..., OUTPUT = ...), or a shell (CREATE TYPE name) until then. Its values are held
     * as those of {@code representation}, the built-in type whose I/O functions it uses (LANGUAGE internal); the
     * binary-coercible casts made for it (CREATE CAST ... WITHOUT FUNCTION) are kept with it and go with it.
     */
    record Base(long oid, long arrayOid, String name, long namespace, long owner, boolean shell, long inputProc,
                long outputProc, long representation, List<Cast> casts) implements UserType {
        public Base {
            casts = List.copyOf(casts);
        }

        public Base withCast(Cast cast) {
            List<Cast> more = new java.util.ArrayList<>(casts);
            more.add(cast);
            return new Base(oid, arrayOid, name, namespace, owner, shell, inputProc, outputProc, representation, more);
        }
    }

    /** A cast WITHOUT FUNCTION between a user base type and another type; context as pg_cast's castcontext. */
    record Cast(long oid, long source, long target, char context) {}

    /** One pg_enum row. */
    record EnumLabelInfo(long oid, float sortOrder, String label) {}

    /** One CHECK constraint of a domain; {@code expression} is the SQL text of its condition. */
    record DomainCheck(long oid, String name, String expression) {}

    /** One attribute of a composite type. */
    record Attribute(String name, long type, int typmod) {}
}
