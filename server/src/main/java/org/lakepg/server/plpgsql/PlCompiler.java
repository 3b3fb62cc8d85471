package org.lakepg.server.plpgsql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;

/**
 * Turns a function's source into a {@link PlFunction}: the outermost namespace (labelled with the function's name)
 * holds its parameters, FOUND and, for trigger functions, NEW/OLD/TG_*; parsed functions are kept by their text.
 */
public final class PlCompiler {
    private PlCompiler() {}

    private static final Map<String, PlFunction> CACHE = new ConcurrentHashMap<>();

    /** A function of the catalog; {@code signature} names it in messages. */
    public static PlFunction compile(ProcEntry proc, java.util.function.Supplier<String> signature) {
        try {
            return compileCached(proc, signature);
        } catch (PgException e) {
            throw e.withPosition(0); // a position in the body is none in the statement that called the function
        }
    }

    /**
     * Compiles for CREATE FUNCTION: syntax errors carry their 1-based position in the body (the caller maps it into
     * the statement).
     */
    public static void validate(ProcEntry proc, java.util.function.Supplier<String> signature) {
        compileCached(proc, signature);
    }

    private static PlFunction compileCached(ProcEntry proc, java.util.function.Supplier<String> signature) {
        // the catalog hands out the same entry while the function is unchanged: no key to build then
        Compiled last = LAST.get(proc.oid());
        if (last != null && last.proc() == proc) {
            return last.function();
        }
        PlFunction function = compileByText(proc, signature);
        LAST.put(proc.oid(), new Compiled(proc, function));
        return function;
    }

    private record Compiled(ProcEntry proc, PlFunction function) {}

    private static final Map<Long, Compiled> LAST = new ConcurrentHashMap<>();

    private static PlFunction compileByText(ProcEntry proc, java.util.function.Supplier<String> signature) {
        String key = proc.oid() + "\u0000" + proc.returnType() + "\u0000" + java.util.Arrays.toString(proc.allArgumentTypes())
                + java.util.Arrays.toString(proc.argumentTypes()) + proc.argumentNames() + "\u0000" + proc.source();
        PlFunction cached = CACHE.get(key);
        if (cached == null) {
            cached = build(proc, signature.get());
            if (CACHE.size() > 2000) {
                CACHE.clear();
            }
            CACHE.put(key, cached);
        }
        return cached;
    }

    /** A DO block: no parameters, returns nothing. */
    public static PlFunction compileDo(String code) {
        try {
            return compileDoBlock(code);
        } catch (PgException e) {
            throw e.withPosition(0); // positions in the block are not mapped into the DO statement yet
        }
    }

    private static PlFunction compileDoBlock(String code) {
        PlNamespace root = new PlNamespace(null, null);
        int[] slot = {0};
        PlVariable found = fixed(root, "found", slot, TypeOids.BOOL);
        PlParser parser = new PlParser(code, root, slot[0]);
        PlStmt.Block body = parser.parseBody();
        parser.checkSqlSyntax();
        return new PlFunction("inline_code_block", "inline_code_block", body, parser.slotCount(), List.of(), List.of(),
                found, null, TypeOids.VOID, false, true, parser.cursorDefinitions());
    }

    private static PlFunction build(ProcEntry proc, String signature) {
        PlNamespace root = new PlNamespace(null, proc.name());
        int[] slot = {0};
        List<PlVariable> inputs = new ArrayList<>();
        List<PlVariable> outputs = new ArrayList<>();
        char[] modes = proc.argumentModes();
        long[] all = proc.allArgumentTypes() != null ? proc.allArgumentTypes() : proc.argumentTypes();
        List<String> names = proc.argumentNames();
        int inputNumber = 0;
        for (int i = 0; i < all.length; i++) {
            char mode = modes == null ? 'i' : modes[i];
            String name = names != null && i < names.size() && !names.get(i).isEmpty() ? names.get(i) : null;
            boolean input = mode == 'i' || mode == 'b' || mode == 'v';
            String variableName = name != null ? name : input ? "$" + (inputNumber + 1) : "$" + (i + 1);
            PlVariable v = all[i] == TypeOids.RECORD
                    ? new PlVariable(variableName, slot[0]++, PlVariable.Kind.RECORD, null, 0, false, false, null)
                    : PlVariable.fixed(variableName, slot[0]++, all[i]);
            root.add(v);
            if (input) {
                inputNumber++;
                if (name != null) {
                    root.add(new PlVariable("$" + inputNumber, v.slot(), v.kind(), null, v.fixedType(), false, false, null));
                }
                inputs.add(v);
            }
            if (mode == 'o' || mode == 'b' || mode == 't') {
                outputs.add(v);
            }
        }
        PlVariable found = fixed(root, "found", slot, TypeOids.BOOL);
        PlFunction.PlTriggerVariables trigger = proc.returnType() == TypeOids.TRIGGER ? triggerVariables(root, slot) : null;
        PlFunction.PlEventTriggerVariables eventTrigger = proc.returnType() == TypeOids.EVENT_TRIGGER
                ? new PlFunction.PlEventTriggerVariables(fixed(root, "tg_event", slot, TypeOids.TEXT),
                        fixed(root, "tg_tag", slot, TypeOids.TEXT)) : null;
        PlParser parser = new PlParser(proc.source(), root, slot[0]);
        PlStmt.Block body = parser.parseBody();
        parser.checkSqlSyntax();
        PlFunction function = new PlFunction(proc.name(), signature, body, parser.slotCount(), inputs, outputs, found, trigger,
                proc.returnType(), proc.returnsSet(), proc.kind() == ProcEntry.KIND_PROCEDURE, parser.cursorDefinitions(),
                eventTrigger);
        try {
            PlValidator.check(function);
        } catch (PgException e) {
            throw e.withPosition(0); // only the parser's positions are positions in the body
        }
        return function;
    }

    private static PlFunction.PlTriggerVariables triggerVariables(PlNamespace root, int[] slot) {
        PlVariable newRow = new PlVariable("new", slot[0]++, PlVariable.Kind.RECORD, null, 0, false, false, null);
        PlVariable oldRow = new PlVariable("old", slot[0]++, PlVariable.Kind.RECORD, null, 0, false, false, null);
        root.add(newRow);
        root.add(oldRow);
        return new PlFunction.PlTriggerVariables(newRow, oldRow, fixed(root, "tg_name", slot, TypeOids.NAME),
                fixed(root, "tg_when", slot, TypeOids.TEXT), fixed(root, "tg_level", slot, TypeOids.TEXT),
                fixed(root, "tg_op", slot, TypeOids.TEXT), fixed(root, "tg_relid", slot, TypeOids.OID),
                fixed(root, "tg_relname", slot, TypeOids.NAME), fixed(root, "tg_table_name", slot, TypeOids.NAME),
                fixed(root, "tg_table_schema", slot, TypeOids.NAME), fixed(root, "tg_nargs", slot, TypeOids.INT4),
                fixed(root, "tg_argv", slot, TypeOids.TEXT_ARRAY));
    }

    /** A trigger's WHEN condition, evaluated like a PL/pgSQL expression over NEW and OLD. */
    public static PlFunction compileCondition(String condition) {
        return CACHE.computeIfAbsent("\u0000when\u0000" + condition, key -> {
            PlNamespace root = new PlNamespace(null, null);
            int[] slot = {0};
            PlVariable found = fixed(root, "found", slot, TypeOids.BOOL);
            PlFunction.PlTriggerVariables trigger = triggerVariables(root, slot);
            PlParser parser = new PlParser("BEGIN RETURN (" + condition + "); END", root, slot[0]);
            return new PlFunction("when", "when", parser.parseBody(), parser.slotCount(), List.of(), List.of(), found,
                    trigger, TypeOids.BOOL, false, false, parser.cursorDefinitions());
        });
    }

    private static PlVariable fixed(PlNamespace root, String name, int[] slot, long type) {
        PlVariable v = PlVariable.fixed(name, slot[0]++, type);
        root.add(v);
        return v;
    }
}
