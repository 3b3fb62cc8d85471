package org.lakepg.conformance.sqltests;

/** The result of one data-driven SQL test file; summary says where the output first differed. */
public record SqlTestOutcome(String name, boolean passed, String summary) {}
