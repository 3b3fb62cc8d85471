package org.lakepg.server.sql.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The statements of PostgreSQL 15's regression suite (test resource parser/regress-corpus.txt.gz,
 * built by make-regress-corpus.py from conformance/pg15-regress with psql's statement splitting)
 * with what PostgreSQL's expected output shows for each.
 */
record RegressionCorpus(List<Entry> entries) {

    /** status: ok, error (raised after parsing), syntax (a parse error, message kept), multi, unknown. */
    record Entry(String where, String status, boolean standardConformingStrings, String message, String sql) {
        private static final Pattern PSQL_VARIABLE = Pattern.compile("(?<![:\\w]):(['\"]?)[A-Za-z_][A-Za-z0-9_]*\\1");

        boolean usesPsqlVariable() {
            return PSQL_VARIABLE.matcher(sql).find();
        }

        /** The statement kind for reports: its first word, two for CREATE/ALTER/DROP. */
        String kind() {
            String text = sql.replaceAll("(?m)--.*$", " ").replaceAll("(?s)/\\*.*?\\*/", " ").trim().toLowerCase();
            String[] words = text.split("[\\s(;]+");
            if (words.length == 0 || words[0].isEmpty()) {
                return "(empty)";
            }
            String first = words[0];
            if ((first.equals("create") || first.equals("alter") || first.equals("drop")) && words.length > 1) {
                String second = words[1];
                if (second.equals("or") || second.equals("unique") || second.equals("temp") || second.equals("temporary")
                        || second.equals("unlogged")) {
                    for (int i = 2; i < words.length; i++) {
                        if (!words[i].equals("replace") && !words[i].equals("unique") && !words[i].equals("temp")
                                && !words[i].equals("temporary")) {
                            second = words[i];
                            break;
                        }
                    }
                }
                return first + " " + second;
            }
            return first;
        }
    }

    static RegressionCorpus load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = RegressionCorpus.class.getResourceAsStream("/parser/regress-corpus.txt.gz")) {
            if (in == null) {
                throw new IOException("missing test resource parser/regress-corpus.txt.gz");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String line;
            String[] header = null;
            StringBuilder body = new StringBuilder();
            while ((line = r.readLine()) != null) {
                if (header == null) {
                    if (line.startsWith("#@ ")) {
                        header = line.substring(3).split("\t", -1);
                        body.setLength(0);
                    }
                    continue;
                }
                if (line.equals("#@@")) {
                    String sql = body.length() > 0 ? body.substring(0, body.length() - 1) : "";
                    entries.add(new Entry(header[0], header[1], header[2].equals("on"), header[3], sql));
                    header = null;
                    continue;
                }
                body.append(line).append('\n');
            }
        }
        return new RegressionCorpus(entries);
    }
}
