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
 * How a session's DDL finds relations by name: through the session's {@link SearchPath}, which searches its own
 * temporary namespace first (PostgreSQL's pg_temp_N, which only this session sees and which goes away with it).
 */
final class SessionRelations {
    private final TableCatalog catalog;
    private final SearchPath path;
    private long tempNamespace;
    /** Sequence values this session reserved ahead (CACHE n): OID → {next to hand out, last reserved}. */
    final java.util.Map<Long, long[]> sequenceCache = new java.util.HashMap<>();
    /** Temporary tables with ON COMMIT DELETE ROWS ('d') or ON COMMIT DROP ('x'), by OID. */
    final java.util.Map<Long, Character> onCommit = new java.util.LinkedHashMap<>();

    SessionRelations(TableCatalog catalog, SearchPath path) {
        this.catalog = catalog;
        this.path = path;
        path.setTempNamespace(() -> tempNamespace, this::ensureTempNamespace);
    }

    SearchPath path() {
        return path;
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

    /** The namespaces an unqualified or qualified name is looked up in, in order; 3F000 for a missing schema. */
    List<Long> searchPath(Snapshot snapshot, String schema) {
        List<Long> out = new ArrayList<>();
        if (schema == null) {
            path.effectiveSchemas(snapshot).forEach(s -> out.add(s.oid()));
        } else if (SearchPath.isTempName(schema)) {
            path.tempSchema().ifPresent(s -> out.add(s.oid()));
        } else {
            out.add(path.qualifier(snapshot, schema).orElseThrow(() -> PgException.of(SqlState.INVALID_SCHEMA_NAME,
                    "schema \"%s\" does not exist", schema)).oid());
        }
        return out;
    }

    Optional<TableInfo> table(Snapshot snapshot, String schema, String name) {
        for (long ns : searchPath(snapshot, schema)) {
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
        for (long ns : searchPath(snapshot, schema)) {
            Optional<SequenceInfo> s = catalog.findSequence(snapshot, ns, name);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** True if any relation (table, index, sequence, view) of that name exists in the namespace. */
    boolean relationExists(Snapshot snapshot, long namespace, String name) {
        return catalog.relationNameExists(snapshot, namespace, name) || path.relation(snapshot, namespace, name).isPresent();
    }

    /** The namespace a CREATE puts a new relation in, and its persistence. */
    long creationNamespace(Snapshot snapshot, RangeVar r) {
        boolean tempName = r.schemaname() != null && SearchPath.isTempName(r.schemaname());
        if (r.relpersistence() == 't' || tempName) {
            if (r.schemaname() != null && !tempName) {
                throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "cannot create temporary relation in non-temporary schema");
            }
            return ensureTempNamespace();
        }
        return path.creationSchema(snapshot, r.schemaname()).oid();
    }

    char persistence(long namespace) {
        return tempNamespace != 0 && namespace == tempNamespace ? 't' : 'p';
    }

    /**
     * A relation's name as a stored expression text names it (a serial column's nextval default): qualified by
     * its schema, except in public and the session's temporary schema, so it still resolves with another search path.
     */
    String sqlName(Snapshot snapshot, long namespace, String name) {
        if (namespace == TableCatalog.PUBLIC_NAMESPACE || namespace == tempNamespace) {
            return name;
        }
        return path.schemaName(snapshot, namespace).map(schema -> schema + "." + name).orElse(name);
    }

    static String qualified(RangeVar r) {
        return r.schemaname() == null ? r.relname() : r.schemaname() + "." + r.relname();
    }
}
