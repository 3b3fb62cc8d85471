package org.lakepg.server.catalog.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One catalog table as PostgreSQL's {@code COPY ... (FORMAT csv, HEADER)} wrote it: a header
 * naming the columns, then rows. An unquoted empty field is SQL NULL (returned as null); a quoted
 * empty field is the empty string.
 */
public record CsvTable(String name, List<String> columns, List<String[]> rows) {

    public int column(String columnName) {
        int i = columns.indexOf(columnName);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no column " + columnName);
        }
        return i;
    }

    /** Accessor for one row by column name. */
    public record Row(CsvTable table, String[] values) {
        public String get(String column) {
            return values[table.column(column)];
        }

        public int getInt(String column) {
            return Integer.parseInt(get(column));
        }

        public long getOid(String column) {
            return Long.parseLong(get(column));
        }

        public boolean getBool(String column) {
            return "t".equals(get(column));
        }

        public char getChar(String column) {
            return get(column).charAt(0);
        }
    }

    public List<Row> asRows() {
        List<Row> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            out.add(new Row(this, r));
        }
        return out;
    }

    private static final Map<String, CsvTable> CACHE = new HashMap<>();

    /** Loads {@code <name>.csv} from this package's resources. */
    public static synchronized CsvTable load(String name) {
        return CACHE.computeIfAbsent(name, CsvTable::read);
    }

    private static CsvTable read(String name) {
        try (InputStream in = CsvTable.class.getResourceAsStream(name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("bootstrap catalog resource missing: " + name + ".csv");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvTable parse(String name, String text) {
        List<String[]> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    wasQuoted = true;
                }
                case ',' -> {
                    fields.add(finish(field, wasQuoted));
                    wasQuoted = false;
                }
                case '\n' -> {
                    fields.add(finish(field, wasQuoted));
                    wasQuoted = false;
                    records.add(fields.toArray(String[]::new));
                    fields.clear();
                }
                case '\r' -> { }
                default -> field.append(c);
            }
            i++;
        }
        if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
            fields.add(finish(field, wasQuoted));
            records.add(fields.toArray(String[]::new));
        }
        if (records.isEmpty()) {
            throw new IllegalStateException(name + ".csv is empty");
        }
        List<String> header = List.of(records.get(0));
        List<String[]> body = records.subList(1, records.size());
        for (String[] r : body) {
            if (r.length != header.size()) {
                throw new IllegalStateException(name + ".csv: row with " + r.length + " fields, header has "
                        + header.size());
            }
        }
        return new CsvTable(name, header, List.copyOf(body));
    }

    private static String finish(StringBuilder field, boolean wasQuoted) {
        String value = field.toString();
        field.setLength(0);
        return value.isEmpty() && !wasQuoted ? null : value;
    }
}
