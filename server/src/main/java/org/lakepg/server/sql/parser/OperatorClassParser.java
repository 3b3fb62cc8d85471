package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AlterOpFamilyStmt;
import org.lakepg.server.sql.ast.CreateOpClassItem;
import org.lakepg.server.sql.ast.CreateOpClassStmt;
import org.lakepg.server.sql.ast.CreateOpFamilyStmt;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.SqlState;

/** CREATE OPERATOR CLASS / FAMILY and ALTER OPERATOR FAMILY ADD/DROP with their operator and function items. */
abstract class OperatorClassParser extends ForeignDataParser {

    OperatorClassParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** CREATE OPERATOR CLASS / FAMILY, after CREATE. */
    final Statement createOperatorClassOrFamily() {
        expect("operator");
        if (accept("family")) {
            List<String> name = anyName();
            expect("using");
            return new CreateOpFamilyStmt(name, colId());
        }
        expect("class");
        List<String> name = anyName();
        boolean isDefault = accept("default");
        expect("for");
        expect("type");
        TypeName type = typeName();
        expect("using");
        String am = colId();
        List<String> family = accept("family") ? anyName() : List.of();
        expect("as");
        List<CreateOpClassItem> items = new ArrayList<>();
        do {
            items.add(opClassItem());
        } while (acceptPunct(","));
        return new CreateOpClassStmt(name, family, am, type, items, isDefault);
    }

    /** ALTER OPERATOR FAMILY name USING am ADD/DROP ..., after the access method. */
    final Statement alterOperatorFamily(List<String> name, String am) {
        List<CreateOpClassItem> items = new ArrayList<>();
        if (accept("add")) {
            do {
                items.add(opClassItem());
            } while (acceptPunct(","));
            return new AlterOpFamilyStmt(name, am, false, items);
        }
        expect("drop");
        do {
            CreateOpClassItem.ItemType kind;
            if (accept("operator")) {
                kind = CreateOpClassItem.ItemType.OPERATOR;
            } else {
                expect("function");
                kind = CreateOpClassItem.ItemType.FUNCTION;
            }
            int number = iconst();
            expectPunct("(");
            List<TypeName> types = typeList();
            expectPunct(")");
            items.add(new CreateOpClassItem(kind, null, number, List.of(), types, null));
        } while (acceptPunct(","));
        return new AlterOpFamilyStmt(name, am, true, items);
    }

    private CreateOpClassItem opClassItem() {
        if (accept("storage")) {
            return new CreateOpClassItem(CreateOpClassItem.ItemType.STORAGE, null, 0, List.of(), List.of(), typeName());
        }
        if (accept("operator")) {
            int number = iconst();
            List<String> op = anyOperator();
            ObjectWithArgs name = atPunct("(") ? new ObjectWithArgs(op, operatorArgTypes(), false)
                    : new ObjectWithArgs(op, null, true);
            List<String> orderFamily = List.of();
            if (accept("for")) {
                if (!accept("search")) {
                    expect("order");
                    expect("by");
                    orderFamily = anyName();
                }
            }
            if (at("recheck")) {
                throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, pos(), "RECHECK is no longer required")
                        .withHint("Update your data type.");
            }
            return new CreateOpClassItem(CreateOpClassItem.ItemType.OPERATOR, name, number, orderFamily, List.of(), null);
        }
        expect("function");
        int number = iconst();
        List<TypeName> classArgs = List.of();
        if (atPunct("(")) {
            next();
            classArgs = typeList();
            expectPunct(")");
        }
        return new CreateOpClassItem(CreateOpClassItem.ItemType.FUNCTION, functionWithArgs(), number, List.of(),
                classArgs, null);
    }
}
