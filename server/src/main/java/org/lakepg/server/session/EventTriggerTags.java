package org.lakepg.server.session;

import java.util.Locale;
import java.util.Set;
import org.lakepg.server.sql.ast.*;

/**
 * The command tags event triggers know (PostgreSQL's cmdtaglist.h, event_trigger_ok): the tag a statement fires
 * ddl_command_start / ddl_command_end with, and which tags a WHEN TAG IN filter may name.
 */
final class EventTriggerTags {
    private EventTriggerTags() {}

    /** Tags of commands on objects event triggers do not cover (shared objects, event triggers themselves). */
    private static final Set<String> UNSUPPORTED = Set.of("CREATE DATABASE", "ALTER DATABASE", "DROP DATABASE",
            "CREATE ROLE", "ALTER ROLE", "DROP ROLE", "CREATE TABLESPACE", "ALTER TABLESPACE", "DROP TABLESPACE",
            "CREATE EVENT TRIGGER", "ALTER EVENT TRIGGER", "DROP EVENT TRIGGER", "GRANT ROLE", "REVOKE ROLE",
            "ALTER SYSTEM", "REASSIGN OWNED", "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE TABLE",
            "COPY", "VACUUM", "ANALYZE", "CLUSTER", "REINDEX", "SET", "RESET", "SHOW", "BEGIN", "COMMIT", "ROLLBACK",
            "SAVEPOINT", "RELEASE", "START TRANSACTION", "PREPARE", "EXECUTE", "DEALLOCATE", "DECLARE CURSOR", "FETCH",
            "MOVE", "CLOSE CURSOR", "LOCK TABLE", "LISTEN", "NOTIFY", "UNLISTEN", "LOAD", "CHECKPOINT", "DISCARD ALL",
            "DO", "CALL", "EXPLAIN", "SET CONSTRAINTS", "PREPARE TRANSACTION", "COMMIT PREPARED", "ROLLBACK PREPARED");

    /** Objects whose CREATE, ALTER and DROP fire event triggers, as their tags name them. */
    private static final Set<String> OBJECTS = Set.of("ACCESS METHOD", "AGGREGATE", "CAST", "COLLATION", "CONVERSION",
            "DOMAIN", "EXTENSION", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "FUNCTION", "INDEX", "LANGUAGE",
            "MATERIALIZED VIEW", "OPERATOR", "OPERATOR CLASS", "OPERATOR FAMILY", "POLICY", "PROCEDURE", "PUBLICATION",
            "ROUTINE", "RULE", "SCHEMA", "SEQUENCE", "SERVER", "STATISTICS", "SUBSCRIPTION", "TABLE",
            "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY", "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE",
            "TRANSFORM", "TRIGGER", "TYPE", "USER MAPPING", "VIEW", "LARGE OBJECT");

    private static final Set<String> OTHERS = Set.of("COMMENT", "GRANT", "REVOKE", "SECURITY LABEL",
            "IMPORT FOREIGN SCHEMA", "REFRESH MATERIALIZED VIEW", "SELECT INTO", "CREATE TABLE AS",
            "ALTER DEFAULT PRIVILEGES", "DROP OWNED");

    /** Whether a command with this tag fires event triggers. */
    static boolean supported(String tag) {
        if (OTHERS.contains(tag)) {
            return true;
        }
        for (String verb : new String[] {"CREATE ", "ALTER ", "DROP "}) {
            if (tag.startsWith(verb) && OBJECTS.contains(tag.substring(verb.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether PostgreSQL knows this tag at all (a WHEN TAG IN value that is not one is "not recognized"). */
    static boolean recognized(String tag) {
        return supported(tag) || UNSUPPORTED.contains(tag);
    }

    /** The tag a statement fires event triggers with; null when it fires none. */
    static String of(Statement statement) {
        String tag = tag(statement);
        return tag != null && supported(tag) ? tag : null;
    }

    private static String tag(Statement statement) {
        return switch (statement) {
            case CreateStmt c -> "CREATE TABLE";
            case CreateForeignTableStmt c -> "CREATE FOREIGN TABLE";
            case CreateTableAsStmt c -> c.isSelectInto() ? "SELECT INTO"
                    : c.objtype() != null && c.objtype().kind() == ObjectType.Kind.MATVIEW
                    ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS";
            case IndexStmt i -> "CREATE INDEX";
            case ViewStmt v -> "CREATE VIEW";
            case CreateSeqStmt c -> "CREATE SEQUENCE";
            case AlterSeqStmt a -> "ALTER SEQUENCE";
            case AlterTableStmt a -> "ALTER " + object(a.objtype());
            case DropStmt d -> "DROP " + object(d.removeType());
            case CreateFunctionStmt f -> f.isProcedure() ? "CREATE PROCEDURE" : "CREATE FUNCTION";
            case AlterFunctionStmt a -> "ALTER " + object(a.objtype());
            case RenameStmt r -> "ALTER " + renamed(r);
            case AlterObjectSchemaStmt a -> "ALTER " + object(a.objectType());
            case AlterOwnerStmt a -> "ALTER " + object(a.objectType());
            case CommentStmt c -> eventTriggersCover(c.objtype()) ? "COMMENT" : null;
            case SecLabelStmt s -> eventTriggersCover(s.objtype()) ? "SECURITY LABEL" : null;
            case GrantStmt g -> !eventTriggersCover(g.objtype()) ? null : g.isGrant() ? "GRANT" : "REVOKE";
            case CreateSchemaStmt c -> "CREATE SCHEMA";
            case CreateDomainStmt c -> "CREATE DOMAIN";
            case AlterDomainStmt a -> "ALTER DOMAIN";
            case CreateEnumStmt c -> "CREATE TYPE";
            case CompositeTypeStmt c -> "CREATE TYPE";
            case CreateRangeStmt c -> "CREATE TYPE";
            case AlterEnumStmt a -> "ALTER TYPE";
            case AlterTypeStmt a -> "ALTER TYPE";
            case DefineStmt d -> "CREATE " + object(d.kind());
            case CreateTrigStmt c -> "CREATE TRIGGER";
            case RuleStmt r -> "CREATE RULE";
            case CreatePolicyStmt c -> "CREATE POLICY";
            case AlterPolicyStmt a -> "ALTER POLICY";
            case CreateCastStmt c -> "CREATE CAST";
            case CreateOpClassStmt c -> "CREATE OPERATOR CLASS";
            case CreateOpFamilyStmt c -> "CREATE OPERATOR FAMILY";
            case AlterOpFamilyStmt a -> "ALTER OPERATOR FAMILY";
            case AlterOperatorStmt a -> "ALTER OPERATOR";
            case CreateExtensionStmt c -> "CREATE EXTENSION";
            case CreateFdwStmt c -> "CREATE FOREIGN DATA WRAPPER";
            case AlterFdwStmt a -> "ALTER FOREIGN DATA WRAPPER";
            case CreateForeignServerStmt c -> "CREATE SERVER";
            case AlterForeignServerStmt a -> "ALTER SERVER";
            case CreateUserMappingStmt c -> "CREATE USER MAPPING";
            case AlterUserMappingStmt a -> "ALTER USER MAPPING";
            case DropUserMappingStmt d -> "DROP USER MAPPING";
            case ImportForeignSchemaStmt i -> "IMPORT FOREIGN SCHEMA";
            case RefreshMatViewStmt r -> "REFRESH MATERIALIZED VIEW";
            case CreateStatsStmt c -> "CREATE STATISTICS";
            case AlterStatsStmt a -> "ALTER STATISTICS";
            case AlterDefaultPrivilegesStmt a -> "ALTER DEFAULT PRIVILEGES";
            case DropOwnedStmt d -> "DROP OWNED";
            case CreateAmStmt c -> "CREATE ACCESS METHOD";
            case CreateConversionStmt c -> "CREATE CONVERSION";
            case CreatePLangStmt c -> "CREATE LANGUAGE";
            case CreateTransformStmt c -> "CREATE TRANSFORM";
            case CreatePublicationStmt c -> "CREATE PUBLICATION";
            case AlterPublicationStmt a -> "ALTER PUBLICATION";
            case AlterCollationStmt a -> "ALTER COLLATION";
            case AlterTSConfigurationStmt a -> "ALTER TEXT SEARCH CONFIGURATION";
            case AlterTSDictionaryStmt a -> "ALTER TEXT SEARCH DICTIONARY";
            default -> null;
        };
    }

    /** EventTriggerSupportsObjectType: GRANT, COMMENT ... on shared objects and event triggers fire nothing. */
    private static boolean eventTriggersCover(ObjectType type) {
        if (type == null) {
            return true;
        }
        return switch (type.kind()) {
            case DATABASE, ROLE, TABLESPACE, EVENT_TRIGGER, PARAMETER_ACL -> false;
            default -> true;
        };
    }

    /** AlterObjectTypeCommandTag for RENAME: a column or constraint renames through its table or domain. */
    private static String renamed(RenameStmt r) {
        return switch (r.renameType().kind()) {
            case COLUMN, TABCONSTRAINT -> r.relationType() == null ? "TABLE" : object(r.relationType());
            case ATTRIBUTE -> "TYPE";
            case DOMCONSTRAINT -> "DOMAIN";
            default -> object(r.renameType());
        };
    }

    /** An object kind as command tags name it. */
    private static String object(ObjectType type) {
        if (type == null) {
            return "TABLE";
        }
        return switch (type.kind()) {
            case MATVIEW -> "MATERIALIZED VIEW";
            case FOREIGN_TABLE -> "FOREIGN TABLE";
            case FDW -> "FOREIGN DATA WRAPPER";
            case FOREIGN_SERVER -> "SERVER";
            case OPCLASS -> "OPERATOR CLASS";
            case OPFAMILY -> "OPERATOR FAMILY";
            case STATISTIC_EXT -> "STATISTICS";
            case TSCONFIGURATION -> "TEXT SEARCH CONFIGURATION";
            case TSDICTIONARY -> "TEXT SEARCH DICTIONARY";
            case TSPARSER -> "TEXT SEARCH PARSER";
            case TSTEMPLATE -> "TEXT SEARCH TEMPLATE";
            case LARGEOBJECT -> "LARGE OBJECT";
            case TABCONSTRAINT, COLUMN -> "TABLE";
            case DOMCONSTRAINT -> "DOMAIN";
            default -> type.kind().name().replace('_', ' ').toUpperCase(Locale.ROOT);
        };
    }
}
