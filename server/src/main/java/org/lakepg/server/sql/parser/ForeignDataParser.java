package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AlterFdwStmt;
import org.lakepg.server.sql.ast.AlterForeignServerStmt;
import org.lakepg.server.sql.ast.AlterUserMappingStmt;
import org.lakepg.server.sql.ast.CreateFdwStmt;
import org.lakepg.server.sql.ast.CreateForeignServerStmt;
import org.lakepg.server.sql.ast.CreateForeignTableStmt;
import org.lakepg.server.sql.ast.CreateStmt;
import org.lakepg.server.sql.ast.CreateUserMappingStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropUserMappingStmt;
import org.lakepg.server.sql.ast.ImportForeignSchemaStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.Statement;

/** SQL/MED: foreign data wrappers, servers, user mappings, foreign tables and IMPORT FOREIGN SCHEMA. */
abstract class ForeignDataParser extends ReplicationParser {

    ForeignDataParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** CREATE FOREIGN TABLE / FOREIGN DATA WRAPPER, after CREATE. */
    final Statement createForeign() {
        expect("foreign");
        if (at("table")) {
            Statement table = createTable('p');
            if (!(table instanceof CreateStmt base)) {
                throw syntaxError();
            }
            expect("server");
            String server = colId();
            return new CreateForeignTableStmt(base, server, optGenericOptions());
        }
        expect("data");
        expect("wrapper");
        String name = colId();
        return new CreateFdwStmt(name, fdwOptions(), optGenericOptions());
    }

    /** ALTER FOREIGN DATA WRAPPER name ..., after the name. */
    final Statement alterFdw(String name) {
        List<DefElem> funcOptions = fdwOptions();
        List<DefElem> options = optGenericOptions();
        if (funcOptions.isEmpty() && options.isEmpty()) {
            throw syntaxError();
        }
        return new AlterFdwStmt(name, funcOptions, options);
    }

    /** fdw_options: HANDLER name | NO HANDLER | VALIDATOR name | NO VALIDATOR, any number. */
    private List<DefElem> fdwOptions() {
        List<DefElem> opts = new ArrayList<>();
        while (true) {
            int loc = pos();
            if (accept("handler") || accept("validator")) {
                opts.add(new DefElem(null, tokens.get(p - 1).value(), anyName(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("no", "handler") || acceptSeq("no", "validator")) {
                opts.add(new DefElem(null, tokens.get(p - 1).value(), null, DefElem.Action.UNSPEC, loc));
            } else {
                return opts;
            }
        }
    }

    private List<DefElem> optGenericOptions() {
        if (at("options")) {
            next();
            return genericOptions();
        }
        return List.of();
    }

    /** CREATE SERVER, after CREATE. */
    final Statement createServer() {
        expect("server");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        String name = colId();
        String type = accept("type") ? sconst() : null;
        String version = null;
        if (accept("version")) {
            version = accept("null") ? null : sconst();
        }
        expect("foreign");
        expect("data");
        expect("wrapper");
        String fdw = colId();
        return new CreateForeignServerStmt(name, type, version, fdw, ifNotExists, optGenericOptions());
    }

    /** ALTER SERVER name ..., after the name. */
    final Statement alterServer(String name) {
        boolean hasVersion = false;
        String version = null;
        if (accept("version")) {
            hasVersion = true;
            version = accept("null") ? null : sconst();
        }
        List<DefElem> options = optGenericOptions();
        if (!hasVersion && options.isEmpty()) {
            throw syntaxError();
        }
        return new AlterForeignServerStmt(name, version, options, hasVersion);
    }

    /** auth_ident: a role, or USER for the current user. */
    private RoleSpec authIdent() {
        Token t = peek();
        if (accept("user")) {
            return new RoleSpec(RoleSpec.Type.CURRENT_USER, null, t.start());
        }
        return roleSpec();
    }

    /** CREATE USER MAPPING, after CREATE. */
    final Statement createUserMapping() {
        expect("user");
        expect("mapping");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        expect("for");
        RoleSpec user = authIdent();
        expect("server");
        String server = colId();
        return new CreateUserMappingStmt(user, server, ifNotExists, optGenericOptions());
    }

    /** ALTER USER MAPPING, after ALTER. */
    final Statement alterUserMapping() {
        expect("user");
        expect("mapping");
        expect("for");
        RoleSpec user = authIdent();
        expect("server");
        String server = colId();
        expect("options");
        return new AlterUserMappingStmt(user, server, genericOptions());
    }

    /** DROP USER MAPPING, after DROP. */
    final Statement dropUserMapping() {
        expect("user");
        expect("mapping");
        boolean ifExists = acceptSeq("if", "exists");
        expect("for");
        RoleSpec user = authIdent();
        expect("server");
        return new DropUserMappingStmt(user, colId(), ifExists);
    }

    /** IMPORT FOREIGN SCHEMA. */
    final Statement importForeignSchema() {
        expect("import");
        expect("foreign");
        expect("schema");
        String remote = colId();
        ImportForeignSchemaStmt.ListType type = ImportForeignSchemaStmt.ListType.ALL;
        List<RangeVar> tables = List.of();
        if (acceptSeq("limit", "to") || accept("except")) {
            type = tokens.get(p - 1).isKeyword("except") ? ImportForeignSchemaStmt.ListType.EXCEPT
                    : ImportForeignSchemaStmt.ListType.LIMIT_TO;
            expectPunct("(");
            tables = new ArrayList<>();
            do {
                tables.add(relationExpr());
            } while (acceptPunct(","));
            expectPunct(")");
        }
        expect("from");
        expect("server");
        String server = colId();
        expect("into");
        String local = colId();
        return new ImportForeignSchemaStmt(server, remote, local, type, tables, optGenericOptions());
    }
}
