package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AlterPublicationStmt;
import org.lakepg.server.sql.ast.AlterSubscriptionStmt;
import org.lakepg.server.sql.ast.CreatePublicationStmt;
import org.lakepg.server.sql.ast.CreateSubscriptionStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropSubscriptionStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.PublicationObjSpec;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.wire.error.SqlState;

/** Logical replication: CREATE/ALTER PUBLICATION with their table and schema lists, CREATE/ALTER/DROP SUBSCRIPTION. */
abstract class ReplicationParser extends ObjectReferenceParser {

    ReplicationParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** CREATE PUBLICATION, after CREATE. */
    final Statement createPublication() {
        expect("publication");
        String name = colId();
        boolean allTables = false;
        List<PublicationObjSpec> objects = List.of();
        if (accept("for")) {
            if (acceptSeq("all", "tables")) {
                allTables = true;
            } else {
                objects = publicationObjects();
            }
        }
        List<DefElem> options = accept("with") ? definition() : List.of();
        return new CreatePublicationStmt(name, options, objects, allTables);
    }

    /** ALTER PUBLICATION, after ALTER PUBLICATION name (RENAME/OWNER are handled with other objects). */
    final Statement alterPublication(String name) {
        if (accept("set")) {
            if (atPunct("(")) {
                return new AlterPublicationStmt(name, definition(), List.of(), AlterPublicationStmt.Action.SET);
            }
            return new AlterPublicationStmt(name, List.of(), publicationObjects(), AlterPublicationStmt.Action.SET);
        }
        if (accept("add")) {
            return new AlterPublicationStmt(name, List.of(), publicationObjects(), AlterPublicationStmt.Action.ADD);
        }
        expect("drop");
        return new AlterPublicationStmt(name, List.of(), publicationObjects(), AlterPublicationStmt.Action.DROP);
    }

    /** pub_obj_list: TABLE ... and TABLES IN SCHEMA ... items; bare names continue the previous kind. */
    private List<PublicationObjSpec> publicationObjects() {
        List<PublicationObjSpec> objects = new ArrayList<>();
        PublicationObjSpec.Type current = null;
        do {
            int loc = pos();
            if (accept("table")) {
                current = PublicationObjSpec.Type.TABLE;
            } else if (acceptSeq("tables", "in", "schema")) {
                current = PublicationObjSpec.Type.TABLES_IN_SCHEMA;
            } else if (current == null) {
                // gram.y parses the bare name first; only then does it complain about the missing kind
                continuationObject(null, loc);
                throw errorAt(SqlState.SYNTAX_ERROR, loc, "invalid publication object list").withDetail(
                        "One of TABLE or TABLES IN SCHEMA must be specified before a standalone table or schema name.");
            } else {
                objects.add(continuationObject(current, loc));
                continue;
            }
            if (current == PublicationObjSpec.Type.TABLE) {
                RangeVar rel = relationExpr();
                List<String> cols = atPunct("(") ? parenColIdList() : List.of();
                Expr where = null;
                if (accept("where")) {
                    expectPunct("(");
                    where = aExpr();
                    expectPunct(")");
                }
                objects.add(new PublicationObjSpec(current, null, rel, cols, where, loc));
            } else if (accept("current_schema")) {
                objects.add(new PublicationObjSpec(PublicationObjSpec.Type.TABLES_IN_CUR_SCHEMA, null, null, List.of(), null,
                        loc));
            } else {
                objects.add(new PublicationObjSpec(current, colId(), null, List.of(), null, loc));
            }
        } while (acceptPunct(","));
        return objects;
    }

    /**
     * A bare name continuing a TABLE or TABLES IN SCHEMA list. gram.y accepts any of the forms here and
     * its preprocess_pubobj_list rejects the ones that do not fit the kind, with these messages. With a
     * null kind (no TABLE / TABLES IN SCHEMA before it) the item is only parsed, for the caller to reject.
     */
    private PublicationObjSpec continuationObject(PublicationObjSpec.Type kind, int loc) {
        if (at("current_schema")) {
            next();
            if (kind == null) {
                return null;
            }
            if (kind == PublicationObjSpec.Type.TABLE) {
                throw errorAt(SqlState.SYNTAX_ERROR, loc, "invalid table name");
            }
            return new PublicationObjSpec(PublicationObjSpec.Type.TABLES_IN_CUR_SCHEMA, null, null, List.of(), null, loc);
        }
        RangeVar rel = relationExpr();
        List<String> cols = atPunct("(") ? parenColIdList() : List.of();
        Expr where = null;
        if (accept("where")) {
            expectPunct("(");
            where = aExpr();
            expectPunct(")");
        }
        if (kind == null) {
            return null;
        }
        if (kind == PublicationObjSpec.Type.TABLE) {
            return new PublicationObjSpec(kind, null, rel, cols, where, loc);
        }
        if (where != null) {
            throw errorAt(SqlState.SYNTAX_ERROR, loc, "WHERE clause not allowed for schema");
        }
        if (!cols.isEmpty()) {
            throw errorAt(SqlState.SYNTAX_ERROR, loc, "column specification not allowed for schema");
        }
        if (rel.schemaname() != null || !rel.inh()) {
            throw errorAt(SqlState.SYNTAX_ERROR, loc, "invalid schema name");
        }
        return new PublicationObjSpec(kind, rel.relname(), null, List.of(), null, loc);
    }

    /** CREATE SUBSCRIPTION, after CREATE. */
    final Statement createSubscription() {
        expect("subscription");
        String name = colId();
        expect("connection");
        String conninfo = sconst();
        expect("publication");
        List<String> publications = colIdList();
        List<DefElem> options = accept("with") ? definition() : List.of();
        return new CreateSubscriptionStmt(name, conninfo, publications, options);
    }

    /** ALTER SUBSCRIPTION, after ALTER SUBSCRIPTION name (RENAME/OWNER are handled with other objects). */
    final Statement alterSubscription(String name) {
        if (accept("connection")) {
            return new AlterSubscriptionStmt(AlterSubscriptionStmt.Kind.CONNECTION, name, sconst(), List.of(), List.of());
        }
        if (acceptSeq("refresh", "publication")) {
            return new AlterSubscriptionStmt(AlterSubscriptionStmt.Kind.REFRESH, name, null, List.of(), optDefinition());
        }
        if (accept("enable") || accept("disable")) {
            boolean enable = tokens.get(p - 1).value().equals("enable");
            return new AlterSubscriptionStmt(AlterSubscriptionStmt.Kind.ENABLED, name, null, List.of(),
                    List.of(new DefElem(null, "enabled", enable, DefElem.Action.UNSPEC, -1)));
        }
        if (accept("skip")) {
            return new AlterSubscriptionStmt(AlterSubscriptionStmt.Kind.SKIP, name, null, List.of(), definition());
        }
        if (accept("add") || accept("drop")) {
            boolean add = tokens.get(p - 1).value().equals("add");
            expect("publication");
            List<String> publications = colIdList();
            return new AlterSubscriptionStmt(add ? AlterSubscriptionStmt.Kind.ADD_PUBLICATION
                    : AlterSubscriptionStmt.Kind.DROP_PUBLICATION, name, null, publications, optDefinition());
        }
        expect("set");
        if (accept("publication")) {
            List<String> publications = colIdList();
            return new AlterSubscriptionStmt(AlterSubscriptionStmt.Kind.SET_PUBLICATION, name, null, publications,
                    optDefinition());
        }
        return new AlterSubscriptionStmt(AlterSubscriptionStmt.Kind.OPTIONS, name, null, List.of(), definition());
    }

    /** DROP SUBSCRIPTION, after DROP. */
    final Statement dropSubscription() {
        expect("subscription");
        boolean ifExists = acceptSeq("if", "exists");
        String name = colId();
        return new DropSubscriptionStmt(name, ifExists, dropBehavior());
    }

    private List<DefElem> optDefinition() {
        return accept("with") ? definition() : List.of();
    }
}
