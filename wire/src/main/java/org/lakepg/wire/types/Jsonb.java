package org.lakepg.wire.types;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A jsonb value as PostgreSQL normalizes it: numbers are numerics, object keys are unique
 * (the last duplicate wins) and ordered by byte length, then bytes. toString is jsonb_out.
 */
public sealed interface Jsonb {

    record Null() implements Jsonb {
        @Override
        public String toString() {
            return "null";
        }
    }

    record Bool(boolean value) implements Jsonb {
        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    record Number(PgNumeric value) implements Jsonb {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    record Str(String value) implements Jsonb {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(value.length() + 2);
            appendQuoted(out, value);
            return out.toString();
        }
    }

    record Array(List<Jsonb> elements) implements Jsonb {
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(elements.get(i));
            }
            return out.append(']').toString();
        }
    }

    /** An object: keys unique and in jsonb order; use {@link #of(List)} to normalize arbitrary members. */
    record Obj(List<Map.Entry<String, Jsonb>> members) implements Jsonb {
        public Obj {
            members = List.copyOf(members);
        }

        /** Normalizes: last duplicate wins, keys sorted by (UTF-8 length, bytes). */
        public static Obj of(List<Map.Entry<String, Jsonb>> members) {
            Map<String, Jsonb> unique = new LinkedHashMap<>();
            for (Map.Entry<String, Jsonb> member : members) {
                unique.put(member.getKey(), member.getValue());
            }
            List<Map.Entry<String, Jsonb>> sorted = new java.util.ArrayList<>(unique.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
            sorted.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
            return new Obj(sorted);
        }

        public Jsonb get(String key) {
            for (Map.Entry<String, Jsonb> member : members) {
                if (member.getKey().equals(key)) {
                    return member.getValue();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < members.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                appendQuoted(out, members.get(i).getKey());
                out.append(": ").append(members.get(i).getValue());
            }
            return out.append('}').toString();
        }
    }

    /** jsonb's key order: shorter keys first, equal lengths by unsigned bytes. */
    static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return Arrays.compareUnsigned(x, y);
    }

    /** PostgreSQL's escape_json. */
    static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
