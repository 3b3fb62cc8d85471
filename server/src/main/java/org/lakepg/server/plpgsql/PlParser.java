package org.lakepg.server.plpgsql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lakepg.server.sql.parser.Lexer;
import org.lakepg.server.sql.parser.Token;
import org.lakepg.server.sql.parser.TokenKind;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Parses a PL/pgSQL body following pl_gram.y: statements are recognised by their first word, everything else is
 * SQL text cut at the statement's terminator (at parenthesis and CASE depth 0), as PostgreSQL's read_sql_construct.
 */
final class PlParser {
    /** The type text of a variable declared as another's %TYPE: this prefix and the other's slot. */
    static final String LIKE_VARIABLE = "\u0000like:";

    private static final Set<String> RAISE_LEVELS = Set.of("debug", "log", "info", "notice", "warning", "exception");

    private final String body;
    private final List<Token> tokens;
    private int pos;
    private int nextSlot;
    private PlNamespace names;
    private int caseCounter;

    PlParser(String body, PlNamespace outer, int firstSlot) {
        this.body = body;
        this.tokens = Lexer.tokenize(body, true);
        this.names = outer;
        this.nextSlot = firstSlot;
    }

    /**
     * The whole body: one block, optionally followed by a semicolon. A syntax error carries its 1-based position in
     * the body, any other error (from resolving a type name, say) none, since its position would be in some other text.
     */
    PlStmt.Block parseBody() {
        try {
            return parseBlock();
        } catch (PgException e) {
            throw bodyPositioned.contains(e) ? e : e.withPosition(0);
        }
    }

    /** The exceptions whose position this parser set (a position in the body). */
    private final Set<PgException> bodyPositioned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private PgException inBody(PgException e) {
        bodyPositioned.add(e);
        return e;
    }

    private PlStmt.Block parseBlock() {
        // #option dump, #variable_conflict ..., #print_strict_params ...: compiler directives lakepg ignores
        while (peek().isOp("#")) {
            pos++;
            next();
            next();
        }
        String label = label();
        PlStmt.Block block = block(label);
        if (peekPunct(";")) {
            pos++;
        }
        if (peek().kind() != TokenKind.EOF) {
            throw syntaxError(peek());
        }
        return block;
    }

    private final java.util.Set<PlSql> expressionTexts = new java.util.LinkedHashSet<>();
    private final java.util.Set<PlSql> statementTexts = new java.util.LinkedHashSet<>();

    /** A text that is a whole SQL statement (checked as one), not an expression. */
    private PlSql statementText(PlSql sql) {
        expressionTexts.remove(sql);
        statementTexts.add(sql);
        return sql;
    }

    /**
     * The syntax of every embedded expression and statement, checked when the function is created (as
     * check_sql_expr does), so a misspelt statement fails CREATE FUNCTION rather than its first call.
     */
    void checkSqlSyntax() {
        for (PlSql e : expressionTexts) {
            checkSyntax(e, "SELECT ");
        }
        for (PlSql s : statementTexts) {
            // an assignment this parser does not take apart yet (a[i] := v) is left to fail when it runs
            if (!s.text().contains(":=")) {
                checkSyntax(s, "");
            }
        }
    }

    /** Parses {@code prefix + sql}; an error's position is moved to where the text stands in the body. */
    private void checkSyntax(PlSql sql, String prefix) {
        try {
            org.lakepg.server.sql.parser.SqlParser.parse(prefix + sql.text());
        } catch (PgException e) {
            Integer start = textStarts.get(sql);
            int inText = e.position() - prefix.length(); // 1-based in the text
            throw e.withPosition(start != null && inText >= 1 ? start + inText : 0);
        }
    }

    /** Where each embedded text that is a verbatim slice of the body starts in it (0-based). */
    private final java.util.Map<PlSql, Integer> textStarts = new java.util.IdentityHashMap<>();

    int slotCount() {
        return nextSlot;
    }

    /** A new variable slot (also for variables the interpreter adds, like a CASE selector). */
    int newSlot() {
        return nextSlot++;
    }

    // ---- blocks and declarations ----

    private PlStmt.Block block(String label) {
        int line = line(peek());
        PlNamespace outer = names;
        names = new PlNamespace(outer, label);
        try {
            List<PlVariable> declarations = new ArrayList<>();
            if (isWord(peek(), "declare")) {
                pos++;
                while (!isWord(peek(), "begin")) {
                    if (peek().kind() == TokenKind.EOF) {
                        throw syntaxError(peek());
                    }
                    if (peek().isOp("<<")) {
                        label(); // a label before BEGIN inside DECLARE (legal, rarely written)
                        continue;
                    }
                    declaration(declarations);
                }
            }
            expectWord("begin");
            List<PlStmt> body = statements("exception", "end");
            List<PlStmt.Handler> handlers = new ArrayList<>();
            if (isWord(peek(), "exception")) {
                pos++;
                while (isWord(peek(), "when")) {
                    pos++;
                    handlers.add(handler());
                }
            }
            expectWord("end");
            endLabel(label);
            expectPunct(";", true);
            return new PlStmt.Block(label, declarations, body, handlers, line);
        } finally {
            names = outer;
        }
    }

    private PlStmt.Handler handler() {
        List<String> conditions = new ArrayList<>();
        do {
            Token t = next();
            if (isWord(t, "sqlstate")) {
                Token code = next();
                if (code.kind() != TokenKind.SCONST) {
                    throw syntaxError(code);
                }
                conditions.add("sqlstate:" + code.value());
            } else {
                conditions.add(word(t));
            }
        } while (isWordAndSkip("or"));
        expectWord("then");
        PlNamespace outer = names;
        names = new PlNamespace(outer, null);
        try {
            PlVariable sqlstate = new PlVariable("sqlstate", newSlot(), PlVariable.Kind.FIXED, null,
                    org.lakepg.server.catalog.TypeOids.TEXT, false, false, null);
            PlVariable sqlerrm = new PlVariable("sqlerrm", newSlot(), PlVariable.Kind.FIXED, null,
                    org.lakepg.server.catalog.TypeOids.TEXT, false, false, null);
            names.add(sqlstate);
            names.add(sqlerrm);
            List<PlStmt> body = statements("when", "end");
            return new PlStmt.Handler(conditions, body, sqlstate, sqlerrm);
        } finally {
            names = outer;
        }
    }

    private void declaration(List<PlVariable> out) {
        Token nameToken = next();
        String name = word(nameToken);
        if (isWord(peek(), "alias")) {
            pos++;
            expectWord("for");
            Token target = next();
            String targetName = target.kind() == TokenKind.PARAM ? "$" + target.value() : word(target);
            PlVariable aliased = names.find(targetName).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                    "variable \"%s\" does not exist", targetName));
            names.add(new PlVariable(name, aliased.slot(), aliased.kind(), aliased.typeText(), aliased.fixedType(),
                    aliased.constant(), aliased.notNull(), null));
            expectPunct(";", false);
            return;
        }
        boolean constant = isWordAndSkip("constant");
        if (isWord(peek(), "cursor") || isWord(peek(), "scroll") || isWord(peek(), "no")) {
            cursorDeclaration(name, out);
            return;
        }
        int typeStart = peek().start();
        int typeEnd = typeStart;
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF) {
                throw syntaxError(t);
            }
            if (depth == 0 && (t.isPunct(";") || t.isPunct(":=") || t.isOp("=") || isWord(t, "default")
                    || isWord(t, "not") || isWord(t, "collate"))) {
                break;
            }
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if (t.isPunct(")") || t.isPunct("]")) {
                depth--;
            }
            typeEnd = t.end();
            pos++;
        }
        if (typeEnd == typeStart) {
            throw syntaxError(peek());
        }
        String typeText = body.substring(typeStart, typeEnd).trim();
        if (isWordAndSkip("collate")) {
            next();
        }
        boolean notNull = false;
        if (isWord(peek(), "not")) {
            pos++;
            expectWord("null");
            notNull = true;
        }
        PlSql defaultValue = null;
        if (peek().isPunct(":=") || peek().isOp("=") || isWord(peek(), "default")) {
            pos++;
            defaultValue = expression(";");
        }
        expectPunct(";", false);
        String lower = typeText.toLowerCase(Locale.ROOT);
        PlVariable.Kind kind;
        if (lower.equals("record")) {
            kind = PlVariable.Kind.RECORD;
        } else if (lower.endsWith("%rowtype")) {
            kind = PlVariable.Kind.ROWTYPE;
            typeText = typeText.substring(0, typeText.length() - "%rowtype".length()).trim();
        } else {
            kind = PlVariable.Kind.SCALAR;
            if (lower.endsWith("%type")) {
                // variable%TYPE: the type that variable has when the block starts
                var like = names.find(lower.substring(0, lower.length() - 5).trim());
                if (like.isPresent()) {
                    typeText = LIKE_VARIABLE + like.get().slot();
                    if (like.get().isRecord()) {
                        kind = PlVariable.Kind.RECORD;
                    }
                }
            }
        }
        if (notNull && defaultValue == null) {
            throw PgException.of(SqlState.SYNTAX_ERROR,
                    "variable \"%s\" must have a default value, since it's declared NOT NULL", name);
        }
        if (constant && defaultValue == null) {
            // PostgreSQL allows it (the constant is NULL); nothing to check
        }
        PlVariable v = new PlVariable(name, newSlot(), kind, typeText, 0, constant, notNull, defaultValue);
        names.add(v);
        out.add(v);
    }

    /** name [[NO] SCROLL] CURSOR [(parameter type, ...)] {FOR | IS} query; */
    private void cursorDeclaration(String name, List<PlVariable> out) {
        if (isWordAndSkip("no")) {
            expectWord("scroll");
        } else {
            isWordAndSkip("scroll");
        }
        expectWord("cursor");
        PlNamespace outer = names;
        List<PlVariable> parameters = new ArrayList<>();
        names = new PlNamespace(outer, null);
        try {
            if (isPunctAndSkip("(")) {
                do {
                    String parameter = word(next());
                    int typeStart = peek().start();
                    int depth = 0;
                    int typeEnd = typeStart;
                    while (depth > 0 || !peek().isPunct(",") && !peek().isPunct(")")) {
                        Token t = next();
                        depth += t.isPunct("(") ? 1 : t.isPunct(")") ? -1 : 0;
                        typeEnd = t.end();
                    }
                    PlVariable v = new PlVariable(parameter, newSlot(), PlVariable.Kind.SCALAR,
                            body.substring(typeStart, typeEnd).trim(), 0, false, false, null);
                    names.add(v);
                    parameters.add(v);
                } while (isPunctAndSkip(","));
                expectPunct(")", false);
            }
            if (!isWordAndSkip("for")) {
                expectWord("is");
            }
            PlSql query = statementText(expression(";"));
            expectPunct(";", false);
            cursors.put(name, new PlCursorDefinition(parameters, query));
        } finally {
            names = outer;
        }
        PlVariable v = new PlVariable(name, newSlot(), PlVariable.Kind.CURSOR, name, 0, false, false, null);
        names.add(v);
        out.add(v);
        out.addAll(parameters);
        cursorDefinitions.put(v.slot(), cursors.get(name));
    }

    private final java.util.Map<String, PlCursorDefinition> cursors = new java.util.HashMap<>();
    private final java.util.Map<Integer, PlCursorDefinition> cursorDefinitions = new java.util.HashMap<>();

    /** The bound cursors' definitions by variable slot. */
    java.util.Map<Integer, PlCursorDefinition> cursorDefinitions() {
        return cursorDefinitions;
    }

    private PlVariable cursorVariable() {
        Token t = next();
        return names.find(word(t)).orElseThrow(() -> notVariable(word(t)));
    }

    /** OPEN cursor [[NO] SCROLL] [FOR query | FOR EXECUTE text [USING ...] | (arguments)]; */
    private PlStmt open(int line) {
        PlVariable cursor = cursorVariable();
        if (isWordAndSkip("no")) {
            expectWord("scroll");
        } else {
            isWordAndSkip("scroll");
        }
        List<PlSql> arguments = new ArrayList<>();
        PlSql query = null;
        PlSql dynamic = null;
        List<PlSql> using = List.of();
        if (isWordAndSkip("for")) {
            if (isWordAndSkip("execute")) {
                dynamic = expression("using", ";");
                using = using(";");
            } else {
                query = statementText(expression(";"));
            }
        } else if (isPunctAndSkip("(")) {
            arguments = cursorArguments();
        }
        expectPunct(";", false);
        return new PlStmt.Open(cursor, arguments, query, dynamic, using, line);
    }

    /** Arguments after "(": expressions up to the closing parenthesis ({@code name := value} keeps only the value). */
    private List<PlSql> cursorArguments() {
        List<PlSql> arguments = new ArrayList<>();
        do {
            if ((peek().kind() == TokenKind.IDENT || peek().kind() == TokenKind.KEYWORD)
                    && (tokens.get(pos + 1).isPunct(":=") || tokens.get(pos + 1).isPunct("=>"))) {
                pos += 2;
            }
            arguments.add(expression(",", ")"));
        } while (isPunctAndSkip(","));
        expectPunct(")", false);
        return arguments;
    }

    /** FETCH / MOVE [direction] [FROM | IN] cursor [INTO targets]; */
    private PlStmt fetch(boolean move, int line) {
        String direction = "next";
        PlSql count = null;
        String w = word(peek());
        switch (w) {
            case "all" -> {
                pos++;
                direction = "forward";
                count = new PlSql(String.valueOf(Integer.MAX_VALUE), names, line);
            }
            case "next", "prior", "first", "last" -> {
                pos++;
                direction = w;
            }
            case "absolute", "relative" -> {
                pos++;
                direction = w;
                count = expression("from", "in");
            }
            case "forward", "backward" -> {
                pos++;
                direction = w;
                if (isWordAndSkip("all")) {
                    count = new PlSql(String.valueOf(Integer.MAX_VALUE), names, line);
                } else if (!isWord(peek(), "from") && !isWord(peek(), "in")
                        && !(names.find(word(peek())).isPresent() && (tokens.get(pos + 1).isPunct(";")
                        || isWord(tokens.get(pos + 1), "into")))) {
                    count = expression("from", "in");
                }
            }
            default -> { }
        }
        if (!isWordAndSkip("from")) {
            isWordAndSkip("in");
        }
        PlVariable cursor = cursorVariable();
        List<PlTarget> into = List.of();
        if (isWordAndSkip("into")) {
            into = intoTargets();
        }
        expectPunct(";", false);
        return new PlStmt.Fetch(cursor, direction, count, into, move, line);
    }

    // ---- statements ----

    private List<PlStmt> statements(String... enders) {
        List<PlStmt> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF) {
                throw syntaxError(t);
            }
            for (String e : enders) {
                if (isWord(t, e)) {
                    return out;
                }
            }
            out.add(statement());
        }
    }

    private PlStmt statement() {
        String label = label();
        Token t = peek();
        int line = line(t);
        String w = t.kind() == TokenKind.IDENT || t.kind() == TokenKind.KEYWORD ? word(t) : "";
        if (label != null && !Set.of("loop", "while", "for", "foreach", "begin", "declare").contains(w)) {
            throw syntaxError(t);
        }
        switch (w) {
            case "begin", "declare" -> {
                return block(label);
            }
            case "if" -> {
                pos++;
                return ifStatement(line);
            }
            case "case" -> {
                pos++;
                return caseStatement(line);
            }
            case "loop" -> {
                pos++;
                List<PlStmt> loopBody = loopBody(label);
                return new PlStmt.Loop(label, loopBody, line);
            }
            case "while" -> {
                pos++;
                PlSql condition = expression("loop");
                pos++;
                return new PlStmt.While(label, condition, loopBody(label), line);
            }
            case "for" -> {
                pos++;
                return forStatement(label, line);
            }
            case "foreach" -> {
                pos++;
                return foreachStatement(label, line);
            }
            case "exit", "continue" -> {
                pos++;
                String target = null;
                if (!peek().isPunct(";") && !isWord(peek(), "when")) {
                    target = word(next());
                }
                PlSql when = null;
                if (isWordAndSkip("when")) {
                    when = expression(";");
                }
                expectPunct(";", false);
                return new PlStmt.Exit(w.equals("continue"), target, when, line);
            }
            case "return" -> {
                pos++;
                return returnStatement(line);
            }
            case "raise" -> {
                pos++;
                return raise(line);
            }
            case "assert" -> {
                pos++;
                PlSql condition = expression(",", ";");
                PlSql message = null;
                if (peek().isPunct(",")) {
                    pos++;
                    message = expression(";");
                }
                expectPunct(";", false);
                return new PlStmt.Assert(condition, message, line);
            }
            case "perform" -> {
                pos++;
                PlSql query = expression(";");
                expectPunct(";", false);
                return new PlStmt.Perform(query, line);
            }
            case "execute" -> {
                pos++;
                return execute(line);
            }
            case "get" -> {
                pos++;
                return getDiagnostics(line);
            }
            case "null" -> {
                pos++;
                expectPunct(";", false);
                return new PlStmt.Null(line);
            }
            case "commit", "rollback" -> {
                if (tokens.get(pos + 1).isPunct(";") || isWord(tokens.get(pos + 1), "and")) {
                    pos++;
                    boolean chain = false;
                    if (isWordAndSkip("and")) {
                        chain = !isWordAndSkip("no");
                        expectWord("chain");
                    }
                    expectPunct(";", false);
                    return new PlStmt.Transaction(w.equals("commit"), chain, line);
                }
            }
            case "open" -> {
                pos++;
                return open(line);
            }
            case "fetch", "move" -> {
                pos++;
                return fetch(w.equals("move"), line);
            }
            case "close" -> {
                pos++;
                PlVariable cursor = cursorVariable();
                expectPunct(";", false);
                return new PlStmt.Close(cursor, line);
            }
            default -> { }
        }
        PlStmt assignment = assignment(line);
        if (assignment != null) {
            return assignment;
        }
        return sqlStatement(line);
    }

    private List<PlStmt> loopBody(String label) {
        List<PlStmt> body = statements("end");
        expectWord("end");
        expectWord("loop");
        endLabel(label);
        expectPunct(";", false);
        return body;
    }

    private PlStmt ifStatement(int line) {
        List<PlStmt.Branch> branches = new ArrayList<>();
        PlSql condition = expression("then");
        pos++;
        branches.add(new PlStmt.Branch(condition, statements("elsif", "elseif", "else", "end")));
        List<PlStmt> otherwise = List.of();
        while (true) {
            if (isWordAndSkip("elsif") || isWordAndSkip("elseif")) {
                PlSql c = expression("then");
                pos++;
                branches.add(new PlStmt.Branch(c, statements("elsif", "elseif", "else", "end")));
            } else if (isWordAndSkip("else")) {
                otherwise = statements("end");
            } else {
                break;
            }
        }
        expectWord("end");
        expectWord("if");
        expectPunct(";", false);
        return new PlStmt.If(branches, otherwise, line);
    }

    private PlStmt caseStatement(int line) {
        PlSql selector = null;
        PlVariable selectorVariable = null;
        PlNamespace outer = names;
        if (!isWord(peek(), "when")) {
            selector = expression("when");
            selectorVariable = PlVariable.fixed("__Case__Variable_" + (++caseCounter) + "__", newSlot(), 0);
            names = new PlNamespace(outer, null);
            names.add(selectorVariable);
        }
        try {
            List<PlStmt.Branch> whens = new ArrayList<>();
            while (isWordAndSkip("when")) {
                PlSql condition = expression("then");
                pos++;
                if (selectorVariable != null) {
                    condition = new PlSql("\"" + selectorVariable.name() + "\" IN (" + condition.text() + ")", names,
                            condition.line());
                }
                whens.add(new PlStmt.Branch(condition, statements("when", "else", "end")));
            }
            if (whens.isEmpty()) {
                throw syntaxError(peek());
            }
            List<PlStmt> otherwise = List.of();
            boolean hasElse = false;
            if (isWordAndSkip("else")) {
                hasElse = true;
                otherwise = statements("end");
            }
            expectWord("end");
            expectWord("case");
            expectPunct(";", false);
            return new PlStmt.Case(selectorVariable, selector, whens, otherwise, hasElse, line);
        } finally {
            names = outer;
        }
    }

    private PlStmt forStatement(String label, int line) {
        int start = pos;
        List<Token> targetTokens = new ArrayList<>();
        while (!isWord(peek(), "in")) {
            if (peek().kind() == TokenKind.EOF) {
                throw syntaxError(peek());
            }
            targetTokens.add(next());
        }
        pos++;
        boolean reverse = isWord(peek(), "reverse") && !tokens.get(pos + 1).isPunct("..");
        if (reverse) {
            pos++;
        }
        if (isRange()) {
            if (targetTokens.size() != 1) {
                throw syntaxError(tokens.get(start));
            }
            PlSql lower = expression("..");
            pos++;
            PlSql upper = expression("by", "loop");
            PlSql step = null;
            if (isWordAndSkip("by")) {
                step = expression("loop");
            }
            pos++;
            PlNamespace outer = names;
            names = new PlNamespace(outer, label);
            try {
                PlVariable counter = PlVariable.fixed(word(targetTokens.get(0)), newSlot(),
                        org.lakepg.server.catalog.TypeOids.INT4);
                names.add(counter);
                return new PlStmt.ForRange(label, counter, reverse, lower, upper, step, loopBody(label), line);
            } finally {
                names = outer;
            }
        }
        var cursor = names.find(word(peek())).filter(v -> v.kind() == PlVariable.Kind.CURSOR);
        if (cursor.isPresent() && targetTokens.size() == 1 && (tokens.get(pos + 1).isPunct("(")
                || isWord(tokens.get(pos + 1), "loop"))) {
            pos++;
            List<PlSql> arguments = isPunctAndSkip("(") ? cursorArguments() : List.of();
            expectWord("loop");
            PlNamespace outer = names;
            names = new PlNamespace(outer, label);
            try {
                // the loop's record variable is declared by the loop itself
                PlVariable target = new PlVariable(word(targetTokens.get(0)), newSlot(), PlVariable.Kind.RECORD, null, 0,
                        false, false, null);
                names.add(target);
                return new PlStmt.ForCursor(label, target, cursor.get(), arguments, loopBody(label), line);
            } finally {
                names = outer;
            }
        }
        List<PlTarget> targets = targets(targetTokens);
        PlNamespace outer = names;
        names = new PlNamespace(outer, label);
        try {
            if (isWordAndSkip("execute")) {
                PlSql dynamic = expression("using", "loop");
                List<PlSql> using = using("loop");
                pos++;
                return new PlStmt.ForQuery(label, targets, null, dynamic, using, loopBody(label), line);
            }
            PlSql query = statementText(expression("loop"));
            pos++;
            return new PlStmt.ForQuery(label, targets, query, null, List.of(), loopBody(label), line);
        } finally {
            names = outer;
        }
    }

    /** Whether a ".." comes before LOOP at depth 0: an integer FOR. */
    private boolean isRange() {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.EOF || depth == 0 && isWord(t, "loop")) {
                return false;
            }
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if (t.isPunct(")") || t.isPunct("]")) {
                depth--;
            } else if (depth == 0 && t.isPunct("..")) {
                return true;
            }
        }
        return false;
    }

    private PlStmt foreachStatement(String label, int line) {
        List<Token> targetTokens = new ArrayList<>();
        while (!isWord(peek(), "in") && !isWord(peek(), "slice")) {
            targetTokens.add(next());
        }
        int slice = 0;
        if (isWordAndSkip("slice")) {
            Token n = next();
            if (n.kind() != TokenKind.ICONST) {
                throw syntaxError(n);
            }
            slice = Integer.parseInt(n.value());
        }
        expectWord("in");
        expectWord("array");
        PlSql array = expression("loop");
        pos++;
        return new PlStmt.ForEach(label, targets(targetTokens), slice, array, loopBody(label), line);
    }

    private PlStmt returnStatement(int line) {
        if (isWordAndSkip("next")) {
            PlSql value = peek().isPunct(";") ? null : expression(";");
            expectPunct(";", false);
            return new PlStmt.ReturnNext(value, line);
        }
        if (isWordAndSkip("query")) {
            if (isWordAndSkip("execute")) {
                PlSql dynamic = expression("using", ";");
                List<PlSql> using = using(";");
                expectPunct(";", false);
                return new PlStmt.ReturnQuery(null, dynamic, using, line);
            }
            PlSql query = statementText(expression(";"));
            expectPunct(";", false);
            return new PlStmt.ReturnQuery(query, null, List.of(), line);
        }
        PlSql value = peek().isPunct(";") ? null : expression(";");
        expectPunct(";", false);
        return new PlStmt.Return(value, line);
    }

    private PlStmt raise(int line) {
        if (peek().isPunct(";")) {
            pos++;
            return new PlStmt.Raise("exception", null, null, List.of(), List.of(), true, line);
        }
        String level = "exception";
        if (RAISE_LEVELS.contains(word(peek())) && peek().kind() != TokenKind.SCONST) {
            level = word(next());
        }
        String condition = null;
        String format = null;
        List<PlSql> arguments = new ArrayList<>();
        Token t = peek();
        if (t.kind() == TokenKind.SCONST) {
            pos++;
            format = t.value();
            while (peek().isPunct(",")) {
                pos++;
                arguments.add(expression(",", "using", ";"));
            }
        } else if (isWord(t, "sqlstate")) {
            pos++;
            Token code = next();
            if (code.kind() != TokenKind.SCONST) {
                throw syntaxError(code);
            }
            condition = "sqlstate:" + code.value();
        } else if (!isWord(t, "using") && !t.isPunct(";")) {
            pos++;
            condition = word(t);
        }
        List<PlStmt.RaiseOption> options = new ArrayList<>();
        if (isWordAndSkip("using")) {
            do {
                String option = word(next());
                if (!peek().isPunct(":=") && !peek().isOp("=")) {
                    throw syntaxError(peek());
                }
                pos++;
                options.add(new PlStmt.RaiseOption(option, expression(",", ";")));
            } while (isPunctAndSkip(","));
        }
        expectPunct(";", false);
        if (format == null && condition == null && options.isEmpty()) {
            throw syntaxError(peek());
        }
        return new PlStmt.Raise(level, condition, format, arguments, options, false, line);
    }

    private PlStmt execute(int line) {
        PlSql command = expression("into", "using", ";");
        List<PlTarget> into = List.of();
        boolean strict = false;
        List<PlSql> using = List.of();
        for (int round = 0; round < 2; round++) {
            if (isWordAndSkip("into")) {
                strict = isWordAndSkip("strict");
                into = intoTargets();
            } else if (isWord(peek(), "using")) {
                using = using("into", ";");
            }
        }
        expectPunct(";", false);
        return new PlStmt.Execute(command, into, strict, using, line);
    }

    private List<PlSql> using(String... terminators) {
        List<PlSql> out = new ArrayList<>();
        if (!isWordAndSkip("using")) {
            return out;
        }
        String[] withComma = new String[terminators.length + 1];
        System.arraycopy(terminators, 0, withComma, 0, terminators.length);
        withComma[terminators.length] = ",";
        do {
            out.add(expression(withComma));
        } while (isPunctAndSkip(","));
        return out;
    }

    private PlStmt getDiagnostics(int line) {
        boolean stacked = false;
        if (isWordAndSkip("stacked")) {
            stacked = true;
        } else {
            isWordAndSkip("current");
        }
        expectWord("diagnostics");
        List<PlStmt.DiagnosticItem> items = new ArrayList<>();
        do {
            List<Token> targetTokens = new ArrayList<>();
            while (!peek().isPunct(":=") && !peek().isOp("=")) {
                if (peek().kind() == TokenKind.EOF || peek().isPunct(";")) {
                    throw syntaxError(peek());
                }
                targetTokens.add(next());
            }
            pos++;
            items.add(new PlStmt.DiagnosticItem(targets(targetTokens).get(0), word(next())));
        } while (isPunctAndSkip(","));
        expectPunct(";", false);
        return new PlStmt.GetDiagnostics(stacked, items, line);
    }

    /** {@code name [. field] := expression}, when the first word is a variable; null otherwise. */
    private PlStmt assignment(int line) {
        Token first = peek();
        if (first.kind() == TokenKind.PARAM && (tokens.get(pos + 1).isPunct(":=") || tokens.get(pos + 1).isOp("="))) {
            // $n := value assigns the n-th parameter
            PlVariable v = names.find("$" + first.value()).orElseThrow(() -> notVariable("$" + first.value()));
            pos += 2;
            PlSql value = expression(";");
            expectPunct(";", false);
            return new PlStmt.Assign(new PlTarget(v, null), List.of(), value, line);
        }
        if (first.kind() != TokenKind.IDENT && first.kind() != TokenKind.KEYWORD) {
            return null;
        }
        int end = pos + 1;
        while (tokens.get(end).isPunct(".") && end + 1 < tokens.size()) {
            end += 2;
        }
        int subscriptsEnd = skipSubscripts(end);
        Token op = tokens.get(subscriptsEnd);
        if (!op.isPunct(":=") && !op.isOp("=")) {
            return null;
        }
        List<Token> targetTokens = new ArrayList<>(tokens.subList(pos, end));
        if (names.find(word(first)).isEmpty() && !(targetTokens.size() > 1
                && names.find(word(first), word(targetTokens.get(2))).isPresent())) {
            return null;
        }
        PlTarget target = targets(targetTokens).get(0);
        pos = end;
        List<PlSql> subscripts = new ArrayList<>();
        while (peek().isPunct("[")) {
            pos++;
            subscripts.add(expression("]"));
            expectPunct("]", false);
        }
        pos++;
        PlSql value = expression(";");
        expectPunct(";", false);
        return new PlStmt.Assign(target, List.copyOf(subscripts), value, line);
    }

    /** The token after {@code [..][..]} starting at {@code at} (at itself when no subscript follows). */
    private int skipSubscripts(int at) {
        int depth = 0;
        int i = at;
        while (i < tokens.size() && (depth > 0 || tokens.get(i).isPunct("["))) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.EOF) {
                return at;
            }
            if (t.isPunct("[")) {
                depth++;
            } else if (t.isPunct("]")) {
                depth--;
            }
            i++;
        }
        return i;
    }

    /** A SQL statement up to its semicolon; an INTO clause (not INSERT INTO) is taken out as the targets. */
    private PlStmt sqlStatement(int line) {
        int start = pos;
        int depth = 0;
        int intoStart = -1;
        int intoEnd = -1;
        boolean strict = false;
        List<PlTarget> into = List.of();
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF) {
                throw syntaxError(t);
            }
            if (depth == 0 && t.isPunct(";")) {
                break;
            }
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if (t.isPunct(")") || t.isPunct("]")) {
                depth--;
            }
            if (depth == 0 && intoStart < 0 && isWord(t, "into") && pos > start
                    && !isWord(tokens.get(pos - 1), "insert") && !isWord(tokens.get(pos - 1), "merge")) {
                intoStart = t.start();
                pos++;
                strict = isWordAndSkip("strict");
                into = intoTargets();
                intoEnd = peek().start();
                continue;
            }
            pos++;
        }
        int end = tokens.get(pos - 1).end();
        String text = intoStart < 0 ? body.substring(tokens.get(start).start(), end)
                : body.substring(tokens.get(start).start(), intoStart) + " " + body.substring(intoEnd, Math.max(intoEnd, end));
        pos++;
        PlSql sql = new PlSql(text.trim(), names, line);
        if (intoStart < 0) {
            textStarts.put(sql, tokens.get(start).start());
        }
        return new PlStmt.Sql(statementText(sql), into, strict, line);
    }

    private List<PlTarget> intoTargets() {
        List<Token> targetTokens = new ArrayList<>();
        while (true) {
            targetTokens.add(next());
            while (peek().isPunct(".")) {
                targetTokens.add(next());
                targetTokens.add(next());
            }
            if (peek().isPunct(",")) {
                targetTokens.add(next());
            } else {
                break;
            }
        }
        return targets(targetTokens);
    }

    /** Comma-separated variable references: {@code v}, {@code rec.field}, {@code label.v}. */
    private List<PlTarget> targets(List<Token> targetTokens) {
        List<PlTarget> out = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i <= targetTokens.size(); i++) {
            Token t = i < targetTokens.size() ? targetTokens.get(i) : null;
            if (t == null || t.isPunct(",")) {
                out.add(target(parts, t == null ? (targetTokens.isEmpty() ? peek() : targetTokens.get(0)) : t));
                parts = new ArrayList<>();
            } else if (!t.isPunct(".")) {
                parts.add(t.kind() == TokenKind.PARAM ? "$" + t.value() : word(t));
            }
        }
        return out;
    }

    private PlTarget target(List<String> parts, Token at) {
        if (parts.isEmpty()) {
            throw syntaxError(at);
        }
        var v = names.find(parts.get(0));
        if (parts.size() == 1) {
            return new PlTarget(v.orElseThrow(() -> notVariable(parts.get(0))), null);
        }
        if (parts.size() == 2) {
            var labelled = names.find(parts.get(0), parts.get(1));
            if (labelled.isPresent()) {
                return new PlTarget(labelled.get(), null);
            }
            if (v.isPresent() && (v.get().isRecord() || v.get().kind() == PlVariable.Kind.SCALAR
                    || v.get().kind() == PlVariable.Kind.FIXED)) {
                // a field of a record, or of a variable of a composite type (checked when assigned)
                return new PlTarget(v.get(), parts.get(1));
            }
        }
        if (parts.size() == 3) {
            var labelled = names.find(parts.get(0), parts.get(1));
            if (labelled.isPresent() && labelled.get().isRecord()) {
                return new PlTarget(labelled.get(), parts.get(2));
            }
        }
        throw notVariable(String.join(".", parts));
    }

    private static PgException notVariable(String name) {
        return PgException.of(SqlState.SYNTAX_ERROR, "\"%s\" is not a known variable", name);
    }

    // ---- expressions ----

    /**
     * The SQL text up to (not including) a terminator at depth 0: a word, or one of the punctuation marks
     * ";", ",", "..". CASE ... END counts as nesting, so CASE expressions may hold THEN and ELSE.
     */
    private PlSql expression(String... terminators) {
        int start = pos;
        int depth = 0;
        int line = line(peek());
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF) {
                throw syntaxError(t);
            }
            if (t.kind() == TokenKind.ERROR) {
                throw PgException.of(SqlState.SYNTAX_ERROR, t.value());
            }
            if (depth == 0 && isTerminator(t, terminators)) {
                break;
            }
            if (t.isPunct("(") || t.isPunct("[") || t.isKeyword("case")) {
                depth++;
            } else if (t.isPunct(")") || t.isPunct("]") || t.isKeyword("end") && depth > 0) {
                depth--;
            }
            pos++;
        }
        if (pos == start) {
            throw withMessage(syntaxError(peek()), "missing expression");
        }
        String text = body.substring(tokens.get(start).start(), tokens.get(pos - 1).end());
        PlSql sql = new PlSql(text, names, line);
        expressionTexts.add(sql);
        textStarts.put(sql, tokens.get(start).start());
        return sql;
    }

    private static boolean isTerminator(Token t, String[] terminators) {
        for (String term : terminators) {
            if (term.equals(";") || term.equals(",") || term.equals("..") || term.equals(")") || term.equals("]")) {
                if (t.isPunct(term)) {
                    return true;
                }
            } else if (isWord(t, term)) {
                return true;
            }
        }
        return false;
    }

    // ---- tokens ----

    private String label() {
        if (!peek().isOp("<<")) {
            return null;
        }
        pos++;
        String label = word(next());
        if (!next().isOp(">>")) {
            throw syntaxError(tokens.get(pos - 1));
        }
        return label;
    }

    private void endLabel(String label) {
        Token t = peek();
        if (t.kind() != TokenKind.IDENT && t.kind() != TokenKind.KEYWORD) {
            return;
        }
        String end = word(t);
        if (label == null) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "end label \"%s\" specified for unlabeled block", end);
        }
        if (!end.equals(label)) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "end label \"%s\" differs from block's label \"%s\"", end,
                    label);
        }
        pos++;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() == TokenKind.EOF) {
            throw syntaxError(t);
        }
        pos++;
        return t;
    }

    private static String word(Token t) {
        return t.kind() == TokenKind.KEYWORD ? t.value().toLowerCase(Locale.ROOT) : t.value();
    }

    private static boolean isWord(Token t, String w) {
        return (t.kind() == TokenKind.IDENT || t.kind() == TokenKind.KEYWORD) && t.value().equalsIgnoreCase(w);
    }

    private boolean isWordAndSkip(String w) {
        if (isWord(peek(), w)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean isPunctAndSkip(String p) {
        if (peek().isPunct(p)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peekPunct(String p) {
        return peek().isPunct(p);
    }

    private void expectWord(String w) {
        Token t = peek();
        if (!isWord(t, w)) {
            throw syntaxError(t);
        }
        pos++;
    }

    /** The semicolon ending a statement; after END of the outermost block it may be missing. */
    private void expectPunct(String p, boolean optionalAtEnd) {
        Token t = peek();
        if (t.isPunct(p)) {
            pos++;
            return;
        }
        if (optionalAtEnd && t.kind() == TokenKind.EOF) {
            return;
        }
        throw syntaxError(t);
    }

    /** PostgreSQL's yyerror: the message, where it happened ("at or near ..."), and the token's 1-based position. */
    private PgException syntaxError(Token t) {
        if (t.kind() == TokenKind.EOF) {
            return inBody(PgException.of(SqlState.SYNTAX_ERROR, "syntax error at end of input")
                    .withPosition(body.length() + 1));
        }
        if (t.kind() == TokenKind.ERROR) {
            return inBody(PgException.of(SqlState.SYNTAX_ERROR, t.value()).withPosition(t.start() + 1));
        }
        return inBody(PgException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \"%s\"",
                body.substring(t.start(), t.end())).withPosition(t.start() + 1));
    }

    /** The same error with another first words ("missing expression at or near ..."). */
    private PgException withMessage(PgException syntaxError, String message) {
        String m = syntaxError.getMessage();
        String rest = m.startsWith("syntax error") ? m.substring("syntax error".length()) : "";
        return inBody(PgException.of(SqlState.SYNTAX_ERROR, "%s", message + rest).withPosition(syntaxError.position()));
    }

    private int line(Token t) {
        int line = 1 + lineBase;
        for (int i = lineCountedTo; i < t.start() && i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                lineBase++;
                line++;
            }
        }
        lineCountedTo = Math.max(lineCountedTo, Math.min(t.start(), body.length()));
        return 1 + lineBase;
    }

    private int lineBase;
    private int lineCountedTo;
}
