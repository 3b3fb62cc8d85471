package org.lakepg.server.session;

import java.util.List;
import java.util.function.Supplier;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.objects.EventTriggerCatalog.EventTrigger;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.plpgsql.PlCompiler;
import org.lakepg.server.plpgsql.PlEventTriggerEvent;
import org.lakepg.server.plpgsql.PlInterpreter;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Fires event triggers around a DDL command, as PostgreSQL's ProcessUtilitySlow does: the ddl_command_start
 * triggers before it, the ddl_command_end ones after it succeeded, each in name order, in the command's transaction
 * (an error in a trigger aborts the command).
 */
final class EventTriggerFiring {
    private final ObjectCatalog objects;
    private final AnalyzerCatalog catalog;
    private final Supplier<Transaction> transaction;
    private final PlpgsqlCalls plpgsql;
    private final SessionSettings settings;

    EventTriggerFiring(ObjectCatalog objects, AnalyzerCatalog catalog, Supplier<Transaction> transaction,
                       PlpgsqlCalls plpgsql, SessionSettings settings) {
        this.objects = objects;
        this.catalog = catalog;
        this.transaction = transaction;
        this.plpgsql = plpgsql;
        this.settings = settings;
    }

    /** Runs {@code command} between the triggers its statement fires (none for a command they do not cover). */
    Execution around(Statement statement, ExecContext context, Supplier<Execution> command) {
        String tag = EventTriggerTags.of(statement);
        if (tag == null) {
            return command.get();
        }
        List<EventTrigger> all = objects.eventTriggers().all(transaction.get().snapshot());
        if (all.isEmpty()) {
            return command.get();
        }
        fire(all, "ddl_command_start", tag, context);
        Execution done = command.get();
        // the command changed the catalog: its triggers are read again (it may have dropped one)
        fire(objects.eventTriggers().all(transaction.get().snapshot()), "ddl_command_end", tag, context);
        return done;
    }

    private void fire(List<EventTrigger> triggers, String event, String tag, ExecContext context) {
        boolean replica = "replica".equals(settings.get("session_replication_role"));
        for (EventTrigger t : triggers) {
            boolean enabled = switch (t.enabled()) {
                case 'A' -> true;
                case 'R' -> replica;
                case 'O' -> !replica;
                default -> false;
            };
            if (enabled && t.event().equals(event) && (t.tags().isEmpty() || t.tags().contains(tag))) {
                run(t, new PlEventTriggerEvent(event, tag), context);
            }
        }
    }

    private void run(EventTrigger trigger, PlEventTriggerEvent event, ExecContext context) {
        ProcEntry proc = catalog.function(trigger.function()).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_FUNCTION, "function with OID %d does not exist", trigger.function()));
        if (proc.language() != ProcEntry.LANGUAGE_PLPGSQL) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "event trigger functions in language %d are not supported yet",
                    proc.language());
        }
        var function = PlCompiler.compile(proc, () -> FunctionSignatures.describe(proc));
        plpgsql.nested(() -> {
            PlInterpreter.fireEvent(function, plpgsql.host(context), event);
            return null;
        });
    }
}
