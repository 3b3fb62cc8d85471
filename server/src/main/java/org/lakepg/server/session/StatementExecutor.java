package org.lakepg.server.session;

import java.util.Iterator;
import java.util.function.Consumer;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.Executor;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.ParameterTypes;
import org.lakepg.server.sql.analyzer.QueryAnalyzer;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TransactionStmt;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.server.sql.ast.VariableShowStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Analyzes statements into commands and starts them; the session drives transactions and the wire. */
final class StatementExecutor {
    private final AnalyzerCatalog catalog;
    private final TypeIO io;
    private final FunctionContext session;
    private final Consumer<PgException> notices;
    private final SettingCommands settingCommands;
    private final TransactionCommands transactionCommands;
    private final SessionSettings settings;
    private final Executor executor;

    private final DdlCommands ddl;
    private final SessionRelations relations;
    private final TransactionBlock block;
    private final DatabaseCommands databases;
    private final CopyCommand copy;
    private final java.util.function.Supplier<org.lakepg.server.txn.Transaction> transaction;

    StatementExecutor(AnalyzerCatalog catalog, TypeIO io, FunctionContext session, SessionSettings settings,
                      TransactionBlock block, Consumer<PgException> notices, SessionRelations relations,
                      java.util.function.Supplier<org.lakepg.server.txn.Transaction> transaction,
                      DatabaseCommands databases, java.util.function.Supplier<org.lakepg.wire.protocol.ResultSink> sink) {
        this.databases = databases;
        this.copy = new CopyCommand(relations.catalog(), sink);
        this.catalog = catalog;
        this.ddl = new DdlCommands(relations, notices);
        this.relations = relations;
        this.block = block;
        this.transaction = transaction;
        this.io = io;
        this.session = session;
        this.settings = settings;
        this.notices = notices;
        this.settingCommands = new SettingCommands(settings, block, notices);
        this.transactionCommands = new TransactionCommands(block);
        this.executor = new Executor(new ExprCompiler(FunctionRegistry.builtins(), io), FunctionRegistry.builtins());
    }

    /** Statements a failed transaction block still runs. */
    static boolean allowedInFailedBlock(Statement statement) {
        return statement instanceof TransactionStmt t && TransactionCommands.allowedInFailedBlock(t);
    }

    Command analyze(RawStatement raw, int[] parameterTypes) {
        if (raw == null) {
            return new Command.Empty();
        }
        Statement statement = raw.statement();
        return switch (statement) {
            case SelectStmt select -> {
                yield new Command.Query(queries(new ParameterTypes(parameterTypes)).select(select));
            }
            case org.lakepg.server.sql.ast.InsertStmt insert -> new Command.Query(modifier(parameterTypes).insert(insert));
            case org.lakepg.server.sql.ast.UpdateStmt update -> new Command.Query(modifier(parameterTypes).update(update));
            case org.lakepg.server.sql.ast.DeleteStmt delete -> new Command.Query(modifier(parameterTypes).delete(delete));
            case org.lakepg.server.sql.ast.CreateStmt create -> new Command.Utility(create, null);
            case org.lakepg.server.sql.ast.DropStmt drop -> new Command.Utility(drop, null);
            case org.lakepg.server.sql.ast.CreatedbStmt create -> new Command.Utility(create, null);
            case org.lakepg.server.sql.ast.CreateTableAsStmt ctas -> new Command.Utility(ctas, null);
            case org.lakepg.server.sql.ast.CopyStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.TruncateStmt t -> new Command.Utility(t, null);
            case org.lakepg.server.sql.ast.VacuumStmt v -> new Command.Utility(v, null);
            case org.lakepg.server.sql.ast.IndexStmt i -> new Command.Utility(i, null);
            case org.lakepg.server.sql.ast.AlterTableStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.CreateSeqStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.AlterSeqStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.RenameStmt r -> new Command.Utility(r, null);
            case org.lakepg.server.sql.ast.ConstraintsSetStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.DropdbStmt drop -> new Command.Utility(drop, null);
            case org.lakepg.server.sql.ast.AlterDatabaseStmt alter -> new Command.Utility(alter, null);
            case VariableShowStmt show -> new Command.Utility(show, SettingCommands.showColumns(show, settings));
            case VariableSetStmt set -> new Command.Utility(set, null);
            case TransactionStmt t -> new Command.Utility(t, null);
            case org.lakepg.server.sql.ast.ExplainStmt e -> {
                ExplainCommand.options(e);
                analyze(new RawStatement(e.query(), raw.location(), raw.length()), parameterTypes); // errors now, as PostgreSQL
                yield new Command.Utility(e, ExplainCommand.COLUMNS);
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not supported yet",
                    describe(statement));
        };
    }

    private org.lakepg.server.sql.analyzer.ModifyAnalyzer modifier(int[] parameterTypes) {
        ParameterTypes parameters = new ParameterTypes(parameterTypes);
        QueryAnalyzer queries = queries(parameters);
        return new org.lakepg.server.sql.analyzer.ModifyAnalyzer(queries.expressions(), queries, parameters, catalog);
    }

    /** The analyzers of one statement, sharing its parameter types. */
    private QueryAnalyzer queries(ParameterTypes parameters) {
        return new QueryAnalyzer(new ExpressionAnalyzer(catalog, io, session, parameters, notices), parameters, catalog);
    }

    Execution start(Command command, ExecContext context) {
        return switch (command) {
            case Command.Query q -> {
                Iterator<Object[]> rows = executor.open(q.plan().root(), context);
                yield new Execution(q.columns(), rows, q.plan().tag()::format);
            }
            case Command.Utility u -> switch (u.statement()) {
                case VariableShowStmt show -> settingCommands.show(show);
                case VariableSetStmt set -> settingCommands.set(set);
                case TransactionStmt t -> transactionCommands.run(t);
                case org.lakepg.server.sql.ast.CreateStmt create -> ddl.create.create(create, ddlContext(context));
                case org.lakepg.server.sql.ast.DropStmt drop -> ddl.drop.drop(drop, transaction.get());
                case org.lakepg.server.sql.ast.CreateSeqStmt c -> ddl.sequences.create(c, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.AlterSeqStmt a -> ddl.sequences.alter(a, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.RenameStmt r -> ddl.alter.rename(r, ddlContext(context));
                case org.lakepg.server.sql.ast.ConstraintsSetStmt c -> SetConstraintsCommand.run(c, transaction.get(),
                        relations, context.tables().deferredChecks(), block.inExplicitBlock(), notices);
                case org.lakepg.server.sql.ast.CreatedbStmt create -> databases.create(create);
                case org.lakepg.server.sql.ast.CopyStmt c -> copy.run(c, transaction.get(), context, relations,
                        () -> ddlContext(context));
                case org.lakepg.server.sql.ast.TruncateStmt t -> ddl.truncate(t, transaction.get());
                case org.lakepg.server.sql.ast.VacuumStmt v -> ddl.vacuum(v, block, transaction.get());
                case org.lakepg.server.sql.ast.IndexStmt i -> ddl.createIndex(i, transaction.get());
                case org.lakepg.server.sql.ast.AlterTableStmt a -> ddl.alter.alter(a, ddlContext(context));
                case org.lakepg.server.sql.ast.CreateTableAsStmt ctas -> {
                    if (!(ctas.query() instanceof SelectStmt select)) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "CREATE TABLE AS EXECUTE is not supported yet");
                    }
                    var plan = queries(new ParameterTypes(new int[0])).select(select);
                    yield ddl.createTableAs(ctas, transaction.get(), plan, () -> executor.open(plan.root(), context));
                }
                case org.lakepg.server.sql.ast.ExplainStmt e -> {
                    if (!(analyze(new RawStatement(e.query(), 0, 0), new int[0]) instanceof Command.Query q)) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN of this statement is not supported yet");
                    }
                    yield ExplainCommand.run(e, q.plan(), executor, context, catalog, io, session);
                }
                case org.lakepg.server.sql.ast.DropdbStmt drop -> databases.drop(drop);
                case org.lakepg.server.sql.ast.AlterDatabaseStmt alter -> databases.alter(alter);
                default -> throw new IllegalStateException("not a utility: " + u.statement());
            };
            case Command.Empty e -> throw new IllegalStateException("empty query has nothing to start");
        };
    }

    /** The analyzers and evaluation context a DDL statement binds and checks its expressions with. */
    private DdlContext ddlContext(ExecContext context) {
        ParameterTypes none = new ParameterTypes(new int[0]);
        QueryAnalyzer queries = queries(none);
        return new DdlContext(transaction.get(), queries.expressions(), new org.lakepg.server.sql.analyzer.ModifyAnalyzer(
                queries.expressions(), queries, none, catalog), new ExprCompiler(FunctionRegistry.builtins(), io), context,
                catalog);
    }

    /** "CREATE TABLE" for CreateStmt and so on: the statement's name for messages. */
    static String describe(Statement statement) {
        String name = statement.getClass().getSimpleName().replaceAll("Stmt$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
