package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * How a session finds relations by name: its own temporary namespace first (PostgreSQL's pg_temp_N, which only
 * this session sees and which goes away with it), then public.
 */
final class SessionRelations {
    private final TableCatalog catalog;
    private long tempNamespace;
    /** Sequence values this session reserved ahead (CACHE n): OID → {next to hand out, last reserved}. */
    final java.util.Map<Long, long[]> sequenceCache = new java.util.HashMap<>();
    /** Temporary tables with ON COMMIT DELETE ROWS ('d') or ON COMMIT DROP ('x'), by OID. */
    final java.util.Map<Long, Character> onCommit = new java.util.LinkedHashMap<>();

    SessionRelations(TableCatalog catalog) {
        this.catalog = catalog;
    }

    TableCatalog catalog() {
        return catalog;
    }

    /** This session's temporary namespace, allocated on first use (0 while it has none). */
    long tempNamespace() {
        return tempNamespace;
    }

    long ensureTempNamespace() {
        if (tempNamespace == 0) {
            tempNamespace = catalog.newOid();
        }
        return tempNamespace;
    }

    /** The namespaces an unqualified or qualified name is looked up in, in order. */
    List<Long> searchPath(String schema) {
        List<Long> out = new ArrayList<>();
        if (schema == null) {
            if (tempNamespace != 0) {
                out.add(tempNamespace);
            }
            out.add(TableCatalog.PUBLIC_NAMESPACE);
        } else if (schema.equals("public")) {
            out.add(TableCatalog.PUBLIC_NAMESPACE);
        } else if (schema.equals("pg_temp") || schema.startsWith("pg_temp_")) {
            if (tempNamespace != 0) {
                out.add(tempNamespace);
            }
        } else if (!schema.equals("pg_catalog") && !schema.equals("information_schema")) {
            throw PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", schema);
        }
        return out;
    }

    Optional<TableInfo> table(Snapshot snapshot, String schema, String name) {
        for (long ns : searchPath(schema)) {
            Optional<TableInfo> t = catalog.find(snapshot, ns, name);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    Optional<TableInfo> table(Snapshot snapshot, RangeVar r) {
        return table(snapshot, r.schemaname(), r.relname());
    }

    TableInfo requireTable(Snapshot snapshot, RangeVar r) {
        return table(snapshot, r).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE,
                "relation \"%s\" does not exist", qualified(r)));
    }

    Optional<SequenceInfo> sequence(Snapshot snapshot, String schema, String name) {
        for (long ns : searchPath(schema)) {
            Optional<SequenceInfo> s = catalog.findSequence(snapshot, ns, name);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** True if any relation (table, index, sequence) of that name exists where the name resolves first. */
    boolean relationExists(Snapshot snapshot, long namespace, String name) {
        return catalog.relationNameExists(snapshot, namespace, name);
    }

    /** The namespace a CREATE puts a new relation in, and its persistence. */
    long creationNamespace(RangeVar r) {
        if (r.relpersistence() == 't' || "pg_temp".equals(r.schemaname())) {
            return ensureTempNamespace();
        }
        if (r.schemaname() != null && !r.schemaname().equals("public")) {
            throw PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", r.schemaname());
        }
        return TableCatalog.PUBLIC_NAMESPACE;
    }

    char persistence(long namespace) {
        return namespace == TableCatalog.PUBLIC_NAMESPACE ? 'p' : 't';
    }

    static String qualified(RangeVar r) {
        return r.schemaname() == null ? r.relname() : r.schemaname() + "." + r.relname();
    }
}
