package org.lakepg.server.plpgsql;

import java.util.List;

/**
 * The statements of a PL/pgSQL body, as pl_gram.y's PLpgSQL_stmt_* nodes: embedded SQL stays text ({@link PlSql})
 * and is analyzed when first run, with the variables visible where it was written.
 */
public sealed interface PlStmt {

    /** The body line the statement starts on (for CONTEXT and GET DIAGNOSTICS). */
    int line();

    /** [<<label>>] [DECLARE ...] BEGIN ... [EXCEPTION WHEN ... THEN ...] END. */
    record Block(String label, List<PlVariable> declarations, List<PlStmt> body, List<Handler> handlers,
                 int line) implements PlStmt {}

    /** WHEN condition [OR condition ...] THEN statements; a condition is a name or SQLSTATE 'xxxxx'. */
    record Handler(List<String> conditions, List<PlStmt> body, PlVariable sqlstate, PlVariable sqlerrm) {}

    /**
     * target [subscript]... := expression; the target is a variable or a record field, with subscripts an element
     * of the array it holds (subscripts empty otherwise).
     */
    record Assign(PlTarget target, List<PlSql> subscripts, PlSql value, int line) implements PlStmt {}

    record If(List<Branch> branches, List<PlStmt> otherwise, int line) implements PlStmt {}

    record Branch(PlSql condition, List<PlStmt> body) {}

    /** CASE [selector] WHEN ... : with a selector each WHEN list is tested as {@code selector IN (list)}. */
    record Case(PlVariable selectorVariable, PlSql selector, List<Branch> whens, List<PlStmt> otherwise,
                boolean hasElse, int line) implements PlStmt {}

    record Loop(String label, List<PlStmt> body, int line) implements PlStmt {}

    record While(String label, PlSql condition, List<PlStmt> body, int line) implements PlStmt {}

    /** FOR i IN [REVERSE] lower .. upper [BY step] LOOP. */
    record ForRange(String label, PlVariable variable, boolean reverse, PlSql lower, PlSql upper, PlSql step,
                    List<PlStmt> body, int line) implements PlStmt {}

    /** FOR targets IN query LOOP, or FOR targets IN EXECUTE text [USING ...] LOOP (dynamic when query is null). */
    record ForQuery(String label, List<PlTarget> targets, PlSql query, PlSql dynamic, List<PlSql> using,
                    List<PlStmt> body, int line) implements PlStmt {}

    /** FOREACH target [SLICE n] IN ARRAY expression LOOP. */
    record ForEach(String label, List<PlTarget> targets, int slice, PlSql array, List<PlStmt> body, int line)
            implements PlStmt {}

    /** EXIT or CONTINUE [label] [WHEN condition]. */
    record Exit(boolean isContinue, String label, PlSql when, int line) implements PlStmt {}

    record Return(PlSql value, int line) implements PlStmt {}

    record ReturnNext(PlSql value, int line) implements PlStmt {}

    /** RETURN QUERY query, or RETURN QUERY EXECUTE text [USING ...]. */
    record ReturnQuery(PlSql query, PlSql dynamic, List<PlSql> using, int line) implements PlStmt {}

    /**
     * RAISE [level] 'format' [, args] [USING option = expr, ...]; or with a condition name / SQLSTATE instead of
     * the format; {@code reraise} for a bare RAISE inside a handler.
     */
    record Raise(String level, String condition, String format, List<PlSql> arguments, List<RaiseOption> options,
                 boolean reraise, int line) implements PlStmt {}

    record RaiseOption(String name, PlSql value) {}

    /** A SQL statement, with its INTO targets taken out (empty: none). */
    record Sql(PlSql statement, List<PlTarget> into, boolean strict, int line) implements PlStmt {}

    /** PERFORM query: the query runs as a SELECT whose rows are discarded. */
    record Perform(PlSql query, int line) implements PlStmt {}

    /** EXECUTE text [INTO [STRICT] targets] [USING expressions]. */
    record Execute(PlSql command, List<PlTarget> into, boolean strict, List<PlSql> using, int line) implements PlStmt {}

    /** GET [CURRENT | STACKED] DIAGNOSTICS target = item, ... */
    record GetDiagnostics(boolean stacked, List<DiagnosticItem> items, int line) implements PlStmt {}

    record DiagnosticItem(PlTarget target, String item) {}

    record Assert(PlSql condition, PlSql message, int line) implements PlStmt {}

    record Null(int line) implements PlStmt {}

    /** COMMIT or ROLLBACK [AND CHAIN] in a procedure. */
    record Transaction(boolean commit, boolean chain, int line) implements PlStmt {}

    /** OPEN cursor: a bound cursor with its arguments, or FOR query / FOR EXECUTE text [USING ...]. */
    record Open(PlVariable cursor, List<PlSql> arguments, PlSql query, PlSql dynamic, List<PlSql> using, int line)
            implements PlStmt {}

    /** FETCH / MOVE [direction [count]] [FROM | IN] cursor [INTO targets]. */
    record Fetch(PlVariable cursor, String direction, PlSql count, List<PlTarget> into, boolean move, int line)
            implements PlStmt {}

    record Close(PlVariable cursor, int line) implements PlStmt {}

    /** FOR record IN bound_cursor [(arguments)] LOOP. */
    record ForCursor(String label, PlVariable target, PlVariable cursor, List<PlSql> arguments, List<PlStmt> body,
                     int line) implements PlStmt {}
}
