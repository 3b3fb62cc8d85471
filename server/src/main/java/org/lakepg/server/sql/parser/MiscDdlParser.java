package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AlterEventTrigStmt;
import org.lakepg.server.sql.ast.AlterTSConfigurationStmt;
import org.lakepg.server.sql.ast.AlterTSDictionaryStmt;
import org.lakepg.server.sql.ast.AlterTableMoveAllStmt;
import org.lakepg.server.sql.ast.CreateAmStmt;
import org.lakepg.server.sql.ast.CreateConversionStmt;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.Statement;

/**
 * Smaller DDL: conversions, access methods, text search configuration mappings and dictionaries,
 * event trigger switches, and moving all relations of a tablespace.
 */
abstract class MiscDdlParser extends OperatorClassParser {

    MiscDdlParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** CREATE [DEFAULT] CONVERSION, after CREATE [DEFAULT]. */
    final Statement createConversion(boolean isDefault) {
        expect("conversion");
        List<String> name = anyName();
        expect("for");
        String from = sconst();
        expect("to");
        String to = sconst();
        expect("from");
        return new CreateConversionStmt(name, from, to, anyName(), isDefault);
    }

    /** CREATE ACCESS METHOD name TYPE INDEX | TABLE HANDLER function, after CREATE. */
    final Statement createAccessMethod() {
        expect("access");
        expect("method");
        String name = colId();
        expect("type");
        char type;
        if (accept("index")) {
            type = 'i';
        } else {
            expect("table");
            type = 't';
        }
        expect("handler");
        return new CreateAmStmt(name, anyName(), type);
    }

    /** ALTER TEXT SEARCH DICTIONARY name (...) or CONFIGURATION name ... MAPPING, after the name. */
    final Statement alterTextSearch(ObjectType.Kind kind, List<String> name) {
        if (kind == ObjectType.Kind.TSDICTIONARY) {
            return new AlterTSDictionaryStmt(name, definition());
        }
        if (kind != ObjectType.Kind.TSCONFIGURATION) {
            throw syntaxError();
        }
        if (accept("add")) {
            expect("mapping");
            expect("for");
            List<String> tokenTypes = colIdList();
            expect("with");
            return new AlterTSConfigurationStmt(AlterTSConfigurationStmt.Kind.ADD_MAPPING, name, tokenTypes,
                    anyNameList(), false, false, false);
        }
        if (accept("drop")) {
            expect("mapping");
            boolean ifExists = acceptSeq("if", "exists");
            expect("for");
            return new AlterTSConfigurationStmt(AlterTSConfigurationStmt.Kind.DROP_MAPPING, name, colIdList(), List.of(),
                    false, false, ifExists);
        }
        expect("alter");
        expect("mapping");
        List<String> tokenTypes = List.of();
        if (accept("for")) {
            tokenTypes = colIdList();
        }
        if (accept("replace")) {
            List<List<String>> dicts = new ArrayList<>();
            dicts.add(anyName());
            expect("with");
            dicts.add(anyName());
            return new AlterTSConfigurationStmt(tokenTypes.isEmpty() ? AlterTSConfigurationStmt.Kind.REPLACE_DICT
                    : AlterTSConfigurationStmt.Kind.REPLACE_DICT_FOR_TOKEN, name, tokenTypes, dicts, false, true, false);
        }
        if (tokenTypes.isEmpty()) {
            throw syntaxError();
        }
        expect("with");
        return new AlterTSConfigurationStmt(AlterTSConfigurationStmt.Kind.ALTER_MAPPING_FOR_TOKEN, name, tokenTypes,
                anyNameList(), true, false, false);
    }

    /** ALTER EVENT TRIGGER name ENABLE [REPLICA | ALWAYS] / DISABLE, after the name. */
    final Statement alterEventTrigger(String name) {
        if (accept("disable")) {
            return new AlterEventTrigStmt(name, 'D');
        }
        expect("enable");
        if (accept("replica")) {
            return new AlterEventTrigStmt(name, 'R');
        }
        if (accept("always")) {
            return new AlterEventTrigStmt(name, 'A');
        }
        return new AlterEventTrigStmt(name, 'O');
    }

    /** ... ALL IN TABLESPACE old [OWNED BY roles] SET TABLESPACE new [NOWAIT], after ALL. */
    final Statement alterAllInTablespace(ObjectType.Kind kind) {
        expect("in");
        expect("tablespace");
        String from = colId();
        List<RoleSpec> roles = List.of();
        if (acceptSeq("owned", "by")) {
            roles = roleList();
        }
        expect("set");
        expect("tablespace");
        String to = colId();
        return new AlterTableMoveAllStmt(from, new ObjectType(kind), roles, to, accept("nowait"));
    }

    /** CREATE [OR REPLACE] [TRUSTED] [PROCEDURAL] LANGUAGE, after CREATE [OR REPLACE]. */
    final Statement createLanguage(boolean replace) {
        boolean trusted = accept("trusted");
        accept("procedural");
        expect("language");
        String name = nonReservedWordOrSconst();
        List<String> handler = List.of();
        List<String> inline = List.of();
        List<String> validator = List.of();
        if (accept("handler")) {
            handler = anyName();
            if (accept("inline")) {
                inline = anyName();
            }
            if (accept("validator")) {
                validator = anyName();
            } else {
                acceptSeq("no", "validator");
            }
        }
        return new org.lakepg.server.sql.ast.CreatePLangStmt(replace, name, handler, inline, validator, trusted);
    }

    /** CREATE [OR REPLACE] TRANSFORM FOR type LANGUAGE lang (FROM SQL WITH FUNCTION f, TO SQL WITH FUNCTION g). */
    final Statement createTransform(boolean replace) {
        expect("transform");
        expect("for");
        var type = typeName();
        expect("language");
        String lang = nonReservedWord();
        expectPunct("(");
        org.lakepg.server.sql.ast.ObjectWithArgs from = null;
        org.lakepg.server.sql.ast.ObjectWithArgs to = null;
        do {
            boolean isFrom;
            if (accept("from")) {
                isFrom = true;
            } else {
                expect("to");
                isFrom = false;
            }
            expect("sql");
            expect("with");
            expect("function");
            var f = functionWithArgs();
            if (isFrom) {
                from = f;
            } else {
                to = f;
            }
        } while (acceptPunct(","));
        expectPunct(")");
        return new org.lakepg.server.sql.ast.CreateTransformStmt(replace, type, lang, from, to);
    }
}
