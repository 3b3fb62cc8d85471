package org.lakepg.server.sql.parser;

import java.util.List;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.ExclusionElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RangeVar;

/** Mutable staging for Constraint's many fields (most are unused by any one constraint kind). */
final class ConstraintBuilder {
    Constraint.ConstrType contype;
    String conname;
    boolean deferrable;
    boolean initdeferred;
    boolean isNoInherit;
    Expr rawExpr;
    List<String> keys = List.of();
    List<String> including = List.of();
    List<ExclusionElem> exclusions = List.of();
    List<DefElem> options = List.of();
    String indexname;
    String indexspace;
    String accessMethod;
    Expr whereClause;
    RangeVar pktable;
    List<String> fkAttrs = List.of();
    List<String> pkAttrs = List.of();
    char fkMatchtype = 's';
    char fkUpdAction = 'a';
    char fkDelAction = 'a';
    List<String> fkDelSetCols = List.of();
    char generatedWhen;
    boolean nullsNotDistinct;
    boolean skipValidation;
    int location;

    ConstraintBuilder(Constraint.ConstrType contype, String conname, int location) {
        this.contype = contype;
        this.conname = conname;
        this.location = location;
    }

    Constraint build() {
        return new Constraint(contype, conname, deferrable, initdeferred, isNoInherit, rawExpr, keys, including,
                exclusions, options, indexname, indexspace, accessMethod, whereClause, pktable, fkAttrs, pkAttrs,
                fkMatchtype, fkUpdAction, fkDelAction, fkDelSetCols, generatedWhen, nullsNotDistinct, skipValidation,
                location);
    }
}
