package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.types.UserType;

/** pg_type rows of user-defined types (and their array types) after the built-in ones, and pg_enum. */
final class UserTypeRows {
    private UserTypeRows() {}

    static void register(Map<String, RowSource> sources) {
        RowSource builtin = sources.get("pg_catalog.pg_type");
        sources.put("pg_catalog.pg_type", (catalog, out) -> {
            builtin.rows(catalog, out);
            for (UserType t : catalog.userTypes().all()) {
                if (t instanceof UserType.Domain d && catalog.types().type(d.baseType()).isEmpty()) {
                    // its base was a table's row type (or array of it) that is gone, as a session's temporary
                    // table is at its end; PostgreSQL drops such a domain with it, lakepg does not list it
                    continue;
                }
                TypeEntry e = catalog.userTypes().entry(t.oid()).orElseThrow();
                add(out, e, t.owner(), t instanceof UserType.Domain d ? d.defaultText() : null);
                if (t.arrayOid() != 0) { // a shell type has no array type yet
                    add(out, catalog.userTypes().entry(t.arrayOid()).orElseThrow(), t.owner(), null);
                }
                if (t instanceof UserType.Range r) {
                    add(out, catalog.userTypes().entry(r.multirangeOid()).orElseThrow(), t.owner(), null);
                    add(out, catalog.userTypes().entry(r.multirangeArrayOid()).orElseThrow(), t.owner(), null);
                }
            }
            rowTypes(catalog, out);
        });
        RowSource casts = sources.get("pg_catalog.pg_cast");
        sources.put("pg_catalog.pg_cast", (catalog, out) -> {
            casts.rows(catalog, out);
            for (UserType t : catalog.userTypes().all()) {
                if (t instanceof UserType.Range r && r.firstConstructorOid() != 0) {
                    // DefineRange's explicit cast range -> multirange by the 1-argument constructor (lakepg keeps
                    // no OID for it: it shows that function's, pg_cast's OIDs being apart from pg_proc's)
                    long constructor = r.firstConstructorOid() + 3;
                    out.add().set("oid", constructor).set("castsource", r.oid()).set("casttarget", r.multirangeOid())
                            .set("castfunc", constructor).set("castcontext", 'e').set("castmethod", 'f');
                }
            }
        });
        RowSource ranges = sources.get("pg_catalog.pg_range");
        sources.put("pg_catalog.pg_range", (catalog, out) -> {
            ranges.rows(catalog, out);
            for (UserType t : catalog.userTypes().all()) {
                if (t instanceof UserType.Range r) {
                    out.add().set("rngtypid", r.oid()).set("rngsubtype", r.subtype()).set("rngmultitypid",
                            r.multirangeOid()).set("rngcollation", 0L)
                            .set("rngsubopc", Opclasses.defaultBtree(catalog, r.subtype())).set("rngcanonical", 0L)
                            .set("rngsubdiff", 0L);
                }
            }
        });
        RowSource constraints = sources.get("pg_catalog.pg_constraint");
        sources.put("pg_catalog.pg_constraint", (catalog, out) -> {
            constraints.rows(catalog, out);
            // information_schema's domains' CHECKs (cardinal_number, yes_or_no), then those of CREATE DOMAIN
            java.util.List<UserType> domains = new java.util.ArrayList<>(org.lakepg.server.catalog.types.BuiltinDomains.ALL);
            domains.addAll(catalog.userTypes().all());
            for (UserType t : domains) {
                if (t instanceof UserType.Domain d) {
                    for (UserType.DomainCheck c : d.checks()) {
                        out.add().set("oid", c.oid()).set("conname", c.name()).set("connamespace", d.namespace())
                                .set("contype", 'c').set("condeferrable", false).set("condeferred", false)
                                .set("convalidated", true).set("conrelid", 0L).set("contypid", d.oid())
                                .set("conindid", 0L).set("conparentid", 0L).set("confrelid", 0L)
                                .set("conislocal", true).set("coninhcount", 0).set("connoinherit", false)
                                .set("conbin", c.expression());
                    }
                }
            }
        });
        sources.put("pg_catalog.pg_enum", (catalog, out) -> {
            for (UserType t : catalog.userTypes().all()) {
                if (t instanceof UserType.Enum e) {
                    for (UserType.EnumLabelInfo l : e.labels()) {
                        out.add().set("oid", l.oid()).set("enumtypid", e.oid()).set("enumsortorder", l.sortOrder())
                                .set("enumlabel", l.label());
                    }
                }
            }
        });
    }

    /** The row types of tables, views and materialized views, and their array types. */
    private static void rowTypes(CatalogView catalog, Rows out) {
        for (org.lakepg.server.table.TableInfo t : catalog.tables()) {
            long owner = catalog.sources().tableOwner(t.oid());
            UserType.Composite row = org.lakepg.server.catalog.types.UserTypeEntries.rowType(t, owner);
            add(out, org.lakepg.server.catalog.types.UserTypeEntries.entry(row, catalog.types()), owner, null);
            if (t.arrayType() != 0) {
                add(out, org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(row, catalog.types()), owner, null);
            }
        }
        for (CatalogSources.ViewRow v : catalog.views()) {
            UserType.Composite row = CatalogView.viewRowType(v);
            add(out, org.lakepg.server.catalog.types.UserTypeEntries.entry(row, catalog.types()), v.owner(), null);
            if (v.arrayType() != 0) {
                add(out, org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(row, catalog.types()), v.owner(), null);
            }
        }
    }

    private static final long SHELL_IN = 2398;
    /** array_typanalyze, range_typanalyze, multirange_typanalyze: PostgreSQL's typanalyze of these kinds. */
    private static final long ARRAY_TYPANALYZE = 3816;
    private static final long RANGE_TYPANALYZE = 3916;
    private static final long MULTIRANGE_TYPANALYZE = 4242;
    private static final long DOMAIN_IN = 2597;
    private static final long DOMAIN_RECV = 2598;
    /** multirange_in; multirange_out, _recv and _send follow it. */
    private static final long MULTIRANGE_IN = 4231;

    private static void add(Rows out, TypeEntry e, long owner, String defaultText) {
        Rows.Row row = out.add().set("oid", e.oid()).set("typname", e.name()).set("typnamespace", e.namespace()).set("typowner", owner)
                .set("typlen", e.length()).set("typbyval", e.byValue()).set("typtype", e.kind())
                .set("typcategory", e.category()).set("typispreferred", e.preferred())
                // only a shell type (CREATE TYPE name) is not defined: lakepg gives no other user type input 2398
                .set("typisdefined", e.inputProc() != SHELL_IN)
                .set("typdelim", e.delimiter()).set("typrelid", e.relationOid()).set("typsubscript", e.subscriptProc())
                .set("typelem", e.elementType()).set("typarray", e.arrayType()).set("typinput", e.inputProc())
                .set("typoutput", e.outputProc()).set("typreceive", e.receiveProc()).set("typsend", e.sendProc())
                .set("typmodin", e.typmodInProc()).set("typmodout", e.typmodOutProc()).set("typanalyze", 0L)
                .set("typalign", e.align()).set("typstorage", e.storage()).set("typnotnull", e.notNull())
                .set("typbasetype", e.baseType()).set("typtypmod", e.typmod()).set("typndims", e.dimensions())
                .set("typcollation", e.collation()).set("typdefault", defaultText);
        // PostgreSQL's own I/O functions of domains and multiranges (lakepg's entries name the base's or the
        // polymorphic ones, which it runs)
        if (e.isArray()) {
            row.set("typanalyze", ARRAY_TYPANALYZE);
        } else if (e.kind() == TypeEntry.KIND_RANGE) {
            row.set("typanalyze", RANGE_TYPANALYZE);
        } else if (e.kind() == TypeEntry.KIND_MULTIRANGE) {
            row.set("typanalyze", MULTIRANGE_TYPANALYZE);
        }
        if (e.kind() == TypeEntry.KIND_DOMAIN) {
            row.set("typinput", DOMAIN_IN).set("typreceive", DOMAIN_RECV);
        } else if (e.kind() == TypeEntry.KIND_MULTIRANGE) {
            row.set("typinput", MULTIRANGE_IN).set("typoutput", MULTIRANGE_IN + 1)
                    .set("typreceive", MULTIRANGE_IN + 2).set("typsend", MULTIRANGE_IN + 3);
        }
    }
}
