package org.lakepg.server.exec.explain;

/** EXPLAIN's options, with PostgreSQL's defaults (SUMMARY follows ANALYZE, TIMING is on with ANALYZE). */
public record ExplainOptions(boolean analyze, boolean verbose, boolean costs, boolean timing, boolean summary) {
}
