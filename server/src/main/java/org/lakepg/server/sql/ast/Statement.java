package org.lakepg.server.sql.ast;

/** A parsed SQL statement, one record per kind, named after PostgreSQL's parse nodes. */
public sealed interface Statement permits
        SelectStmt, InsertStmt, UpdateStmt, DeleteStmt, MergeStmt, CreateStmt, CreateTableAsStmt, IndexStmt,
        AlterTableStmt, DropStmt, TruncateStmt, TransactionStmt, VariableSetStmt, VariableShowStmt,
        ExplainStmt, CopyStmt, PrepareStmt, ExecuteStmt, DeallocateStmt, DeclareCursorStmt, FetchStmt,
        ClosePortalStmt, ViewStmt, CreateSeqStmt, AlterSeqStmt, CreateSchemaStmt, CreateFunctionStmt,
        DoStmt, CallStmt, CreateDomainStmt, CreateEnumStmt, CompositeTypeStmt, CreateRangeStmt, DefineStmt,
        GrantStmt, GrantRoleStmt, CreateRoleStmt, AlterRoleStmt, DropRoleStmt, CommentStmt, VacuumStmt,
        LockStmt, ListenStmt, UnlistenStmt, NotifyStmt, DiscardStmt, CheckPointStmt, LoadStmt, RuleStmt,
        CreateTrigStmt, CreateEventTrigStmt, ReindexStmt, ClusterStmt, RefreshMatViewStmt, CreatedbStmt,
        AlterDatabaseStmt, DropdbStmt, CreateExtensionStmt, RenameStmt, AlterObjectSchemaStmt,
        AlterOwnerStmt, AlterFunctionStmt, AlterDomainStmt, AlterEnumStmt, CreateCastStmt, CreatePolicyStmt,
        CreateStatsStmt, SecLabelStmt, UtilityStmt, ReturnStmt, ConstraintsSetStmt,
        AlterDefaultPrivilegesStmt, DropOwnedStmt, ReassignOwnedStmt, CreateTableSpaceStmt, DropTableSpaceStmt,
        AlterTableSpaceOptionsStmt, AlterTypeStmt, CreatePublicationStmt, AlterPublicationStmt, CreateSubscriptionStmt,
        AlterSubscriptionStmt, DropSubscriptionStmt, CreateFdwStmt, AlterFdwStmt, CreateForeignServerStmt,
        AlterForeignServerStmt, CreateUserMappingStmt, AlterUserMappingStmt, DropUserMappingStmt,
        CreateForeignTableStmt, ImportForeignSchemaStmt, AlterPolicyStmt, AlterStatsStmt, CreateOpClassStmt,
        CreateOpFamilyStmt, AlterOpFamilyStmt, AlterTSConfigurationStmt, AlterTSDictionaryStmt, CreateConversionStmt,
        CreateAmStmt, AlterEventTrigStmt, AlterTableMoveAllStmt, AlterOperatorStmt, AlterCollationStmt,
        CreatePLangStmt, CreateTransformStmt, AlterSystemStmt {
}
