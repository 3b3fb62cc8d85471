package org.lakepg.conformance.readme;

/**
 * The pass-rate block of README.md, between {@code <!-- conformance:start -->} and
 * {@code <!-- conformance:end -->}: the conformance command rewrites what is between the
 * markers and nothing else; a README without the markers gets the block appended.
 */
public final class ReadmeBlock {
    public static final String START = "<!-- conformance:start -->";
    public static final String END = "<!-- conformance:end -->";

    private ReadmeBlock() {}

    public static String rewrite(String readme, String body) {
        String block = START + "\n" + body.strip() + "\n" + END;
        int start = readme.indexOf(START);
        int end = start < 0 ? -1 : readme.indexOf(END, start);
        if (start < 0 || end < 0) {
            String sep = readme.isEmpty() || readme.endsWith("\n\n") ? "" : readme.endsWith("\n") ? "\n" : "\n\n";
            return readme + sep + block + "\n";
        }
        return readme.substring(0, start) + block + readme.substring(end + END.length());
    }
}
