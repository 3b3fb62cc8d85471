package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lakepg.server.sql.ast.AlterPolicyStmt;
import org.lakepg.server.sql.ast.AlterTableStmt;
import org.lakepg.server.sql.ast.ClusterStmt;
import org.lakepg.server.sql.ast.CopyStmt;
import org.lakepg.server.sql.ast.CreatePolicyStmt;
import org.lakepg.server.sql.ast.CreateTrigStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.IndexStmt;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ReindexStmt;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.sql.ast.RuleStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TruncateStmt;
import org.lakepg.server.sql.ast.VacuumStmt;
import org.lakepg.server.txn.RelationLocks;
import org.lakepg.server.txn.RelationLocks.Request;

/**
 * The relation locks a utility statement takes before it runs, with PostgreSQL's modes: CREATE INDEX and REINDEX
 * SHARE (writers wait, readers do not), CREATE TRIGGER SHARE ROW EXCLUSIVE, ALTER TABLE / DROP / TRUNCATE / RENAME /
 * rules / policies / CLUSTER and DROP INDEX (on the index's table) ACCESS EXCLUSIVE, VACUUM and ANALYZE SHARE UPDATE EXCLUSIVE, COPY FROM ROW EXCLUSIVE and
 * COPY TO ACCESS SHARE. Names that resolve
 * to no table or view are left to the command, which reports them.
 */
final class UtilityLocks {
    private UtilityLocks() {}

    /** {@code resolve}: a table's or view's OID by its qualified name. */
    static List<Request> of(Statement statement, Function<List<String>, Optional<Long>> resolve) {
        return of(statement, resolve, name -> Optional.empty());
    }

    /**
     * {@code indexTable}: the OID of the table an index (by qualified name) belongs to — DROP INDEX locks that table
     * ACCESS EXCLUSIVE, as PostgreSQL does, so no statement is reading through the index as it goes.
     */
    static List<Request> of(Statement statement, Function<List<String>, Optional<Long>> resolve,
                            Function<List<String>, Optional<Long>> indexTable) {
        List<Request> out = new ArrayList<>(1);
        switch (statement) {
            // CONCURRENTLY too: lakepg builds every index in one pass, so writers must wait for it
            case IndexStmt i -> add(out, resolve, i.relation(), RelationLocks.SHARE);
            case ReindexStmt r when r.relation() != null && r.kind().kind() == ObjectType.Kind.TABLE ->
                    add(out, resolve, r.relation(), RelationLocks.SHARE);
            case CreateTrigStmt t -> add(out, resolve, t.relation(), RelationLocks.SHARE_ROW_EXCLUSIVE);
            case AlterTableStmt a -> add(out, resolve, a.relation(), RelationLocks.ACCESS_EXCLUSIVE);
            case RenameStmt r when r.relation() != null -> add(out, resolve, r.relation(), RelationLocks.ACCESS_EXCLUSIVE);
            case RuleStmt r -> add(out, resolve, r.relation(), RelationLocks.ACCESS_EXCLUSIVE);
            case CreatePolicyStmt p -> add(out, resolve, p.table(), RelationLocks.ACCESS_EXCLUSIVE);
            case AlterPolicyStmt p -> add(out, resolve, p.table(), RelationLocks.ACCESS_EXCLUSIVE);
            case ClusterStmt c when c.relation() != null -> add(out, resolve, c.relation(), RelationLocks.ACCESS_EXCLUSIVE);
            case TruncateStmt t -> t.relations().forEach(r -> add(out, resolve, r, RelationLocks.ACCESS_EXCLUSIVE));
            // VACUUM removes dead versions and their index entries: an index built meanwhile would keep entries of
            // removed versions, whose line pointers are then reused. Unlisted tables (VACUUM alone) take none yet.
            case VacuumStmt v when v.rels() != null -> v.rels().forEach(r ->
                    add(out, resolve, r.relation(), RelationLocks.SHARE_UPDATE_EXCLUSIVE));
            case CopyStmt c when c.relation() != null -> add(out, resolve, c.relation(),
                    c.isFrom() ? RelationLocks.ROW_EXCLUSIVE : RelationLocks.ACCESS_SHARE);
            case DropStmt d when dropsRelations(d.removeType().kind()) -> {
                for (Object o : d.objects()) {
                    List<String> name = names(o);
                    if (name != null) {
                        resolve.apply(name).ifPresent(oid ->
                                out.add(new Request(oid, RelationLocks.ACCESS_EXCLUSIVE, String.join(".", name))));
                    }
                }
            }
            case DropStmt d when d.removeType().kind() == ObjectType.Kind.INDEX -> {
                for (Object o : d.objects()) {
                    List<String> name = names(o);
                    if (name != null) {
                        indexTable.apply(name).ifPresent(oid -> out.add(new Request(oid, RelationLocks.ACCESS_EXCLUSIVE,
                                name.get(name.size() - 1))));
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    private static boolean dropsRelations(ObjectType.Kind kind) {
        return switch (kind) {
            case TABLE, VIEW, MATVIEW, FOREIGN_TABLE -> true;
            default -> false;
        };
    }

    private static void add(List<Request> out, Function<List<String>, Optional<Long>> resolve, RangeVar relation,
                            int mode) {
        if (relation == null) {
            return;
        }
        List<String> name = relation.schemaname() == null ? List.of(relation.relname())
                : List.of(relation.schemaname(), relation.relname());
        resolve.apply(name).ifPresent(oid -> out.add(new Request(oid, mode, relation.relname())));
    }

    private static List<String> names(Object o) {
        if (o instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return null;
    }
}
