package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.ExclusionElem;
import org.lakepg.server.sql.ast.IndexElem;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Column and table constraints of every kind with their attributes, sequence options, and the generic
 * option lists (reloptions, definitions, OPTIONS) that DDL statements share. */
abstract class ConstraintParser extends DmlParser {

    ConstraintParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** ColConstraint, or null when none starts here. */
    final Constraint columnConstraint() {
        int loc = pos();
        String name = null;
        if (at("constraint")) {
            next();
            name = colId();
        }
        Token t = peek();
        ConstraintBuilder b;
        if (acceptSeq("not", "null")) {
            b = new ConstraintBuilder(Constraint.ConstrType.NOTNULL, name, loc);
        } else if (accept("null")) {
            b = new ConstraintBuilder(Constraint.ConstrType.NULL, name, loc);
        } else if (accept("unique")) {
            b = new ConstraintBuilder(Constraint.ConstrType.UNIQUE, name, loc);
            b.nullsNotDistinct = nullsDistinct();
            indexParameters(b);
        } else if (acceptSeq("primary", "key")) {
            b = new ConstraintBuilder(Constraint.ConstrType.PRIMARY, name, loc);
            indexParameters(b);
        } else if (accept("check")) {
            b = new ConstraintBuilder(Constraint.ConstrType.CHECK, name, loc);
            expectPunct("(");
            b.rawExpr = aExpr();
            expectPunct(")");
            if (acceptSeq("no", "inherit")) {
                b.isNoInherit = true;
            }
        } else if (accept("default")) {
            b = new ConstraintBuilder(Constraint.ConstrType.DEFAULT, name, loc);
            b.rawExpr = bExpr();
        } else if (accept("generated")) {
            char when;
            if (accept("always")) {
                when = 'a';
            } else {
                expect("by");
                expect("default");
                when = 'd';
            }
            expect("as");
            if (accept("identity")) {
                b = new ConstraintBuilder(Constraint.ConstrType.IDENTITY, name, loc);
                b.generatedWhen = when;
                if (atPunct("(")) {
                    next();
                    b.options = sequenceOptions(true);
                    expectPunct(")");
                }
            } else {
                b = new ConstraintBuilder(Constraint.ConstrType.GENERATED, name, loc);
                b.generatedWhen = when;
                expectPunct("(");
                b.rawExpr = aExpr();
                expectPunct(")");
                expect("stored");
            }
        } else if (accept("references")) {
            b = new ConstraintBuilder(Constraint.ConstrType.FOREIGN, name, loc);
            foreignKeyTail(b);
        } else if (at("deferrable") || at("initially") || atSeq("not", "deferrable")) {
            if (name != null) {
                throw syntaxError();
            }
            ConstraintBuilder attr;
            if (accept("deferrable")) {
                attr = new ConstraintBuilder(Constraint.ConstrType.ATTR_DEFERRABLE, null, loc);
            } else if (accept("not")) {
                next();
                attr = new ConstraintBuilder(Constraint.ConstrType.ATTR_NOT_DEFERRABLE, null, loc);
            } else {
                next();
                attr = new ConstraintBuilder(accept("deferred") ? Constraint.ConstrType.ATTR_DEFERRED
                        : Constraint.ConstrType.ATTR_IMMEDIATE, null, loc);
                if (attr.contype == Constraint.ConstrType.ATTR_IMMEDIATE) {
                    expect("immediate");
                }
            }
            return attr.build();
        } else {
            if (name != null) {
                throw syntaxErrorAt(t);
            }
            if (at("not")) {
                next();
                throw syntaxError();
            }
            return null;
        }
        return b.build();
    }

    final boolean nullsDistinct() {
        if (at("nulls") && (peek(1).isKeyword("distinct") || peek(1).isKeyword("not"))) {
            next();
            boolean not = accept("not");
            expect("distinct");
            return not;
        }
        return false;
    }

    /** opt_definition (WITH (...)) and OptConsTableSpace (USING INDEX TABLESPACE x). */
    private void indexParameters(ConstraintBuilder b) {
        if (at("with") && peek(1).isPunct("(")) {
            next();
            b.options = relOptions();
        }
        if (acceptSeq("using", "index", "tablespace")) {
            b.indexspace = colId();
        }
    }

    private void foreignKeyTail(ConstraintBuilder b) {
        b.pktable = qualifiedName();
        if (atPunct("(")) {
            b.pkAttrs = parenColIdList();
        }
        if (accept("match")) {
            if (accept("full")) {
                b.fkMatchtype = 'f';
            } else if (accept("partial")) {
                b.fkMatchtype = 'p';
            } else {
                expect("simple");
                b.fkMatchtype = 's';
            }
        }
        if (at("on") && !peek(1).isKeyword("delete") && !peek(1).isKeyword("update") && !peek(1).isKeyword("commit")) {
            next();
            throw syntaxError();
        }
        while (at("on") && (peek(1).isKeyword("delete") || peek(1).isKeyword("update"))) {
            next();
            boolean delete = next().value().equals("delete");
            char action;
            List<String> cols = List.of();
            if (acceptSeq("no", "action")) {
                action = 'a';
            } else if (accept("restrict")) {
                action = 'r';
            } else if (accept("cascade")) {
                action = 'c';
            } else {
                expect("set");
                if (accept("null")) {
                    action = 'n';
                } else {
                    expect("default");
                    action = 'd';
                }
                if (atPunct("(")) {
                    cols = parenColIdList();
                }
            }
            if (delete) {
                b.fkDelAction = action;
                b.fkDelSetCols = cols;
            } else {
                b.fkUpdAction = action;
            }
        }
    }

    /** TableConstraint: [CONSTRAINT name] CHECK/UNIQUE/PRIMARY KEY/EXCLUDE/FOREIGN KEY ... attributes. */
    final Constraint tableConstraint() {
        int loc = pos();
        String name = null;
        if (accept("constraint")) {
            name = colId();
        }
        ConstraintBuilder b;
        if (accept("check")) {
            b = new ConstraintBuilder(Constraint.ConstrType.CHECK, name, loc);
            expectPunct("(");
            b.rawExpr = aExpr();
            expectPunct(")");
        } else if (accept("unique") || acceptSeq("primary", "key")) {
            boolean unique = tokens.get(p - 1).isKeyword("unique");
            b = new ConstraintBuilder(unique ? Constraint.ConstrType.UNIQUE : Constraint.ConstrType.PRIMARY, name, loc);
            if (unique) {
                b.nullsNotDistinct = nullsDistinct();
            }
            if (acceptSeq("using", "index")) {
                b.indexname = colId();
            } else {
                b.keys = parenColIdList();
                if (accept("include")) {
                    b.including = parenColIdList();
                }
                indexParameters(b);
            }
        } else if (accept("exclude")) {
            b = new ConstraintBuilder(Constraint.ConstrType.EXCLUSION, name, loc);
            b.accessMethod = accept("using") ? colId() : "gist";
            expectPunct("(");
            List<ExclusionElem> elems = new ArrayList<>();
            do {
                IndexElem e = indexElem();
                expect("with");
                List<String> op = operatorName();
                elems.add(new ExclusionElem(e, op));
            } while (acceptPunct(","));
            expectPunct(")");
            b.exclusions = elems;
            if (accept("include")) {
                b.including = parenColIdList();
            }
            indexParameters(b);
            if (accept("where")) {
                expectPunct("(");
                b.whereClause = aExpr();
                expectPunct(")");
            }
        } else {
            expect("foreign");
            expect("key");
            b = new ConstraintBuilder(Constraint.ConstrType.FOREIGN, name, loc);
            b.fkAttrs = parenColIdList();
            expect("references");
            foreignKeyTail(b);
        }
        constraintAttributes(b);
        checkAttributesAllowed(b);
        return b.build();
    }

    /** ConstraintAttributeSpec: [NOT] DEFERRABLE, INITIALLY DEFERRED/IMMEDIATE, NOT VALID, NO INHERIT. */
    /** gram.y's processCASbits: which attributes each kind of table constraint may carry. */
    private void checkAttributesAllowed(ConstraintBuilder b) {
        String kind = switch (b.contype) {
            case CHECK -> "CHECK";
            case UNIQUE -> "UNIQUE";
            case PRIMARY -> "PRIMARY KEY";
            case EXCLUSION -> "EXCLUDE";
            case FOREIGN -> "FOREIGN KEY";
            default -> null;
        };
        if (kind == null) {
            return;
        }
        boolean check = b.contype == Constraint.ConstrType.CHECK;
        if (check && (b.deferrable || b.initdeferred)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s constraints cannot be marked DEFERRABLE", kind);
        }
        if (b.skipValidation && !check && b.contype != Constraint.ConstrType.FOREIGN) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s constraints cannot be marked NOT VALID", kind);
        }
        if (b.isNoInherit && !check) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s constraints cannot be marked NO INHERIT", kind);
        }
    }

    final void constraintAttributes(ConstraintBuilder b) {
        while (true) {
            if (accept("deferrable")) {
                b.deferrable = true;
            } else if (acceptSeq("not", "deferrable")) {
                b.deferrable = false;
            } else if (acceptSeq("initially", "deferred")) {
                b.initdeferred = true;
            } else if (acceptSeq("initially", "immediate")) {
                b.initdeferred = false;
            } else if (acceptSeq("not", "valid")) {
                b.skipValidation = true;
            } else if (acceptSeq("no", "inherit")) {
                b.isNoInherit = true;
            } else {
                return;
            }
        }
    }

    /** SeqOptList, used by CREATE/ALTER SEQUENCE and identity columns. */
    final List<DefElem> sequenceOptions(boolean inParens) {
        List<DefElem> opts = new ArrayList<>();
        while (true) {
            int loc = pos();
            if (accept("as")) {
                opts.add(new DefElem(null, "as", typeName(), DefElem.Action.UNSPEC, loc));
            } else if (accept("cache")) {
                opts.add(new DefElem(null, "cache", numericOnly(), DefElem.Action.UNSPEC, loc));
            } else if (accept("cycle")) {
                opts.add(new DefElem(null, "cycle", Boolean.TRUE, DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("no", "cycle")) {
                opts.add(new DefElem(null, "cycle", Boolean.FALSE, DefElem.Action.UNSPEC, loc));
            } else if (accept("increment")) {
                accept("by");
                opts.add(new DefElem(null, "increment", numericOnly(), DefElem.Action.UNSPEC, loc));
            } else if (accept("maxvalue")) {
                opts.add(new DefElem(null, "maxvalue", numericOnly(), DefElem.Action.UNSPEC, loc));
            } else if (accept("minvalue")) {
                opts.add(new DefElem(null, "minvalue", numericOnly(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("no", "maxvalue")) {
                opts.add(new DefElem(null, "maxvalue", null, DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("no", "minvalue")) {
                opts.add(new DefElem(null, "minvalue", null, DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("owned", "by")) {
                opts.add(new DefElem(null, "owned_by", anyName(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("sequence", "name")) {
                opts.add(new DefElem(null, "sequence_name", anyName(), DefElem.Action.UNSPEC, loc));
            } else if (accept("start")) {
                accept("with");
                opts.add(new DefElem(null, "start", numericOnly(), DefElem.Action.UNSPEC, loc));
            } else if (accept("restart")) {
                Object v = accept("with") || atNumber() ? numericOnly() : null;
                opts.add(new DefElem(null, "restart", v, DefElem.Action.UNSPEC, loc));
            } else if (accept("logged") || accept("unlogged")) {
                opts.add(new DefElem(null, tokens.get(p - 1).value(), null, DefElem.Action.UNSPEC, loc));
            } else {
                return opts;
            }
        }
    }

    final boolean atNumber() {
        TokenKind k = peek().kind();
        if (k == TokenKind.ICONST || k == TokenKind.FCONST) {
            return true;
        }
        return (atOp("-") || atOp("+")) && (peek(1).kind() == TokenKind.ICONST || peek(1).kind() == TokenKind.FCONST);
    }

    /** NumericOnly: [+-] integer or decimal, as an AConst. */
    final AConst numericOnly() {
        int loc = pos();
        boolean neg = acceptOp("-");
        if (!neg) {
            acceptOp("+");
        }
        Token t = peek();
        if (t.kind() != TokenKind.ICONST && t.kind() != TokenKind.FCONST) {
            throw syntaxError();
        }
        next();
        return new AConst(t.kind() == TokenKind.ICONST ? AConst.Kind.INTEGER : AConst.Kind.NUMERIC,
                neg ? "-" + t.value() : t.value(), loc);
    }

    @Override
    final List<DefElem> relOptions() {
        expectPunct("(");
        List<DefElem> opts = new ArrayList<>();
        do {
            int loc = pos();
            String name = colLabel();
            String namespace = null;
            if (acceptPunct(".")) {
                namespace = name;
                name = colLabel();
            }
            Object arg = null;
            if (acceptOp("=")) {
                arg = defArg();
            }
            opts.add(new DefElem(namespace, name, arg, DefElem.Action.UNSPEC, loc));
        } while (acceptPunct(","));
        expectPunct(")");
        return opts;
    }

    /** def_arg: a type or function name, reserved word, operator, number, string or NONE. */
    final Object defArg() {
        Token t = peek();
        if (t.kind() == TokenKind.SCONST) {
            next();
            return t.value();
        }
        if (atNumber()) {
            return numericOnly();
        }
        if (t.kind() == TokenKind.OP) {
            return operatorName();
        }
        if (t.isKeyword("operator") && peek(1).isPunct("(")) {
            return operatorName();
        }
        if (t.kind() == TokenKind.KEYWORD && t.keyword().category() == Keywords.Category.RESERVED
                && !atSqlStandardTypeKeyword()) {
            next();
            return t.value();
        }
        if (t.isKeyword("none")) {
            next();
            return "none";
        }
        return typeName();
    }

    /** definition: '(' def_elem [, ...] ')' where def_elem is ColLabel [= def_arg]. */
    final List<DefElem> definition() {
        expectPunct("(");
        List<DefElem> defs = new ArrayList<>();
        do {
            int loc = pos();
            String name = colLabel();
            Object arg = acceptOp("=") ? defArg() : null;
            defs.add(new DefElem(null, name, arg, DefElem.Action.UNSPEC, loc));
        } while (acceptPunct(","));
        expectPunct(")");
        return defs;
    }

    /** create_generic_options / alter_generic_options: OPTIONS ( [ADD|SET|DROP] name 'value' , ... ). */
    final List<DefElem> genericOptions() {
        expectPunct("(");
        List<DefElem> opts = new ArrayList<>();
        do {
            int loc = pos();
            DefElem.Action action = DefElem.Action.UNSPEC;
            if (at("add") && !peek(1).isPunct(",") && !peek(1).kind().equals(TokenKind.SCONST)) {
                next();
                action = DefElem.Action.ADD;
            } else if (at("set") && !peek(1).kind().equals(TokenKind.SCONST)) {
                next();
                action = DefElem.Action.SET;
            } else if (at("drop") && !peek(1).kind().equals(TokenKind.SCONST)) {
                next();
                String name = colLabel();
                opts.add(new DefElem(null, name, null, DefElem.Action.DROP, loc));
                continue;
            }
            String name = colLabel();
            opts.add(new DefElem(null, name, sconst(), action, loc));
        } while (acceptPunct(","));
        expectPunct(")");
        return opts;
    }
}
