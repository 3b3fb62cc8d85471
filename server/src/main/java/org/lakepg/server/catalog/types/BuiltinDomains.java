package org.lakepg.server.catalog.types;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.TypeOids;

/**
 * The domains information_schema.sql makes at initdb (PostgreSQL 15's OIDs, owned by the bootstrap superuser).
 * Their pg_type rows come with the built-in catalog; these definitions let them be handled as any CREATE DOMAIN
 * type: codec of the base type, CHECK constraints applied by casts.
 */
public final class BuiltinDomains {
    private BuiltinDomains() {}

    private static final long SCHEMA = 13207;
    private static final long OWNER = 10;
    /** varchar(3): atttypmod counts the 4-byte length header. */
    private static final int VARCHAR_3 = 3 + 4;

    public static final List<UserType.Domain> ALL = List.of(
            new UserType.Domain(13221, 13220, "cardinal_number", SCHEMA, OWNER, TypeOids.INT4, -1, false, null,
                    List.of(new UserType.DomainCheck(13222, "cardinal_number_domain_check", "VALUE >= 0"))),
            new UserType.Domain(13224, 13223, "character_data", SCHEMA, OWNER, TypeOids.VARCHAR, -1, false, null,
                    List.of()),
            new UserType.Domain(13226, 13225, "sql_identifier", SCHEMA, OWNER, TypeOids.NAME, -1, false, null,
                    List.of()),
            new UserType.Domain(13232, 13231, "time_stamp", SCHEMA, OWNER, TypeOids.TIMESTAMPTZ, 2, false,
                    "CURRENT_TIMESTAMP(2)", List.of()),
            new UserType.Domain(13234, 13233, "yes_or_no", SCHEMA, OWNER, TypeOids.VARCHAR, VARCHAR_3, false, null,
                    List.of(new UserType.DomainCheck(13235, "yes_or_no_check",
                            "(VALUE)::text = ANY ((ARRAY['YES'::character varying, 'NO'::character varying])::text[])"))));

    /** The built-in domain of this OID (not of its array type's). */
    public static Optional<UserType> find(long oid) {
        return ALL.stream().filter(d -> d.oid() == oid).map(UserType.class::cast).findFirst();
    }
}
