package org.lakepg.server.branch;

/**
 * How branches map to storage timelines: a database's main branch is the timeline named like the database;
 * its branch {@code dev} is the timeline {@code database@dev}. Clients connect to a branch by that name
 * ({@code psql -d postgres@dev}, {@code jdbc:postgresql://host/postgres@dev}) or with the startup option
 * {@code -c lakepg.branch=dev}.
 */
public final class BranchNames {
    public static final String MAIN = "main";
    public static final char SEPARATOR = '@';

    private BranchNames() {
    }

    /** The timeline serving {@code branch} of {@code database}. */
    public static String timeline(String database, String branch) {
        return branch == null || branch.isEmpty() || branch.equals(MAIN) ? database : database + SEPARATOR + branch;
    }

    /** The database a timeline belongs to (the part before {@code @}). */
    public static String database(String timeline) {
        int at = timeline.indexOf(SEPARATOR);
        return at < 0 ? timeline : timeline.substring(0, at);
    }

    /** The branch a timeline serves ({@code main} for the database's own timeline). */
    public static String branch(String timeline) {
        int at = timeline.indexOf(SEPARATOR);
        return at < 0 ? MAIN : timeline.substring(at + 1);
    }
}
