package org.lakepg.server.sql.ast;

import java.util.List;

/** A column or table constraint of any kind. */
public record Constraint(
        ConstrType contype,
        String conname,
        boolean deferrable,
        boolean initdeferred,
        boolean isNoInherit,
        Expr rawExpr,
        List<String> keys,
        List<String> including,
        List<ExclusionElem> exclusions,
        List<DefElem> options,
        String indexname,
        String indexspace,
        String accessMethod,
        Expr whereClause,
        RangeVar pktable,
        List<String> fkAttrs,
        List<String> pkAttrs,
        char fkMatchtype,
        char fkUpdAction,
        char fkDelAction,
        List<String> fkDelSetCols,
        char generatedWhen,
        boolean nullsNotDistinct,
        boolean skipValidation,
        int location) implements TableElement {
    public enum ConstrType {
        NULL, NOTNULL, DEFAULT, IDENTITY, GENERATED, CHECK, PRIMARY, UNIQUE, EXCLUSION, FOREIGN,
        ATTR_DEFERRABLE, ATTR_NOT_DEFERRABLE, ATTR_DEFERRED, ATTR_IMMEDIATE
    }
}
