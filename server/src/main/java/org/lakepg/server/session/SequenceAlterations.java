package org.lakepg.server.session;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.auth.Roles;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * ALTER SEQUENCE ... OWNER TO / SET SCHEMA, and the same through ALTER TABLE naming a sequence, which PostgreSQL
 * accepts (pg_dump writes {@code ALTER TABLE seq OWNER TO role}).
 */
final class SequenceAlterations {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess roles;

    SequenceAlterations(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess roles) {
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.roles = roles;
    }

    Optional<SequenceInfo> find(Transaction txn, RangeVar relation) {
        List<String> name = relation.schemaname() == null ? List.of(relation.relname())
                : List.of(relation.schemaname(), relation.relname());
        if (relation.schemaname() != null && objects.schemas().find(txn.snapshot(), relation.schemaname()).isEmpty()) {
            return Optional.empty();
        }
        return searchPath.sequence(txn.snapshot(), name);
    }

    /** ATExecChangeOwner on a sequence: a sequence a column owns follows its table's owner only. */
    Execution setOwner(SequenceInfo sequence, long newOwner, String tag, Transaction txn) {
        long owner = owner(txn, sequence);
        if (owner == newOwner) {
            return Execution.done(tag);
        }
        if (sequence.ownedByTable() != 0) {
            throw linked(PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot change owner of sequence \"%s\"",
                    sequence.name()), sequence, txn);
        }
        if (!roles.superuser()) {
            // as ATExecChangeOwner: the owner, able to become the new owner, who can create in the schema
            roles.requireOwner(owner, "sequence", sequence.name());
            if (!roles.roles().isMemberOf(roles.currentRoleOid(), newOwner)) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \"%s\"",
                        roles.nameOf(newOwner));
            }
            var schema = objects.schemas().find(txn.snapshot(), sequence.namespace());
            if (schema.isPresent() && !new Privileges(objects, roles).holds(txn.snapshot(), newOwner,
                    CatalogClasses.PG_NAMESPACE, schema.get().oid(), schema.get().owner(), 'C')) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema %s",
                        schema.get().name());
            }
        }
        objects.privileges().setOwner(txn, CatalogClasses.PG_CLASS, sequence.oid(), newOwner);
        return Execution.done(tag);
    }

    /** The sequences a table's columns own take the table's new owner, as PostgreSQL's ALTER TABLE recurses. */
    void followTableOwner(long table, long newOwner, Transaction txn) {
        for (SequenceInfo q : tables.sequences(txn.snapshot())) {
            if (q.ownedByTable() == table) {
                objects.privileges().setOwner(txn, CatalogClasses.PG_CLASS, q.oid(), newOwner);
            }
        }
    }

    /** AlterTableNamespace on a sequence; one a column owns moves only with its table. */
    Execution setSchema(SequenceInfo sequence, String newSchema, String tag, Transaction txn) {
        if (sequence.ownedByTable() != 0) {
            throw linked(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot move an owned sequence into another schema"), sequence, txn);
        }
        roles.requireOwner(owner(txn, sequence), "sequence", sequence.name());
        var snapshot = txn.snapshot();
        SchemaInfo schema = searchPath.schema(snapshot, newSchema);
        if (schema.oid() == sequence.namespace()) {
            return Execution.done(tag);
        }
        if (searchPath.relation(snapshot, schema.oid(), sequence.name()).isPresent()
                || tables.findSequence(snapshot, schema.oid(), sequence.name()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists in schema \"%s\"",
                    sequence.name(), schema.name());
        }
        tables.updateSequence(txn, new SequenceInfo(sequence.oid(), sequence.name(), schema.oid(),
                sequence.relation(), sequence.type(), sequence.options(), sequence.cache(), sequence.ownedByTable(),
                sequence.ownedByColumn(), sequence.persistence()));
        return Execution.done(tag);
    }

    private long owner(Transaction txn, SequenceInfo sequence) {
        return objects.privileges().owner(txn.snapshot(), CatalogClasses.PG_CLASS, sequence.oid())
                .orElse(Roles.BOOTSTRAP_SUPERUSER_OID);
    }

    private PgException linked(PgException e, SequenceInfo sequence, Transaction txn) {
        String table = tables.findByOid(txn.snapshot(), sequence.ownedByTable()).map(t -> t.name()).orElse("?");
        return e.withDetail(String.format("Sequence \"%s\" is linked to table \"%s\".", sequence.name(), table));
    }
}
