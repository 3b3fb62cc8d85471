package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * User-defined functions and procedures in lakepg_proc, as pg_proc rows plus their owner: oid, name,
 * namespace, owner, kind, language, strict, volatility, returns set, return type, input argument types,
 * all argument types, argument modes, argument names, default expressions, source, SQL-standard body,
 * security definer, SET clauses (proconfig).
 */
public final class FunctionCatalog {
    static final int RELATION = 9;
    private final CatalogHeap heap;

    /** A function with the role that owns it. */
    public record UserFunction(ProcEntry proc, long owner) {}

    FunctionCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_proc", exists, TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
                TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8, TypeOids.BOOL, TypeOids.TEXT, TypeOids.BOOL,
                TypeOids.INT8, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT,
                TypeOids.TEXT, TypeOids.TEXT, TypeOids.BOOL, TypeOids.TEXT);
    }

    public List<UserFunction> functions(Snapshot snapshot) {
        List<UserFunction> out = new ArrayList<>();
        for (Object[] r : heap.rows(snapshot)) {
            out.add(decode(r));
        }
        return out;
    }

    public Optional<UserFunction> find(Snapshot snapshot, long oid) {
        return heap.rows(snapshot, r -> r[0].equals(oid)).stream().findFirst().map(FunctionCatalog::decode);
    }

    public void create(Transaction txn, ProcEntry p, long owner) {
        String modes = p.argumentModes() == null ? null : new String(p.argumentModes());
        heap.insert(txn, p.oid(), p.name(), p.namespace(), owner, String.valueOf(p.kind()), p.language(), p.strict(),
                String.valueOf(p.volatility()), p.returnsSet(), p.returnType(), TextLists.joinOids(p.argumentTypes()),
                TextLists.joinOids(p.allArgumentTypes()), modes, TextLists.join(p.argumentNames()),
                TextLists.join(p.defaultExpressions()), p.source(), p.sqlBody(), p.securityDefiner(),
                p.config().isEmpty() ? null : TextLists.join(p.config()));
    }

    public void drop(Transaction txn, long oid) {
        heap.delete(txn, r -> r[0].equals(oid));
    }

    private static UserFunction decode(Object[] r) {
        long[] args = TextLists.splitOids((String) r[10]);
        List<String> defaults = TextLists.split((String) r[14]);
        List<String> names = TextLists.split((String) r[13]);
        String modes = (String) r[12];
        ProcEntry p = new ProcEntry((Long) r[0], (String) r[1], (Long) r[2], (Long) r[5], 100, (Boolean) r[8] ? 1000 : 0,
                0, ((String) r[4]).charAt(0), r[17] != null && (Boolean) r[17], false, (Boolean) r[6], (Boolean) r[8],
                ((String) r[7]).charAt(0), 'u', defaults == null ? 0 : defaults.size(), (Long) r[9], args,
                TextLists.splitOids((String) r[11]), modes == null ? null : modes.toCharArray(),
                names, null, (String) r[15], (String) r[16],
                defaults == null ? List.of() : defaults, r[18] == null ? List.of() : TextLists.split((String) r[18]));
        return new UserFunction(p, (Long) r[3]);
    }
}
