package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.EventTriggerCatalog.EventTrigger;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.AlterEventTrigStmt;
import org.lakepg.server.sql.ast.AlterOwnerStmt;
import org.lakepg.server.sql.ast.CreateEventTrigStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE, ALTER (ENABLE / DISABLE, RENAME, OWNER) and DROP EVENT TRIGGER, with PostgreSQL's checks and errors. */
final class EventTriggerCommands {
    static final List<String> EVENTS = List.of("ddl_command_start", "ddl_command_end", "sql_drop", "table_rewrite");

    private final ObjectCatalog objects;
    private final AnalyzerCatalog catalog;
    private final RoleAccess roles;
    private final SessionRelations relations;
    private final Consumer<PgException> notices;

    EventTriggerCommands(ObjectCatalog objects, AnalyzerCatalog catalog, RoleAccess roles, SessionRelations relations,
                         Consumer<PgException> notices) {
        this.objects = objects;
        this.catalog = catalog;
        this.roles = roles;
        this.relations = relations;
        this.notices = notices;
    }

    Execution create(CreateEventTrigStmt s, Transaction txn) {
        if (!roles.superuser()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create event trigger \"%s\"",
                    s.trigname()).withHint("Must be superuser to create an event trigger.");
        }
        if (!EVENTS.contains(s.eventname())) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized event name \"%s\"", s.eventname());
        }
        List<String> tags = tags(s);
        if (objects.eventTriggers().find(txn.snapshot(), s.trigname()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "event trigger \"%s\" already exists", s.trigname());
        }
        ProcEntry function = function(s.funcname());
        objects.eventTriggers().create(txn, new EventTrigger(relations.catalog().newOid(), s.trigname(), s.eventname(),
                roles.currentRoleOid(), function.oid(), 'O', tags));
        return Execution.done("CREATE EVENT TRIGGER");
    }

    /** The WHEN TAG IN filter: only the tag variable, once; tags PostgreSQL knows and event triggers cover. */
    private static List<String> tags(CreateEventTrigStmt s) {
        List<String> tags = new ArrayList<>();
        boolean seen = false;
        for (DefElem filter : s.whenclause()) {
            if (!filter.defname().equals("tag")) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized filter variable \"%s\"", filter.defname());
            }
            if (seen) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "filter variable \"%s\" specified more than once",
                        filter.defname());
            }
            seen = true;
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) filter.arg();
            for (String value : values) {
                String tag = value.toUpperCase(Locale.ROOT);
                if (!EventTriggerTags.recognized(tag)) {
                    throw PgException.of(SqlState.SYNTAX_ERROR, "filter value \"%s\" not recognized for filter variable \"%s\"",
                            value, filter.defname());
                }
                if (!EventTriggerTags.supported(tag)) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "event triggers are not supported for %s", tag);
                }
                if (s.eventname().equals("table_rewrite") && !tag.equals("ALTER TABLE") && !tag.equals("ALTER TYPE")) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "event triggers are not supported for %s", tag);
                }
                tags.add(tag);
            }
        }
        return tags;
    }

    /** The trigger function: no arguments, returning event_trigger. */
    private ProcEntry function(List<String> name) {
        ProcEntry found = catalog.functions(name).stream().filter(p -> p.argumentTypes().length == 0).findFirst()
                .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s() does not exist",
                        String.join(".", name)));
        if (found.returnType() != TypeOids.EVENT_TRIGGER) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "function %s must return type %s",
                    String.join(".", name), "event_trigger");
        }
        return found;
    }

    Execution alter(AlterEventTrigStmt s, Transaction txn) {
        EventTrigger t = owned(txn, s.trigname());
        objects.eventTriggers().replace(txn, t.withEnabled(s.tgenabled()));
        return Execution.done("ALTER EVENT TRIGGER");
    }

    Execution rename(RenameStmt s, Transaction txn) {
        EventTrigger t = owned(txn, name(s.object()));
        if (objects.eventTriggers().find(txn.snapshot(), s.newname()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "event trigger \"%s\" already exists", s.newname());
        }
        objects.eventTriggers().replace(txn, t.withName(s.newname()));
        return Execution.done("ALTER EVENT TRIGGER");
    }

    /** The new owner must be a superuser, as PostgreSQL's AlterEventTriggerOwner requires. */
    Execution owner(AlterOwnerStmt s, Transaction txn) {
        EventTrigger t = owned(txn, name(s.object()));
        long owner = roles.oidOf(s.newowner());
        if (!roles.role(roles.nameOf(owner)).superuser()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to change owner of event trigger \"%s\"",
                    t.name()).withHint("The owner of an event trigger must be a superuser.");
        }
        objects.eventTriggers().replace(txn, t.withOwner(owner));
        return Execution.done("ALTER EVENT TRIGGER");
    }

    Execution drop(DropStmt s, Transaction txn) {
        for (Object o : s.objects()) {
            String name = name(o);
            var found = objects.eventTriggers().find(txn.snapshot(), name);
            if (found.isEmpty()) {
                MissingDropTarget.skipOrThrow(s.missingOk(), PgException.of(SqlState.UNDEFINED_OBJECT,
                        "event trigger \"%s\" does not exist", name), notices,
                        "event trigger \"%s\" does not exist, skipping", name);
                continue;
            }
            roles.requireOwner(found.get().owner(), "event trigger", name);
            objects.eventTriggers().drop(txn, found.get().oid());
            objects.comments().dropAll(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_EVENT_TRIGGER,
                    found.get().oid());
        }
        return Execution.done("DROP EVENT TRIGGER");
    }

    private EventTrigger owned(Transaction txn, String name) {
        EventTrigger t = objects.eventTriggers().find(txn.snapshot(), name).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_OBJECT, "event trigger \"%s\" does not exist", name));
        roles.requireOwner(t.owner(), "event trigger", name);
        return t;
    }

    private static String name(Object object) {
        return object instanceof List<?> parts ? String.join(".", parts.stream().map(String::valueOf).toList())
                : String.valueOf(object);
    }
}
