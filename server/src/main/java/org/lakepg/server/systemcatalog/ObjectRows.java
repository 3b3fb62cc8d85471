package org.lakepg.server.systemcatalog;

import java.util.Map;
import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.systemcatalog.CatalogSources.ConstraintRow;
import org.lakepg.server.systemcatalog.CatalogSources.DefaultRow;
import org.lakepg.server.systemcatalog.CatalogSources.SequenceRow;
import org.lakepg.server.systemcatalog.CatalogSources.ViewRow;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * Catalogs of the objects besides tables and indexes: column defaults, sequences, views, user
 * functions, and the dependencies between them (pg_depend), plus their rows in pg_class.
 */
final class ObjectRows {
    private ObjectRows() {}

    static final long PG_CLASS = 1259;
    static final long PG_CONSTRAINT = 2606;
    static final long PG_REWRITE = 2618;

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_attrdef", (catalog, out) -> {
            for (DefaultRow d : catalog.sources().columnDefaults()) {
                out.add().set("oid", d.oid()).set("adrelid", d.tableOid()).set("adnum", d.column())
                        .set("adbin", d.expression());
            }
        });
        sources.put("pg_catalog.pg_sequence", (catalog, out) -> {
            for (SequenceRow s : catalog.sequences()) {
                out.add().set("seqrelid", s.oid()).set("seqtypid", s.type()).set("seqstart", s.start())
                        .set("seqincrement", s.increment()).set("seqmax", s.max()).set("seqmin", s.min())
                        .set("seqcache", s.cache()).set("seqcycle", s.cycle());
            }
        });
        sources.put("pg_catalog.pg_sequences", (catalog, out) -> {
            for (SequenceRow s : catalog.sequences()) {
                out.add().set("schemaname", catalog.namespaceName(s.namespace()).orElse(null))
                        .set("sequencename", s.name()).set("sequenceowner", owner(catalog))
                        .set("data_type", s.type()).set("start_value", s.start()).set("min_value", s.min())
                        .set("max_value", s.max()).set("increment_by", s.increment()).set("cycle", s.cycle())
                        .set("cache_size", s.cache()).set("last_value", s.lastValue());
            }
        });
        sources.put("pg_catalog.pg_views", (catalog, out) -> {
            for (ViewRow v : catalog.views()) {
                if (!v.materialized()) {
                    out.add().set("schemaname", catalog.namespaceName(v.namespace()).orElse(null))
                            .set("viewname", v.name()).set("viewowner", catalog.roleName(v.owner()).orElse(null))
                            .set("definition", v.definition());
                }
            }
        });
        sources.put("pg_catalog.pg_matviews", (catalog, out) -> {
            for (ViewRow v : catalog.views()) {
                if (v.materialized()) {
                    out.add().set("schemaname", catalog.namespaceName(v.namespace()).orElse(null))
                            .set("matviewname", v.name()).set("matviewowner", catalog.roleName(v.owner()).orElse(null))
                            .set("hasindexes", false).set("ispopulated", true).set("definition", v.definition());
                }
            }
        });
        sources.put("pg_catalog.pg_depend", ObjectRows::pgDepend);
        sources.put("pg_catalog.pg_proc", (catalog, out) -> {
            out.addRaw(BootstrapRows.rows("pg_proc", out.relation()));
            var owners = catalog.sources().userFunctionOwners();
            for (ProcEntry p : catalog.sources().userFunctions()) {
                out.add().set("oid", p.oid()).set("proname", p.name()).set("pronamespace", p.namespace())
                        .set("proowner", owners.getOrDefault(p.oid(), CatalogView.SUPERUSER_OID)).set("prolang", p.language()).set("procost", p.cost())
                        .set("prorows", p.rows()).set("provariadic", p.variadicType()).set("prosupport", 0)
                        .set("prokind", p.kind()).set("prosecdef", p.securityDefiner()).set("proleakproof", p.leakproof())
                        .set("proisstrict", p.strict()).set("proretset", p.returnsSet()).set("provolatile", p.volatility())
                        .set("proparallel", p.parallel()).set("pronargs", p.argumentCount())
                        .set("pronargdefaults", p.defaultArgumentCount()).set("prorettype", p.returnType())
                        .set("proargtypes", p.argumentTypes()).set("proallargtypes", p.allArgumentTypes())
                        .set("proargmodes", p.argumentModes()).set("proargnames", p.argumentNames())
                        .set("prosrc", p.source()).set("proconfig", p.config().isEmpty() ? null : p.config())
                        .set("proacl", catalog.sources().acl(ObjectDescriptions.PG_PROC, p.oid()));
            }
        });
    }

    private static String owner(CatalogView catalog) {
        return catalog.roleName(CatalogView.SUPERUSER_OID).orElse("postgres");
    }

    /** pg_class rows of sequences and views. */
    static void classRows(CatalogView catalog, Rows out) {
        for (SequenceRow s : catalog.sequences()) {
            ClassRows.common(out.add(), s.oid(), s.name(), s.namespace())
                    .set("relowner", catalog.sources().tableOwner(s.oid())).set("reltype", 0).set("relam", 0)
                    .set("relfilenode", s.relation()).set("relpages", catalog.sources().relationBlocks(s.relation()))
                    .set("reltuples", 1).set("reltoastrelid", 0).set("relhasindex", false).set("relisshared", false)
                    .set("relkind", 'S').set("relnatts", 3).set("relhasrules", false).set("relreplident", 'n')
                    .set("relfrozenxid", 0).set("relminmxid", 0)
                    .set("relacl", catalog.sources().acl(PG_CLASS, s.oid()));
        }
        for (ViewRow v : catalog.views()) {
            ClassRows.common(out.add(), v.oid(), v.name(), v.namespace()).set("reltype", v.oid())
                    .set("relam", v.materialized() ? ClassRows.HEAP_AM : 0).set("relfilenode", 0).set("relpages", 0)
                    .set("reltuples", -1).set("reltoastrelid", 0).set("relhasindex", false).set("relisshared", false)
                    .set("relkind", v.materialized() ? 'm' : 'v').set("relnatts", v.columns().size())
                    .set("relhasrules", true).set("relreplident", v.materialized() ? 'd' : 'n').set("relfrozenxid", 0)
                    .set("relminmxid", 0).set("relowner", v.owner())
                    .set("relacl", catalog.sources().acl(PG_CLASS, v.oid()));
        }
        for (UserType.Composite c : compositeTypes(catalog)) {
            ClassRows.common(out.add(), c.relationOid(), c.name(), c.namespace()).set("relowner", c.owner())
                    .set("reltype", c.oid()).set("relam", 0).set("relfilenode", 0).set("relpages", 0)
                    .set("reltuples", -1).set("reltoastrelid", 0).set("relhasindex", false).set("relisshared", false)
                    .set("relkind", 'c').set("relnatts", c.attributes().size()).set("relhasrules", false)
                    .set("relreplident", 'n').set("relfrozenxid", 0).set("relminmxid", 0);
        }
    }

    /** CREATE TYPE ... AS (...)'s types that have a pg_class row (relkind 'c'). */
    private static List<UserType.Composite> compositeTypes(CatalogView catalog) {
        List<UserType.Composite> out = new java.util.ArrayList<>();
        for (UserType t : catalog.userTypes().all()) {
            if (t instanceof UserType.Composite c && c.relationOid() != 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** pg_attribute rows of views' columns and of sequences' three columns. */
    static void attributeRows(CatalogView catalog, AttributeRows.Sink sink) {
        for (ViewRow v : catalog.views()) {
            for (ColumnInfo c : v.columns()) {
                sink.column(v.oid(), c.name(), c.number(), c.type(), c.typmod(), false, false);
            }
        }
        for (UserType.Composite c : compositeTypes(catalog)) {
            for (int i = 0; i < c.attributes().size(); i++) {
                UserType.Attribute a = c.attributes().get(i);
                sink.column(c.relationOid(), a.name(), i + 1, a.type(), a.typmod(), false, false);
            }
        }
        for (SequenceRow s : catalog.sequences()) {
            sink.column(s.oid(), "last_value", 1, 20, -1, true, false);
            sink.column(s.oid(), "log_cnt", 2, 20, -1, true, false);
            sink.column(s.oid(), "is_called", 3, 16, -1, true, false);
        }
    }

    /**
     * The dependencies PostgreSQL records for what lakepg has: an index on its table's columns
     * (auto), a key constraint's index on the constraint (internal), a constraint on its columns
     * (auto), a column-owned sequence on its column (auto; internal for identity).
     */
    private static void pgDepend(CatalogView catalog, Rows out) {
        java.util.Map<Long, ConstraintRow> byIndex = new java.util.HashMap<>();
        for (ConstraintRow c : catalog.constraints()) {
            if (c.type() == 'p' || c.type() == 'u') {
                byIndex.put(c.indexOid(), c);
            }
            for (short col : c.columns()) {
                depend(out, PG_CONSTRAINT, c.oid(), 0, PG_CLASS, c.tableOid(), col, 'a');
            }
            if (c.type() == 'c') {
                // the CHECK expression's own references, beside the constraint's columns
                for (short col : c.columns()) {
                    depend(out, PG_CONSTRAINT, c.oid(), 0, PG_CLASS, c.tableOid(), col, 'n');
                }
            }
            if (c.type() == 'f') {
                for (short col : c.refColumns()) {
                    depend(out, PG_CONSTRAINT, c.oid(), 0, PG_CLASS, c.refTable(), col, 'n');
                }
            }
        }
        for (TableInfo t : catalog.tables()) {
            for (IndexInfo i : catalog.indexes(t.oid())) {
                ConstraintRow constraint = byIndex.get(i.oid());
                if (constraint != null) {
                    depend(out, PG_CLASS, i.oid(), 0, PG_CONSTRAINT, constraint.oid(), 0, 'i');
                } else {
                    for (short col : i.allColumns()) {
                        if (col == 0) {
                            continue;
                        }
                        depend(out, PG_CLASS, i.oid(), 0, PG_CLASS, t.oid(), col, 'a');
                    }
                }
            }
        }
        // plpgsql, the one extension, owns its handler functions and its language (as CREATE EXTENSION records)
        for (long handler : new long[] {13560, 13561, 13562}) {
            depend(out, ObjectDescriptions.PG_PROC, handler, 0, ObjectDescriptions.PG_EXTENSION, 13559, 0, 'e');
        }
        depend(out, ObjectDescriptions.PG_LANGUAGE, 13563, 0, ObjectDescriptions.PG_EXTENSION, 13559, 0, 'e');
        namespaceAndRuleDependencies(catalog, out);
        java.util.Map<String, DefaultRow> defaults = new java.util.HashMap<>();
        for (DefaultRow d : catalog.sources().columnDefaults()) {
            // a default on its column (auto), so dropping the column drops it
            depend(out, PG_ATTRDEF, d.oid(), 0, PG_CLASS, d.tableOid(), d.column(), 'a');
            defaults.put(d.tableOid() + "/" + d.column(), d);
        }
        for (SequenceRow s : catalog.sequences()) {
            if (s.ownedByTable() != 0) {
                depend(out, PG_CLASS, s.oid(), 0, PG_CLASS, s.ownedByTable(), s.ownedByColumn(),
                        s.identity() ? 'i' : 'a');
                // a serial column's nextval default on its sequence (normal): pg_dump creates the sequence
                // first and sets the default after. Only the owning column's default is recorded so far.
                DefaultRow d = defaults.get(s.ownedByTable() + "/" + s.ownedByColumn());
                if (d != null && d.expression() != null && d.expression().contains("nextval(")) {
                    depend(out, PG_ATTRDEF, d.oid(), 0, PG_CLASS, s.oid(), 0, 'n');
                }
            }
        }
    }

    private static final long PG_ATTRDEF = 2604;

    /**
     * Each table, view, sequence, type and function on its schema (normal), an inheritance child on its parent
     * (normal; a partition auto), and a view's _RETURN rule on its view (internal) and on what it reads (normal).
     */
    private static void namespaceAndRuleDependencies(CatalogView catalog, Rows out) {
        var inheritance = catalog.inheritance();
        for (TableInfo t : catalog.tables()) {
            depend(out, PG_CLASS, t.oid(), 0, ObjectDescriptions.PG_NAMESPACE, t.namespace(), 0, 'n');
            for (long parent : inheritance.parents(t.oid())) {
                depend(out, PG_CLASS, t.oid(), 0, PG_CLASS, parent, 0, inheritance.isPartitioned(parent) ? 'a' : 'n');
            }
        }
        for (SequenceRow s : catalog.sequences()) {
            depend(out, PG_CLASS, s.oid(), 0, ObjectDescriptions.PG_NAMESPACE, s.namespace(), 0, 'n');
        }
        for (ViewRow v : catalog.views()) {
            depend(out, PG_CLASS, v.oid(), 0, ObjectDescriptions.PG_NAMESPACE, v.namespace(), 0, 'n');
            depend(out, PG_REWRITE, RuleRows.returnRuleOid(v), 0, PG_CLASS, v.oid(), 0, 'i');
            // what the query reads, and the view itself (PostgreSQL records each column read; the relation is what
            // pg_dump orders by)
            depend(out, PG_REWRITE, RuleRows.returnRuleOid(v), 0, PG_CLASS, v.oid(), 0, 'n');
            for (long relation : v.dependsOn()) {
                if (relation != v.oid()) {
                    depend(out, PG_REWRITE, RuleRows.returnRuleOid(v), 0, PG_CLASS, relation, 0, 'n');
                }
            }
        }
        for (var t : catalog.userTypes().all()) {
            depend(out, ObjectDescriptions.PG_TYPE, t.oid(), 0, ObjectDescriptions.PG_NAMESPACE, t.namespace(), 0, 'n');
        }
        for (ProcEntry p : catalog.sources().userFunctions()) {
            depend(out, ObjectDescriptions.PG_PROC, p.oid(), 0, ObjectDescriptions.PG_NAMESPACE, p.namespace(), 0, 'n');
        }
    }

    private static void depend(Rows out, long classid, long objid, int objsubid, long refclassid, long refobjid,
                               int refobjsubid, char type) {
        out.add().set("classid", classid).set("objid", objid).set("objsubid", objsubid).set("refclassid", refclassid)
                .set("refobjid", refobjid).set("refobjsubid", refobjsubid).set("deptype", type);
    }
}
