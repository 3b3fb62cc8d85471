package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.ReassignOwnedStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.WithClause;

/** The top of the grammar: a list of statements separated by semicolons, and dispatch on the first keyword. */
final class StatementParser extends AlterDropParser {

    StatementParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** stmtmulti: statements separated by ';', empty ones dropped, with RawStmt-style locations. */
    List<RawStatement> statements() {
        List<RawStatement> result = new ArrayList<>();
        int location = 0;
        while (true) {
            if (atEof()) {
                return result;
            }
            if (atPunct(";")) {
                location = next().end();
                continue;
            }
            Statement s = statement();
            if (atPunct(";")) {
                Token semi = next();
                result.add(new RawStatement(s, location, semi.start() - location));
                location = semi.end();
            } else if (atEof()) {
                result.add(new RawStatement(s, location, sql.length() - location));
                return result;
            } else {
                throw syntaxError();
            }
        }
    }

    @Override
    Statement statement() {
        Token t = peek();
        if (t.kind() == TokenKind.PUNCT && t.value().equals("(")) {
            return selectInto(selectStatement());
        }
        if (t.kind() != TokenKind.KEYWORD) {
            throw syntaxError();
        }
        return switch (t.value()) {
            case "select", "values", "table" -> selectInto(selectStatement());
            case "with" -> {
                WithClause with = withClause();
                Statement s = statementAfterWith(with);
                yield s instanceof SelectStmt sel ? selectInto(sel) : s;
            }
            case "insert" -> insertStmt(null);
            case "update" -> updateStmt(null);
            case "delete" -> deleteStmt(null);
            case "merge" -> mergeStmt(null);
            case "create" -> createStmt();
            case "alter" -> alterStmt();
            case "drop" -> dropStmt();
            case "truncate" -> truncateStmt();
            case "comment" -> commentStmt();
            case "security" -> securityLabelStmt();
            case "grant", "revoke" -> grantOrRevoke();
            case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release" -> transactionStmt();
            case "prepare" -> peek(1).isKeyword("transaction") ? transactionStmt() : prepareStmt();
            case "set" -> setStmt();
            case "reset" -> resetStmt();
            case "show" -> showStmt();
            case "explain" -> explainStmt();
            case "copy" -> copyStmt();
            case "execute" -> executeStmt();
            case "deallocate" -> deallocateStmt();
            case "declare" -> declareStmt();
            case "fetch", "move" -> fetchStmt();
            case "close" -> closeStmt();
            case "vacuum", "analyze", "analyse" -> vacuumStmt();
            case "lock" -> lockStmt();
            case "listen", "unlisten", "notify" -> listenFamily();
            case "discard" -> discardStmt();
            case "checkpoint" -> checkpointStmt();
            case "do" -> doStmt();
            case "call" -> callStmt();
            case "load" -> loadStmt();
            case "reindex" -> reindexStmt();
            case "cluster" -> clusterStmt();
            case "refresh" -> refreshStmt();
            case "reassign" -> {
                next();
                expect("owned");
                expect("by");
                var roles = roleList();
                expect("to");
                yield new ReassignOwnedStmt(roles, roleSpec());
            }
            case "import" -> importForeignSchema();
            default -> throw syntaxError();
        };
    }

    /** SELECT ... INTO t is CREATE TABLE AS, as in PostgreSQL's transformation. */
    private Statement selectInto(SelectStmt s) {
        IntoClause into = findInto(s);
        if (into == null) {
            return s;
        }
        return new CreateTableAsStmt(withoutInto(s), into, new ObjectType(ObjectType.Kind.TABLE), true, false);
    }

    /** The query of SELECT ... INTO: the INTO clause moves to the CREATE TABLE AS around it. */
    private static SelectStmt withoutInto(SelectStmt s) {
        return new SelectStmt(s.distinctClause(), null, s.targetList(), s.fromClause(), s.whereClause(), s.groupClause(),
                s.groupDistinct(), s.havingClause(), s.windowClause(), s.valuesLists(), s.sortClause(), s.limitOffset(),
                s.limitCount(), s.limitOption(), s.lockingClause(), s.withClause(), s.op(), s.all(),
                s.larg() == null ? null : withoutInto(s.larg()), s.rarg());
    }

    private static IntoClause findInto(SelectStmt s) {
        if (s.intoClause() != null) {
            return s.intoClause();
        }
        if (s.larg() != null) {
            return findInto(s.larg());
        }
        return null;
    }
}
