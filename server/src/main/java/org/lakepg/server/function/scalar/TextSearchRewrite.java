package org.lakepg.server.function.scalar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgTsQuery;

/**
 * ts_rewrite(query, target, substitute) as tsquery_rewrite.c does it: both queries flattened
 * (nested AND/OR merged) and their AND/OR children sorted by PostgreSQL's arbitrary but fixed
 * order (legacy CRC of the words), then every occurrence of the target, or of the target's
 * children among a node's children, replaced by the substitute; the result is made binary again.
 */
public final class TextSearchRewrite {
    private TextSearchRewrite() {}

    public static void register(FunctionRegistry r) {
        r.register("tsquery_rewrite", (x, c) -> rewrite((PgTsQuery) x[0], (PgTsQuery) x[1], (PgTsQuery) x[2]));
        r.register("tsquery_rewrite_query", (x, c) -> rewrite((PgTsQuery) x[0], (String) x[1], c));
    }

    /** ts_rewrite(query, select): each row of the select gives a target and its substitute, applied in turn. */
    static PgTsQuery rewrite(PgTsQuery query, String select, org.lakepg.server.function.FunctionContext c) {
        if (query.root() == null) {
            return query;
        }
        Node tree = build(query.root());
        ternary(tree);
        sort(tree);
        var result = c.runQuery(select);
        if (result.types().length != 2 || result.types()[0] != 3615 || result.types()[1] != 3615) {
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.INVALID_PARAMETER_VALUE,
                    "ts_rewrite query must return two tsquery columns");
        }
        while (result.rows().hasNext() && tree != null) {
            Object[] row = result.rows().next();
            if (row[0] == null || row[1] == null) {
                continue;
            }
            PgTsQuery target = (PgTsQuery) row[0];
            PgTsQuery substitute = (PgTsQuery) row[1];
            if (target.root() == null) {
                continue;
            }
            Node qex = build(target.root());
            ternary(qex);
            sort(qex);
            Node subs = substitute.root() == null ? null : build(substitute.root());
            tree = find(tree, qex, subs);
            if (tree != null) {
                clearNoChange(tree);
                ternary(tree);
                sort(tree);
            }
        }
        if (tree == null) {
            return new PgTsQuery(null);
        }
        binary(tree);
        return new PgTsQuery(convert(tree));
    }

    private static void clearNoChange(Node n) {
        n.noChange = false;
        for (Node c : n.children) {
            clearNoChange(c);
        }
    }

    private static final int OP_NOT = 1;
    private static final int OP_AND = 2;
    private static final int OP_OR = 3;
    private static final int OP_PHRASE = 4;
    private static final int QI_VAL = 1;
    private static final int QI_OPR = 2;

    /** QTNode: children[0] is the right operand of a binary operator, as in PostgreSQL's polish layout. */
    private static final class Node {
        int type;
        int oper;
        int distance;
        String word;
        int crc;
        int weights;
        boolean prefix;
        List<Node> children = new ArrayList<>();
        int sign;
        boolean noChange;

        Node copy() {
            Node n = new Node();
            n.type = type;
            n.oper = oper;
            n.distance = distance;
            n.word = word;
            n.crc = crc;
            n.weights = weights;
            n.prefix = prefix;
            n.sign = sign;
            n.noChange = noChange;
            for (Node ch : children) {
                n.children.add(ch.copy());
            }
            return n;
        }
    }

    static PgTsQuery rewrite(PgTsQuery query, PgTsQuery ex, PgTsQuery subst) {
        if (query.root() == null || ex.root() == null) {
            return query;
        }
        Node tree = build(query.root());
        ternary(tree);
        sort(tree);
        Node qex = build(ex.root());
        ternary(qex);
        sort(qex);
        Node subs = subst.root() == null ? null : build(subst.root());
        tree = find(tree, qex, subs);
        if (tree == null) {
            return new PgTsQuery(null);
        }
        binary(tree);
        return new PgTsQuery(convert(tree));
    }

    private static Node build(PgTsQuery.Node n) {
        Node out = new Node();
        switch (n) {
            case PgTsQuery.Operand o -> {
                out.type = QI_VAL;
                out.word = o.word();
                out.crc = TextSearchQueryOrder.legacyCrc32(o.word());
                out.weights = o.weights();
                out.prefix = o.prefix();
                out.sign = 1 << (int) (Integer.toUnsignedLong(out.crc) % 32);
            }
            case PgTsQuery.Not x -> {
                out.type = QI_OPR;
                out.oper = OP_NOT;
                out.children.add(build(x.arg()));
                out.sign = out.children.get(0).sign;
            }
            case PgTsQuery.Binary b -> {
                out.type = QI_OPR;
                out.oper = switch (b.op()) {
                    case AND -> OP_AND;
                    case OR -> OP_OR;
                    case PHRASE -> OP_PHRASE;
                };
                out.distance = b.op() == PgTsQuery.Op.PHRASE ? b.distance() : 0;
                out.children.add(build(b.right()));
                out.children.add(build(b.left()));
                out.sign = out.children.get(0).sign | out.children.get(1).sign;
            }
        }
        return out;
    }

    private static PgTsQuery.Node convert(Node n) {
        if (n.type == QI_VAL) {
            return new PgTsQuery.Operand(n.word, n.weights, n.prefix);
        }
        if (n.oper == OP_NOT) {
            return new PgTsQuery.Not(convert(n.children.get(0)));
        }
        PgTsQuery.Op op = n.oper == OP_AND ? PgTsQuery.Op.AND : n.oper == OP_OR ? PgTsQuery.Op.OR : PgTsQuery.Op.PHRASE;
        return new PgTsQuery.Binary(op, n.distance, convert(n.children.get(1)), convert(n.children.get(0)));
    }

    /** QTNodeCompare. */
    private static int compare(Node a, Node b) {
        if (a.type != b.type) {
            return a.type > b.type ? -1 : 1;
        }
        if (a.type == QI_OPR) {
            if (a.oper != b.oper) {
                return a.oper > b.oper ? -1 : 1;
            }
            if (a.children.size() != b.children.size()) {
                return a.children.size() > b.children.size() ? -1 : 1;
            }
            for (int i = 0; i < a.children.size(); i++) {
                int res = compare(a.children.get(i), b.children.get(i));
                if (res != 0) {
                    return res;
                }
            }
            if (a.oper == OP_PHRASE && a.distance != b.distance) {
                return a.distance > b.distance ? -1 : 1;
            }
            return 0;
        }
        if (a.crc != b.crc) {
            return a.crc > b.crc ? -1 : 1;
        }
        byte[] x = a.word.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.word.getBytes(StandardCharsets.UTF_8);
        int common = Math.min(x.length, y.length);
        int cmp = Arrays.compareUnsigned(x, 0, common, y, 0, common);
        if (cmp != 0) {
            return cmp;
        }
        return Integer.compare(x.length, y.length);
    }

    private static void sort(Node n) {
        if (n.type != QI_OPR) {
            return;
        }
        for (Node c : n.children) {
            sort(c);
        }
        if (n.children.size() > 1 && n.oper != OP_PHRASE) {
            n.children.sort(TextSearchRewrite::compare);
        }
    }

    private static boolean equal(Node a, Node b) {
        int sign = a.sign & b.sign;
        return sign == a.sign && sign == b.sign && compare(a, b) == 0;
    }

    /** QTNTernary: an AND (OR) child of an AND (OR) gives its children to its parent. */
    private static void ternary(Node n) {
        if (n.type != QI_OPR) {
            return;
        }
        for (Node c : n.children) {
            ternary(c);
        }
        if (n.oper != OP_AND && n.oper != OP_OR) {
            return;
        }
        List<Node> flat = new ArrayList<>();
        for (Node c : n.children) {
            if (c.type == QI_OPR && c.oper == n.oper) {
                flat.addAll(c.children);
            } else {
                flat.add(c);
            }
        }
        n.children = flat;
    }

    /** QTNBinary: the first two children paired under a new node until two are left. */
    private static void binary(Node n) {
        if (n.type != QI_OPR) {
            return;
        }
        for (Node c : n.children) {
            binary(c);
        }
        while (n.children.size() > 2) {
            Node nn = new Node();
            nn.type = n.type;
            nn.oper = n.oper;
            nn.children.add(n.children.get(0));
            nn.children.add(n.children.get(1));
            nn.sign = nn.children.get(0).sign | nn.children.get(1).sign;
            Node last = n.children.get(n.children.size() - 1);
            n.children.set(0, nn);
            n.children.set(1, last);
            n.children.remove(n.children.size() - 1);
        }
    }

    private static final class Found {
        boolean found;
    }

    private static Node find(Node root, Node ex, Node subs) {
        return dofind(root, ex, subs, new Found());
    }

    /** findeq: this node equal to ex (or a subset of its AND/OR children equal to ex's) replaced by subs. */
    private static Node findeq(Node node, Node ex, Node subs, Found found) {
        if ((node.sign & ex.sign) != ex.sign || node.type != ex.type || node.noChange) {
            return node;
        }
        if (node.type == QI_OPR) {
            if (node.oper != ex.oper) {
                return node;
            }
            if (node.children.size() == ex.children.size()) {
                if (equal(node, ex)) {
                    found.found = true;
                    return replacement(subs);
                }
            } else if (node.children.size() > ex.children.size() && !ex.children.isEmpty()) {
                boolean[] matched = new boolean[node.children.size()];
                int nmatched = 0;
                int i = 0;
                int j = 0;
                while (i < node.children.size() && j < ex.children.size()) {
                    int cmp = compare(node.children.get(i), ex.children.get(j));
                    if (cmp == 0) {
                        matched[i] = true;
                        nmatched++;
                        i++;
                        j++;
                    } else if (cmp < 0) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (nmatched == ex.children.size()) {
                    List<Node> kept = new ArrayList<>();
                    for (int k = 0; k < node.children.size(); k++) {
                        if (!matched[k]) {
                            kept.add(node.children.get(k));
                        }
                    }
                    Node s = replacement(subs);
                    if (s != null) {
                        kept.add(s);
                    }
                    node.children = kept;
                    sort(node);
                    found.found = true;
                }
            }
            return node;
        }
        if (node.crc != ex.crc) {
            return node;
        }
        if (equal(node, ex)) {
            found.found = true;
            return replacement(subs);
        }
        return node;
    }

    private static Node replacement(Node subs) {
        if (subs == null) {
            return null;
        }
        Node s = subs.copy();
        s.noChange = true;
        return s;
    }

    private static Node dofind(Node root, Node ex, Node subs, Found found) {
        root = findeq(root, ex, subs, found);
        if (root != null && !root.noChange && root.type == QI_OPR) {
            List<Node> kept = new ArrayList<>();
            for (Node c : root.children) {
                Node r = dofind(c, ex, subs, found);
                if (r != null) {
                    kept.add(r);
                }
            }
            root.children = kept;
            if (kept.isEmpty()) {
                return null;
            }
            if (kept.size() == 1 && root.oper != OP_NOT) {
                return kept.get(0);
            }
        }
        return root;
    }
}
