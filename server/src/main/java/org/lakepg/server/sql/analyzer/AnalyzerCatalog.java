package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeEntry;

/**
 * The catalog as name resolution sees it: names looked up along the search path (a qualified
 * name looks only in its schema), nearest schema first.
 */
public interface AnalyzerCatalog extends TypeCatalog {

    /** Functions of this (possibly schema-qualified) name, nearest schema first. */
    List<ProcEntry> functions(List<String> qualifiedName);

    /** Operators of this (possibly schema-qualified) name. */
    List<OperatorEntry> operators(List<String> qualifiedName);

    /** A type by (possibly schema-qualified) name. */
    Optional<TypeEntry> typeByName(List<String> qualifiedName);

    Optional<ProcEntry> function(long oid);

    /** A user table by (possibly schema-qualified) name, as the current statement sees the catalog. */
    default Optional<org.lakepg.server.table.TableInfo> table(List<String> qualifiedName) {
        return Optional.empty();
    }

    /** A pg_catalog / information_schema relation a FROM name means (pg_catalog is searched first). */
    default Optional<org.lakepg.server.systemcatalog.SystemRelation> systemRelation(List<String> qualifiedName) {
        return org.lakepg.server.systemcatalog.SystemRelations.find(qualifiedName);
    }

    /** A view by (possibly schema-qualified) name, when the name means a view rather than a table. */
    default Optional<org.lakepg.server.catalog.objects.ViewInfo> view(List<String> qualifiedName) {
        return Optional.empty();
    }

    /** A call of this function was analyzed (the catalog may note it for the EXECUTE privilege check). */
    default void functionUsed(ProcEntry function) {
    }

    /**
     * The statement reads the column at {@code position} (1-based) of a table it names (the catalog may note it for
     * the column privilege check, as PostgreSQL's selectedCols).
     */
    default void columnRead(long table, int position) {
    }

    /** The table a materialized view keeps its rows in. */
    default Optional<org.lakepg.server.table.TableInfo> materializedRows(org.lakepg.server.catalog.objects.ViewInfo view) {
        return Optional.empty();
    }

    /** Runs the analysis of a view's query (the catalog may note that what it names is read as the view's owner). */
    default <T> T expandingView(org.lakepg.server.catalog.objects.ViewInfo view, java.util.function.Supplier<T> expansion) {
        return expansion.get();
    }

    /**
     * Runs {@code body} with unqualified names looked up along {@code schemas} (OIDs) instead of the search_path
     * setting: a stored definition resolved with the path it was made under, or shown against the session's.
     */
    default <T> T withSearchPath(List<Long> schemas, java.util.function.Supplier<T> body) {
        return body.get();
    }

    /** The schemas (OIDs) unqualified names are looked up in now, as search_path lists them. */
    default List<Long> searchPathSchemas() {
        return List.of();
    }

    /** The indexes of a table, as the current statement sees the catalog. */
    default List<org.lakepg.server.table.IndexInfo> indexes(org.lakepg.server.table.TableInfo table) {
        return List.of();
    }

    /** The constraints of a table (CHECK, keys, foreign keys), as the current statement sees the catalog. */
    default List<org.lakepg.server.table.ConstraintInfo> constraints(org.lakepg.server.table.TableInfo table) {
        return List.of();
    }

    /** The sequence a table column owns (an identity or serial column's), if any. */
    default Optional<org.lakepg.server.table.SequenceInfo> ownedSequence(org.lakepg.server.table.TableInfo table,
                                                                          short attnum) {
        return Optional.empty();
    }

    /**
     * The row-level security policies the current role's use of {@code table} is subject to (those for its roles),
     * or null when row security does not apply to it (not enabled; the owner, unless forced; a superuser).
     */
    default List<org.lakepg.server.catalog.objects.PolicyCatalog.Policy> rowSecurity(
            org.lakepg.server.table.TableInfo table) {
        return null;
    }

    /** The btree comparison function (support 1 of the type's default btree opclass), for ORDER BY and grouping. */
    Optional<ProcEntry> btreeComparison(long type);

    Optional<org.lakepg.server.catalog.AggregateEntry> aggregate(long function);

    /** A user-defined type (enum, domain, composite) by OID, as the current statement sees the catalog. */
    default Optional<org.lakepg.server.catalog.types.UserType> userType(long oid) {
        return Optional.empty();
    }

    /** The operator classes of CREATE OPERATOR CLASS named so (schema-qualified or on the search path), for a method. */
    default List<org.lakepg.server.catalog.objects.OperatorClassCatalog.UserOperatorClass> userOperatorClasses(
            List<String> qualifiedName, String method) {
        return List.of();
    }

    /** An operator class of CREATE OPERATOR CLASS by OID. */
    default Optional<org.lakepg.server.catalog.objects.OperatorClassCatalog.UserOperatorClass> userOperatorClass(
            long oid) {
        return Optional.empty();
    }

    /** Inheritance and partitioning of the user tables, as the current statement sees the catalog. */
    default org.lakepg.server.table.Inheritance inheritance() {
        return org.lakepg.server.table.Inheritance.NONE;
    }

    /** A user table by OID (an inheritance child or partition), as the current statement sees the catalog. */
    default Optional<org.lakepg.server.table.TableInfo> tableByOid(long oid) {
        return Optional.empty();
    }

    /** What the cost model reads: table sizes, statistics, indexes and planner settings. */
    default org.lakepg.server.sql.optimizer.PlannerContext planner() {
        return org.lakepg.server.sql.optimizer.PlannerContext.DEFAULT;
    }
}
