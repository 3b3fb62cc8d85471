package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ColumnPrivilegeCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.Snapshot;

/**
 * Privileges on a relation's columns, as PostgreSQL's pg_attribute_aclcheck: a privilege on the whole relation
 * covers every column; otherwise what was granted on the column itself to the role, a role whose privileges it
 * inherits, or PUBLIC. Columns are named by their position in the relation (lakepg's column number) or by name;
 * grants are kept by PostgreSQL's attnum, which stays when earlier columns are dropped.
 */
final class ColumnPrivileges {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final Privileges privileges;

    /** A relation's live column: name, position and attnum. */
    record Column(String name, int position, int attnum) {}

    ColumnPrivileges(ObjectCatalog objects, TableCatalog tables, Privileges privileges) {
        this.objects = objects;
        this.tables = tables;
        this.privileges = privileges;
    }

    /** The live columns of a table or view, in order; empty when the OID names neither. */
    /** Whether a user table, view or sequence has this OID. */
    boolean relationExists(Snapshot snapshot, long relation) {
        return tables.findByOid(snapshot, relation).isPresent() || tables.findSequence(snapshot, relation).isPresent()
                || objects.views().views(snapshot).stream().anyMatch(v -> v.oid() == relation);
    }

    List<Column> columns(Snapshot snapshot, long relation) {
        List<Column> out = new ArrayList<>();
        var table = tables.findByOid(snapshot, relation);
        if (table.isPresent()) {
            for (ColumnInfo c : table.get().columns()) {
                out.add(new Column(c.name(), c.number(), table.get().attnum(c.number())));
            }
            return out;
        }
        objects.views().views(snapshot).stream().filter(v -> v.oid() == relation).findFirst().ifPresent(v ->
                v.columns().forEach(c -> out.add(new Column(c.name(), c.number(), c.number()))));
        return out;
    }

    Optional<Column> byName(Snapshot snapshot, long relation, String name) {
        return columns(snapshot, relation).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Whether the role holds the privilege on the relation or on the column of this attnum. */
    boolean holds(Snapshot snapshot, long role, long relation, long owner, int attnum, char privilege) {
        return privileges.holds(snapshot, role, CatalogClasses.PG_CLASS, relation, owner, privilege)
                || granted(snapshot, role, relation, attnum, privilege, false);
    }

    /** Whether the role holds the privilege on every one of these columns (by position). */
    boolean holdsAll(Snapshot snapshot, long role, long relation, long owner, Collection<Integer> positions,
                     char privilege) {
        if (privileges.holds(snapshot, role, CatalogClasses.PG_CLASS, relation, owner, privilege)) {
            return true;
        }
        List<Column> columns = columns(snapshot, relation);
        for (int position : positions) {
            Column c = columns.stream().filter(x -> x.position() == position).findFirst().orElse(null);
            if (c != null && !granted(snapshot, role, relation, c.attnum(), privilege, false)) {
                return false;
            }
        }
        return true;
    }

    /** has_any_column_privilege: the privilege on the relation or on at least one of its columns. */
    boolean holdsAny(Snapshot snapshot, long role, long relation, long owner, char privilege, boolean grantOption) {
        if (grantOption ? privileges.holdsGrantOption(snapshot, role, CatalogClasses.PG_CLASS, relation, owner, privilege)
                : privileges.holds(snapshot, role, CatalogClasses.PG_CLASS, relation, owner, privilege)) {
            return true;
        }
        for (Column c : columns(snapshot, relation)) {
            if (granted(snapshot, role, relation, c.attnum(), privilege, grantOption)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the grants on columns the relation no longer has (after ALTER TABLE ... DROP COLUMN). */
    void forgetDropped(org.lakepg.server.txn.Transaction txn, long relation) {
        var live = columns(txn.snapshot(), relation).stream().map(Column::attnum).collect(java.util.stream.Collectors.toSet());
        for (ColumnPrivilegeCatalog.Grant g : objects.columnPrivileges().grants(txn.snapshot(), relation)) {
            if (!live.contains(g.attnum())) {
                objects.columnPrivileges().dropColumn(txn, relation, g.attnum());
            }
        }
    }

    /** What was granted on the column itself (with its grant option, when asked). */
    boolean granted(Snapshot snapshot, long role, long relation, int attnum, char privilege, boolean grantOption) {
        for (ColumnPrivilegeCatalog.Grant g : objects.columnPrivileges().grants(snapshot, relation, attnum)) {
            int at = g.privileges().indexOf(privilege);
            if (at < 0 || grantOption && (at + 1 >= g.privileges().length() || g.privileges().charAt(at + 1) != '*')) {
                continue;
            }
            if (g.grantee() == PrivilegeCatalog.PUBLIC || privileges.hasPrivilegesOf(role, g.grantee())) {
                return true;
            }
        }
        return false;
    }
}
