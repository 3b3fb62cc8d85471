package org.lakepg.wire.types;

import org.lakepg.wire.types.JsonPath.Chain;
import org.lakepg.wire.types.JsonPath.Item;

/** jsonpath_out (printJsonPathItem): keys and strings quoted, operators parenthesized by priority. */
final class JsonPathPrinter {
    private JsonPathPrinter() {
    }

    static String print(JsonPath path) {
        StringBuilder out = new StringBuilder();
        if (!path.lax()) {
            out.append("strict ");
        }
        chain(out, path.expr(), true);
        return out.toString();
    }

    private static int priority(Chain c) {
        return switch (c.head()) {
            case JsonPath.Binary b -> b.op().priority;
            case JsonPath.Unary u -> 5;
            default -> 6;
        };
    }

    private static void chain(StringBuilder out, Chain c, boolean brackets) {
        boolean hasNext = c.items().size() > 1;
        item(out, c.head(), false, brackets, hasNext);
        for (Item next : c.items().subList(1, c.items().size())) {
            item(out, next, true, true, false);
        }
    }

    private static void item(StringBuilder out, Item item, boolean inKey, boolean brackets, boolean hasNext) {
        switch (item) {
            case JsonPath.NullLiteral n -> out.append("null");
            case JsonPath.StringLiteral s -> Jsonb.appendQuoted(out, s.value());
            case JsonPath.NumericLiteral n -> {
                if (hasNext) {
                    out.append('(');
                }
                out.append(n.value());
                if (hasNext) {
                    out.append(')');
                }
            }
            case JsonPath.BoolLiteral b -> out.append(b.value() ? "true" : "false");
            case JsonPath.Binary b -> {
                if (brackets) {
                    out.append('(');
                }
                chain(out, b.left(), priority(b.left()) <= b.op().priority);
                out.append(' ').append(b.op().symbol).append(' ');
                chain(out, b.right(), priority(b.right()) <= b.op().priority);
                if (brackets) {
                    out.append(')');
                }
            }
            case JsonPath.Not n -> {
                out.append("!(");
                chain(out, n.arg(), false);
                out.append(')');
            }
            case JsonPath.IsUnknown u -> {
                out.append('(');
                chain(out, u.arg(), false);
                out.append(") is unknown");
            }
            case JsonPath.Unary u -> {
                if (brackets) {
                    out.append('(');
                }
                out.append(u.minus() ? '-' : '+');
                chain(out, u.arg(), priority(u.arg()) <= 5);
                if (brackets) {
                    out.append(')');
                }
            }
            case JsonPath.AnyArray a -> out.append("[*]");
            case JsonPath.AnyKey a -> out.append(inKey ? ".*" : "*");
            case JsonPath.IndexArray a -> {
                out.append('[');
                for (int i = 0; i < a.subscripts().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    JsonPath.Subscript s = a.subscripts().get(i);
                    chain(out, s.from(), false);
                    if (s.to() != null) {
                        out.append(" to ");
                        chain(out, s.to(), false);
                    }
                }
                out.append(']');
            }
            case JsonPath.Any a -> {
                if (inKey) {
                    out.append('.');
                }
                long last = JsonPath.Any.LAST;
                if (a.first() == 0 && a.last() == last) {
                    out.append("**");
                } else if (a.first() == a.last()) {
                    out.append(a.first() == last ? "**{last}" : "**{" + a.first() + "}");
                } else if (a.first() == last) {
                    out.append("**{last to ").append(a.last()).append('}');
                } else if (a.last() == last) {
                    out.append("**{").append(a.first()).append(" to last}");
                } else {
                    out.append("**{").append(a.first()).append(" to ").append(a.last()).append('}');
                }
            }
            case JsonPath.Key k -> {
                if (inKey) {
                    out.append('.');
                }
                Jsonb.appendQuoted(out, k.name());
            }
            case JsonPath.Current c -> out.append('@');
            case JsonPath.Root r -> out.append('$');
            case JsonPath.Variable v -> {
                out.append('$');
                Jsonb.appendQuoted(out, v.name());
            }
            case JsonPath.Filter f -> {
                out.append("?(");
                chain(out, f.predicate(), false);
                out.append(')');
            }
            case JsonPath.Exists e -> {
                out.append("exists (");
                chain(out, e.arg(), false);
                out.append(')');
            }
            case JsonPath.MethodCall m -> out.append('.').append(switch (m.method()) {
                case TYPE -> "type";
                case SIZE -> "size";
                case DOUBLE -> "double";
                case CEILING -> "ceiling";
                case FLOOR -> "floor";
                case ABS -> "abs";
                case KEYVALUE -> "keyvalue";
            }).append("()");
            case JsonPath.Datetime d -> {
                out.append(".datetime(");
                if (d.template() != null) {
                    chain(out, d.template(), false);
                }
                out.append(')');
            }
            case JsonPath.Last l -> out.append("last");
            case JsonPath.LikeRegex r -> {
                if (brackets) {
                    out.append('(');
                }
                chain(out, r.expr(), priority(r.expr()) <= 6);
                out.append(" like_regex ");
                Jsonb.appendQuoted(out, r.pattern());
                if (r.flags() != 0) {
                    out.append(" flag \"");
                    if ((r.flags() & JsonPath.REGEX_ICASE) != 0) {
                        out.append('i');
                    }
                    if ((r.flags() & JsonPath.REGEX_DOTALL) != 0) {
                        out.append('s');
                    }
                    if ((r.flags() & JsonPath.REGEX_MLINE) != 0) {
                        out.append('m');
                    }
                    if ((r.flags() & JsonPath.REGEX_WSPACE) != 0) {
                        out.append('x');
                    }
                    if ((r.flags() & JsonPath.REGEX_QUOTE) != 0) {
                        out.append('q');
                    }
                    out.append('"');
                }
                if (brackets) {
                    out.append(')');
                }
            }
        }
    }
}
