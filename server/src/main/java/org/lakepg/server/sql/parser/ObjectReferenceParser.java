package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.TypeName;

/**
 * Names of database objects as COMMENT ON, DROP, SECURITY LABEL and ALTER ... RENAME/OWNER/SET
 * SCHEMA write them: the object-kind words, then a name whose shape depends on the kind
 * (qualified name, function signature, operator with argument types, "name ON table", cast).
 */
abstract class ObjectReferenceParser extends UtilityParser {

    ObjectReferenceParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** The object kind words at the cursor (consumed), or null when they are not an object kind. */
    final ObjectType.Kind objectKind() {
        int save = p;
        ObjectType.Kind k = objectKindOrNull();
        if (k == null) {
            // keep furthest: when no statement form matches, the error belongs where the kind words broke off
            p = save;
        }
        return k;
    }

    private ObjectType.Kind objectKindOrNull() {
        Token t = next();
        if (t.kind() != TokenKind.KEYWORD) {
            return null;
        }
        return switch (t.value()) {
            case "table" -> ObjectType.Kind.TABLE;
            case "sequence" -> ObjectType.Kind.SEQUENCE;
            case "view" -> ObjectType.Kind.VIEW;
            case "materialized" -> accept("view") ? ObjectType.Kind.MATVIEW : brokeOff();
            case "index" -> ObjectType.Kind.INDEX;
            case "foreign" -> accept("table") ? ObjectType.Kind.FOREIGN_TABLE
                    : acceptSeq("data", "wrapper") ? ObjectType.Kind.FDW : brokeOff();
            case "collation" -> ObjectType.Kind.COLLATION;
            case "conversion" -> ObjectType.Kind.CONVERSION;
            case "statistics" -> ObjectType.Kind.STATISTIC_EXT;
            case "text" -> {
                if (!accept("search")) {
                    furthest = Math.max(furthest, p);
                    yield null;
                }
                Token k = next();
                yield switch (k.value()) {
                    case "parser" -> ObjectType.Kind.TSPARSER;
                    case "dictionary" -> ObjectType.Kind.TSDICTIONARY;
                    case "template" -> ObjectType.Kind.TSTEMPLATE;
                    case "configuration" -> ObjectType.Kind.TSCONFIGURATION;
                    default -> {
                        p--;
                        yield brokeOff();
                    }
                };
            }
            case "type" -> ObjectType.Kind.TYPE;
            case "domain" -> ObjectType.Kind.DOMAIN;
            case "schema" -> ObjectType.Kind.SCHEMA;
            case "database" -> ObjectType.Kind.DATABASE;
            case "extension" -> ObjectType.Kind.EXTENSION;
            case "role", "user", "group" -> ObjectType.Kind.ROLE;
            case "tablespace" -> ObjectType.Kind.TABLESPACE;
            case "language" -> ObjectType.Kind.LANGUAGE;
            case "procedural" -> accept("language") ? ObjectType.Kind.LANGUAGE : brokeOff();
            case "publication" -> ObjectType.Kind.PUBLICATION;
            case "subscription" -> ObjectType.Kind.SUBSCRIPTION;
            case "server" -> ObjectType.Kind.FOREIGN_SERVER;
            case "access" -> accept("method") ? ObjectType.Kind.ACCESS_METHOD : brokeOff();
            case "event" -> accept("trigger") ? ObjectType.Kind.EVENT_TRIGGER : brokeOff();
            case "column" -> ObjectType.Kind.COLUMN;
            case "function" -> ObjectType.Kind.FUNCTION;
            case "procedure" -> ObjectType.Kind.PROCEDURE;
            case "routine" -> ObjectType.Kind.ROUTINE;
            case "aggregate" -> ObjectType.Kind.AGGREGATE;
            case "operator" -> accept("class") ? ObjectType.Kind.OPCLASS
                    : accept("family") ? ObjectType.Kind.OPFAMILY : ObjectType.Kind.OPERATOR;
            case "constraint" -> ObjectType.Kind.TABCONSTRAINT;
            case "trigger" -> ObjectType.Kind.TRIGGER;
            case "rule" -> ObjectType.Kind.RULE;
            case "policy" -> ObjectType.Kind.POLICY;
            case "cast" -> ObjectType.Kind.CAST;
            case "transform" -> ObjectType.Kind.TRANSFORM;
            case "large" -> accept("object") ? ObjectType.Kind.LARGEOBJECT : brokeOff();
            default -> null;
        };
    }

    /** A multi-word object kind stopped matching at the cursor: errors are reported there. */
    private ObjectType.Kind brokeOff() {
        furthest = Math.max(furthest, p);
        return null;
    }

    /** One object name of the given kind; for "name ON table" kinds a list [name-parts..., table name list]. */
    final Object objectName(ObjectType.Kind kind) {
        switch (kind) {
            case FUNCTION, PROCEDURE, ROUTINE -> {
                return functionWithArgs();
            }
            case AGGREGATE -> {
                return aggregateWithArgs();
            }
            case OPERATOR -> {
                return operatorWithArgs();
            }
            case OPCLASS, OPFAMILY -> {
                List<String> name = anyName();
                expect("using");
                List<Object> parts = new ArrayList<>();
                parts.add(colId());
                parts.add(name);
                return parts;
            }
            case TABCONSTRAINT, TRIGGER, RULE, POLICY -> {
                String name = colId();
                expect("on");
                boolean domain = kind == ObjectType.Kind.TABCONSTRAINT && at("domain") && isColId(peek(1))
                        && accept("domain");
                List<Object> parts = new ArrayList<>();
                parts.add(name);
                parts.add(anyName());
                if (domain) {
                    parts.add("domain");
                }
                return parts;
            }
            case CAST -> {
                expectPunct("(");
                TypeName source = typeName();
                expect("as");
                TypeName target = typeName();
                expectPunct(")");
                return List.of(source, target);
            }
            case TRANSFORM -> {
                expect("for");
                TypeName type = typeName();
                expect("language");
                return List.of(type, colId());
            }
            case LARGEOBJECT -> {
                return numericOnly();
            }
            case TYPE, DOMAIN -> {
                return typeName();
            }
            case ROLE -> {
                return roleSpec();
            }
            default -> {
                return anyName();
            }
        }
    }

    final List<Object> objectNameList(ObjectType.Kind kind) {
        List<Object> names = new ArrayList<>();
        do {
            names.add(objectName(kind));
        } while (acceptPunct(","));
        return names;
    }
}
