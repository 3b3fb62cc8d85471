package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AlterTableCmd;
import org.lakepg.server.sql.ast.AlterTableType;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.SqlState;

/**
 * ALTER TABLE's subcommands (columns, constraints, options, triggers, inheritance, partitions, identity, owner,
 * storage).
 */
abstract class AlterTableCmdParser extends GrantParser {

    AlterTableCmdParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    final List<AlterTableCmd> alterTableCmds() {
        List<AlterTableCmd> cmds = new ArrayList<>();
        do {
            cmds.add(alterTableCmd());
        } while (acceptPunct(","));
        return cmds;
    }

    private AlterTableCmd cmd(AlterTableType.Kind kind, String name, Object def) {
        return new AlterTableCmd(new AlterTableType(kind), name, 0, null, def, null, false);
    }

    private AlterTableCmd alterTableCmd() {
        if (accept("add")) {
            if (at("constraint") || at("check") || at("unique") || at("primary") || at("exclude") || at("foreign")) {
                return cmd(AlterTableType.Kind.ADD_CONSTRAINT, null, tableConstraint());
            }
            accept("column");
            boolean ifNotExists = acceptSeq("if", "not", "exists");
            return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.ADD_COLUMN), null, 0, null, columnDef(), null,
                    ifNotExists);
        }
        if (accept("drop")) {
            if (accept("constraint")) {
                boolean ifExists = acceptSeq("if", "exists");
                String name = colId();
                return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_CONSTRAINT), name, 0, null, null,
                        dropBehavior(), ifExists);
            }
            accept("column");
            boolean ifExists = acceptSeq("if", "exists");
            String name = colId();
            return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_COLUMN), name, 0, null, null,
                    dropBehavior(), ifExists);
        }
        if (accept("alter")) {
            if (accept("constraint")) {
                String name = colId();
                ConstraintBuilder b = new ConstraintBuilder(Constraint.ConstrType.FOREIGN, name, -1);
                constraintAttributes(b);
                return cmd(AlterTableType.Kind.ALTER_CONSTRAINT, name, b.build());
            }
            accept("column");
            return alterColumn();
        }
        if (accept("validate")) {
            expect("constraint");
            return cmd(AlterTableType.Kind.VALIDATE_CONSTRAINT, colId(), null);
        }
        if (acceptSeq("owner", "to")) {
            return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.CHANGE_OWNER), null, 0, roleSpec(), null, null,
                    false);
        }
        if (acceptSeq("cluster", "on")) {
            return cmd(AlterTableType.Kind.CLUSTER_ON, colId(), null);
        }
        if (accept("set")) {
            if (acceptSeq("without", "cluster")) {
                return cmd(AlterTableType.Kind.DROP_CLUSTER, null, null);
            }
            if (acceptSeq("without", "oids")) {
                return cmd(AlterTableType.Kind.DROP_OIDS, null, null);
            }
            if (accept("logged")) {
                return cmd(AlterTableType.Kind.SET_LOGGED, null, null);
            }
            if (accept("unlogged")) {
                return cmd(AlterTableType.Kind.SET_UNLOGGED, null, null);
            }
            if (accept("tablespace")) {
                return cmd(AlterTableType.Kind.SET_TABLESPACE, colId(), null);
            }
            if (acceptSeq("access", "method")) {
                return cmd(AlterTableType.Kind.SET_ACCESS_METHOD, colId(), null);
            }
            return cmd(AlterTableType.Kind.SET_REL_OPTIONS, null, relOptions());
        }
        if (accept("reset")) {
            return cmd(AlterTableType.Kind.RESET_REL_OPTIONS, null, relOptions());
        }
        if (accept("enable") || accept("disable")) {
            boolean enable = tokens.get(p - 1).value().equals("enable");
            String variant = null;
            if (enable && (accept("always") || accept("replica"))) {
                variant = tokens.get(p - 1).value();
            }
            if (accept("trigger")) {
                if (accept("all")) {
                    return cmd(enable ? AlterTableType.Kind.ENABLE_TRIG_ALL : AlterTableType.Kind.DISABLE_TRIG_ALL, null,
                            null);
                }
                if (accept("user")) {
                    return cmd(enable ? AlterTableType.Kind.ENABLE_TRIG_USER : AlterTableType.Kind.DISABLE_TRIG_USER,
                            null, null);
                }
                AlterTableType.Kind k = !enable ? AlterTableType.Kind.DISABLE_TRIG : variant == null
                        ? AlterTableType.Kind.ENABLE_TRIG : variant.equals("always") ? AlterTableType.Kind.ENABLE_ALWAYS_TRIG
                        : AlterTableType.Kind.ENABLE_REPLICA_TRIG;
                return cmd(k, colId(), null);
            }
            if (accept("rule")) {
                AlterTableType.Kind k = !enable ? AlterTableType.Kind.DISABLE_RULE : variant == null
                        ? AlterTableType.Kind.ENABLE_RULE : variant.equals("always") ? AlterTableType.Kind.ENABLE_ALWAYS_RULE
                        : AlterTableType.Kind.ENABLE_REPLICA_RULE;
                return cmd(k, colId(), null);
            }
            expect("row");
            expect("level");
            expect("security");
            return cmd(enable ? AlterTableType.Kind.ENABLE_ROW_SECURITY : AlterTableType.Kind.DISABLE_ROW_SECURITY, null,
                    null);
        }
        if (acceptSeq("force", "row", "level", "security")) {
            return cmd(AlterTableType.Kind.FORCE_ROW_SECURITY, null, null);
        }
        if (acceptSeq("no", "force", "row", "level", "security")) {
            return cmd(AlterTableType.Kind.NO_FORCE_ROW_SECURITY, null, null);
        }
        if (accept("inherit")) {
            return cmd(AlterTableType.Kind.ADD_INHERIT, null, qualifiedName());
        }
        if (acceptSeq("no", "inherit")) {
            return cmd(AlterTableType.Kind.DROP_INHERIT, null, qualifiedName());
        }
        if (accept("of")) {
            return cmd(AlterTableType.Kind.ADD_OF, null, new TypeName(anyName(), List.of(), List.of(), false, false, -1));
        }
        if (acceptSeq("not", "of")) {
            return cmd(AlterTableType.Kind.DROP_OF, null, null);
        }
        if (acceptSeq("replica", "identity")) {
            String what;
            if (accept("default") || accept("full") || accept("nothing")) {
                what = tokens.get(p - 1).value();
            } else {
                expect("using");
                expect("index");
                what = "index:" + colId();
            }
            return cmd(AlterTableType.Kind.REPLICA_IDENTITY, what, null);
        }
        if (at("options") && peek(1).isPunct("(")) {
            next();
            return cmd(AlterTableType.Kind.GENERIC_OPTIONS, null, genericOptions());
        }
        if (acceptSeq("attach", "partition")) {
            RangeVar part = qualifiedName();
            return cmd(AlterTableType.Kind.ATTACH_PARTITION, null, List.of(part, partitionBound()));
        }
        if (acceptSeq("detach", "partition")) {
            RangeVar part = qualifiedName();
            if (accept("finalize")) {
                return cmd(AlterTableType.Kind.DETACH_PARTITION_FINALIZE, null, part);
            }
            boolean concurrently = accept("concurrently");
            return cmd(AlterTableType.Kind.DETACH_PARTITION, concurrently ? "concurrently" : null, part);
        }
        throw syntaxError();
    }

    private AlterTableCmd alterColumn() {
        int num = 0;
        String col = null;
        if (peek().kind() == TokenKind.ICONST) {
            int numLoc = pos();
            num = iconst();
            if (num <= 0 || num > 32767) {
                throw errorAt(SqlState.INVALID_PARAMETER_VALUE, numLoc, "column number must be in range from 1 to %d",
                        32767);
            }
        } else {
            col = colId();
        }
        AlterTableCmd c;
        if (accept("set")) {
            if (accept("default")) {
                c = cmd(AlterTableType.Kind.COLUMN_DEFAULT, col, aExpr());
            } else if (acceptSeq("not", "null")) {
                c = cmd(AlterTableType.Kind.SET_NOT_NULL, col, null);
            } else if (accept("statistics")) {
                c = cmd(AlterTableType.Kind.SET_STATISTICS, col, numericOnly());
            } else if (accept("storage")) {
                c = cmd(AlterTableType.Kind.SET_STORAGE, col, colId());
            } else if (accept("compression")) {
                c = cmd(AlterTableType.Kind.SET_COMPRESSION, col, at("default") ? next().value() : colId());
            } else if (accept("data")) {
                expect("type");
                c = alterColumnType(col);
            } else if (atPunct("(")) {
                c = cmd(AlterTableType.Kind.SET_OPTIONS, col, relOptions());
            } else {
                // SET GENERATED ... / SET sequence options: identity changes, possibly repeated
                List<DefElem> opts = new ArrayList<>();
                p--;
                while (accept("set")) {
                    int loc = pos();
                    if (accept("generated")) {
                        String when = accept("always") ? "always" : "by default";
                        if (when.equals("by default")) {
                            expect("by");
                            expect("default");
                        }
                        opts.add(new DefElem(null, "generated", when, DefElem.Action.UNSPEC, loc));
                    } else {
                        List<DefElem> seq = sequenceOptions(false);
                        if (seq.isEmpty()) {
                            throw syntaxError();
                        }
                        opts.addAll(seq);
                    }
                }
                while (at("restart")) {
                    opts.addAll(sequenceOptions(false));
                }
                c = cmd(AlterTableType.Kind.SET_IDENTITY, col, opts);
            }
        } else if (accept("drop")) {
            if (accept("default")) {
                c = cmd(AlterTableType.Kind.COLUMN_DEFAULT, col, null);
            } else if (acceptSeq("not", "null")) {
                c = cmd(AlterTableType.Kind.DROP_NOT_NULL, col, null);
            } else if (accept("expression")) {
                boolean ifExists = acceptSeq("if", "exists");
                c = new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_EXPRESSION), col, 0, null, null, null,
                        ifExists);
            } else {
                expect("identity");
                boolean ifExists = acceptSeq("if", "exists");
                c = new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_IDENTITY), col, 0, null, null, null,
                        ifExists);
            }
        } else if (at("restart")) {
            c = cmd(AlterTableType.Kind.SET_IDENTITY, col, sequenceOptions(false));
        } else if (accept("add")) {
            Constraint identity = columnConstraint();
            if (identity == null || identity.contype() != Constraint.ConstrType.IDENTITY) {
                throw syntaxError();
            }
            c = cmd(AlterTableType.Kind.ADD_IDENTITY, col, identity);
        } else if (accept("reset")) {
            c = cmd(AlterTableType.Kind.RESET_OPTIONS, col, relOptions());
        } else if (accept("type")) {
            c = alterColumnType(col);
        } else if (at("options") && peek(1).isPunct("(")) {
            next();
            c = cmd(AlterTableType.Kind.ALTER_COLUMN_GENERIC_OPTIONS, col, genericOptions());
        } else {
            throw syntaxError();
        }
        return num == 0 ? c : new AlterTableCmd(c.subtype(), null, num, null, c.def(), null, false);
    }

    private AlterTableCmd alterColumnType(String col) {
        int loc = pos();
        TypeName type = typeName();
        CollateClause collate = null;
        if (at("collate")) {
            int cloc = next().start();
            collate = new CollateClause(null, anyName(), cloc);
        }
        Expr using = accept("using") ? aExpr() : null;
        List<Constraint> raw = new ArrayList<>();
        if (using != null) {
            ConstraintBuilder b = new ConstraintBuilder(Constraint.ConstrType.DEFAULT, "using", loc);
            b.rawExpr = using;
            raw.add(b.build());
        }
        return cmd(AlterTableType.Kind.ALTER_COLUMN_TYPE, col, new ColumnDef(col, type, null, raw, collate, null,
                List.of(), loc));
    }
}
