package org.lakepg.server.sql.ast;

/**
 * One ALTER TABLE subcommand; {@code def} carries the node the subtype needs (ColumnDef, Constraint, Expr,
 * TypeName, a List of DefElem, or [RangeVar, PartitionBoundSpec] for ATTACH PARTITION).
 */
public record AlterTableCmd(
        AlterTableType subtype,
        String name,
        int num,
        RoleSpec newowner,
        Object def,
        DropBehavior behavior,
        boolean missingOk) {}
