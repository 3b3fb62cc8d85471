package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateStmt;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.ExclusionElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.IndexElem;
import org.lakepg.server.sql.ast.IndexStmt;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.OnCommitAction;
import org.lakepg.server.sql.ast.PartitionBoundSpec;
import org.lakepg.server.sql.ast.PartitionElem;
import org.lakepg.server.sql.ast.PartitionSpec;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TableElement;
import org.lakepg.server.sql.ast.TableLikeClause;
import org.lakepg.server.sql.ast.TypeName;

/**
 * CREATE TABLE (columns, every constraint form, LIKE, INHERITS, PARTITION BY/OF, typed tables,
 * storage options, CREATE TABLE AS), CREATE INDEX, and the shared pieces: column definitions,
 * constraints, reloptions and generic definition lists.
 */
abstract class TableDdlParser extends DmlParser {

    TableDdlParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** CREATE [persistence] TABLE ... after CREATE and the persistence words. */
    final Statement createTable(char persistence) {
        expect("table");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        RangeVar rel = qualifiedName();
        rel = new RangeVar(rel.catalogname(), rel.schemaname(), rel.relname(), true, persistence, null, rel.location());
        if (at("of")) {
            next();
            List<String> typeNames = anyName();
            List<TableElement> elts = atPunct("(") ? tableElements(true) : List.of();
            return createTail(rel, elts, List.of(), null, new TypeName(typeNames, List.of(), List.of(), false, false, -1),
                    ifNotExists);
        }
        if (at("partition") && peek(1).isKeyword("of")) {
            p += 2;
            RangeVar parent = qualifiedName();
            List<TableElement> elts = atPunct("(") ? tableElements(true) : List.of();
            PartitionBoundSpec bound = partitionBound();
            return createTail(rel, elts, List.of(parent), bound, null, ifNotExists);
        }
        if (atPunct("(")) {
            int save = p;
            List<TableElement> elts;
            if (isCreateAsColumnList()) {
                List<String> cols = parenColIdList();
                return createTableAs(rel, cols, ifNotExists);
            }
            p = save;
            elts = tableElements(false);
            List<RangeVar> inherits = List.of();
            if (accept("inherits")) {
                expectPunct("(");
                inherits = new ArrayList<>();
                do {
                    inherits.add(qualifiedName());
                } while (acceptPunct(","));
                expectPunct(")");
            }
            return createTail(rel, elts, inherits, null, null, ifNotExists);
        }
        return createTableAs(rel, List.of(), ifNotExists);
    }

    /** CREATE TABLE t (a, b) AS ...: a plain name list followed by AS/WITH/USING/TABLESPACE/ON COMMIT. */
    private boolean isCreateAsColumnList() {
        int i = 1;
        while (true) {
            if (!isColId(peek(i))) {
                return false;
            }
            i++;
            if (peek(i).isPunct(",")) {
                i++;
                continue;
            }
            if (!peek(i).isPunct(")")) {
                return false;
            }
            Token after = peek(i + 1);
            return after.isKeyword("as") || after.isKeyword("with") || after.isKeyword("using")
                    || after.isKeyword("tablespace") || after.isKeyword("on");
        }
    }

    private Statement createTableAs(RangeVar rel, List<String> cols, boolean ifNotExists) {
        String am = accept("using") ? colId() : null;
        List<DefElem> options = withOptions();
        OnCommitAction onCommit = onCommit();
        String tablespace = accept("tablespace") ? colId() : null;
        expect("as");
        Statement query;
        if (at("execute")) {
            query = executeStmt();
        } else {
            query = selectStatement();
        }
        boolean skipData = false;
        if (at("with") && (peek(1).isKeyword("data") || peek(1).isKeyword("no"))) {
            next();
            skipData = accept("no");
            expect("data");
        }
        IntoClause into = new IntoClause(rel, cols, am, options, onCommit, tablespace, skipData);
        return new CreateTableAsStmt(query, into, new ObjectType(ObjectType.Kind.TABLE), false, ifNotExists);
    }

    /** EXECUTE name [(params)] (defined by the utility layer). */
    abstract Statement executeStmt();

    private CreateStmt createTail(RangeVar rel, List<TableElement> elts, List<RangeVar> inherits, PartitionBoundSpec bound,
                                  TypeName ofType, boolean ifNotExists) {
        PartitionSpec spec = null;
        if (at("partition") && peek(1).isKeyword("by")) {
            spec = partitionSpec();
        }
        String am = accept("using") ? colId() : null;
        List<DefElem> options = withOptions();
        OnCommitAction onCommit = onCommit();
        String tablespace = accept("tablespace") ? colId() : null;
        return new CreateStmt(rel, elts, inherits, bound, spec, ofType, options, onCommit, tablespace, am, ifNotExists);
    }

    /** WITH (reloptions) | WITHOUT OIDS | nothing. */
    final List<DefElem> withOptions() {
        if (at("with") && peek(1).isPunct("(")) {
            next();
            return relOptions();
        }
        if (at("without") && peek(1).isKeyword("oids")) {
            p += 2;
        }
        if (at("with") && !peek(1).isKeyword("data") && !peek(1).isKeyword("no")) {
            next();
            throw syntaxError();
        }
        return List.of();
    }

    private OnCommitAction onCommit() {
        if (at("on") && peek(1).isKeyword("commit")) {
            p += 2;
            if (accept("drop")) {
                return new OnCommitAction(OnCommitAction.Kind.DROP);
            }
            if (accept("delete")) {
                expect("rows");
                return new OnCommitAction(OnCommitAction.Kind.DELETE_ROWS);
            }
            expect("preserve");
            expect("rows");
            return new OnCommitAction(OnCommitAction.Kind.PRESERVE_ROWS);
        }
        return new OnCommitAction(OnCommitAction.Kind.NOOP);
    }

    final PartitionSpec partitionSpec() {
        int loc = next().start();
        expect("by");
        String strategy = colId();
        expectPunct("(");
        List<PartitionElem> params = new ArrayList<>();
        do {
            int eloc = pos();
            String name = null;
            Expr expr = null;
            if (atPunct("(")) {
                next();
                expr = aExpr();
                expectPunct(")");
            } else if (isColId(peek()) && !peek(1).isPunct("(")) {
                name = next().value();
            } else {
                expr = primary();
            }
            List<String> coll = accept("collate") ? anyName() : List.of();
            List<String> opclass = isColId(peek()) ? anyName() : List.of();
            params.add(new PartitionElem(name, expr, coll, opclass, eloc));
        } while (acceptPunct(","));
        expectPunct(")");
        return new PartitionSpec(strategy, params, loc);
    }

    /** ForValues: FOR VALUES IN/FROM..TO/WITH, or DEFAULT. */
    final PartitionBoundSpec partitionBound() {
        int loc = pos();
        if (accept("default")) {
            return new PartitionBoundSpec('\0', true, 0, 0, List.of(), List.of(), List.of(), loc);
        }
        expect("for");
        expect("values");
        if (accept("in")) {
            expectPunct("(");
            List<Expr> list = exprList();
            expectPunct(")");
            return new PartitionBoundSpec('l', false, 0, 0, list, List.of(), List.of(), loc);
        }
        if (accept("from")) {
            expectPunct("(");
            List<Expr> lower = exprList();
            expectPunct(")");
            expect("to");
            expectPunct("(");
            List<Expr> upper = exprList();
            expectPunct(")");
            return new PartitionBoundSpec('r', false, 0, 0, List.of(), lower, upper, loc);
        }
        expect("with");
        expectPunct("(");
        int modulus = -1;
        int remainder = -1;
        do {
            String opt = nonReservedWord();
            int v = iconst();
            if (opt.equals("modulus")) {
                modulus = v;
            } else if (opt.equals("remainder")) {
                remainder = v;
            } else {
                throw errorAt(org.lakepg.wire.error.SqlState.SYNTAX_ERROR, loc, "unrecognized hash partition bound specification \"%s\"", opt);
            }
        } while (acceptPunct(","));
        expectPunct(")");
        return new PartitionBoundSpec('h', false, modulus, remainder, List.of(), List.of(), List.of(), loc);
    }

    private List<TableElement> tableElements(boolean typed) {
        expectPunct("(");
        List<TableElement> elts = new ArrayList<>();
        if (acceptPunct(")")) {
            return elts;
        }
        do {
            elts.add(tableElement(typed));
        } while (acceptPunct(","));
        expectPunct(")");
        return elts;
    }

    private TableElement tableElement(boolean typed) {
        if (at("like") && !typed) {
            next();
            RangeVar rel = qualifiedName();
            int options = 0;
            while (at("including") || at("excluding")) {
                boolean including = next().value().equals("including");
                int bit = switch (colLabel()) {
                    case "comments" -> 1;
                    case "compression" -> 1 << 1;
                    case "constraints" -> 1 << 2;
                    case "defaults" -> 1 << 3;
                    case "generated" -> 1 << 4;
                    case "identity" -> 1 << 5;
                    case "indexes" -> 1 << 6;
                    case "statistics" -> 1 << 7;
                    case "storage" -> 1 << 8;
                    case "all" -> 0x7FFFFFFF;
                    default -> throw syntaxErrorAt(tokens.get(p - 1));
                };
                options = including ? options | bit : options & ~bit;
            }
            return new TableLikeClause(rel, options);
        }
        if (at("constraint") || at("check") || at("unique") || at("primary") || at("exclude")
                || at("foreign")) {
            return tableConstraint();
        }
        if (typed) {
            int loc = pos();
            String name = colId();
            acceptSeq("with", "options");
            List<Constraint> constraints = new ArrayList<>();
            CollateClause collate = null;
            while (true) {
                if (at("collate")) {
                    int cloc = next().start();
                    collate = new CollateClause(null, anyName(), cloc);
                    continue;
                }
                Constraint c = columnConstraint();
                if (c == null) {
                    break;
                }
                constraints.add(c);
            }
            return new ColumnDef(name, null, null, constraints, collate, null, List.of(), loc);
        }
        return columnDef();
    }

    final ColumnDef columnDef() {
        int loc = pos();
        String name = colId();
        TypeName type = typeName();
        String compression = null;
        if (accept("compression")) {
            compression = at("default") ? next().value() : colId();
        }
        List<DefElem> fdwOptions = List.of();
        if (at("options") && peek(1).isPunct("(")) {
            next();
            fdwOptions = genericOptions();
        }
        List<Constraint> constraints = new ArrayList<>();
        CollateClause collate = null;
        while (true) {
            if (at("collate")) {
                int cloc = next().start();
                collate = new CollateClause(null, anyName(), cloc);
                continue;
            }
            Constraint c = columnConstraint();
            if (c == null) {
                break;
            }
            constraints.add(c);
        }
        return new ColumnDef(name, type, compression, constraints, collate, null, fdwOptions, loc);
    }

    @Override
    final ColumnDef tableFuncElement() {
        int loc = pos();
        String name = colId();
        TypeName type = typeName();
        CollateClause collate = null;
        if (at("collate")) {
            int cloc = next().start();
            collate = new CollateClause(null, anyName(), cloc);
        }
        return new ColumnDef(name, type, null, List.of(), collate, null, List.of(), loc);
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
        } else if (at("deferrable") || at("initially") || at("not") && peek(1).isKeyword("deferrable")) {
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

    private boolean nullsDistinct() {
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
                List<String> op = at("operator") ? operatorName() : List.of(next().value());
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
        return b.build();
    }

    /** ConstraintAttributeSpec: [NOT] DEFERRABLE, INITIALLY DEFERRED/IMMEDIATE, NOT VALID, NO INHERIT. */
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
                accept("with");
                Object v = atNumber() ? numericOnly() : null;
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

    @Override
    final IndexElem indexElem() {
        return indexElemDefault();
    }

    /** CREATE [UNIQUE] INDEX ... after CREATE [UNIQUE]. */
    final IndexStmt createIndex(boolean unique) {
        expect("index");
        boolean concurrent = accept("concurrently");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        String name = null;
        if (ifNotExists || !at("on")) {
            name = colId();
        }
        expect("on");
        RangeVar rel = relationExpr();
        String am = accept("using") ? colId() : null;
        expectPunct("(");
        List<IndexElem> params = new ArrayList<>();
        do {
            params.add(indexElem());
        } while (acceptPunct(","));
        expectPunct(")");
        List<IndexElem> include = List.of();
        if (accept("include")) {
            expectPunct("(");
            include = new ArrayList<>();
            do {
                include.add(indexElem());
            } while (acceptPunct(","));
            expectPunct(")");
        }
        boolean nullsNotDistinct = nullsDistinct();
        List<DefElem> options = at("with") && peek(1).isPunct("(") ? withOptions() : List.of();
        String tablespace = accept("tablespace") ? colId() : null;
        Expr where = accept("where") ? aExpr() : null;
        return new IndexStmt(name, rel, am == null ? "btree" : am, tablespace, params, include, options, where, unique,
                nullsNotDistinct, concurrent, ifNotExists);
    }
}
