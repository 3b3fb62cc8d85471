/** Runs PostgreSQL's regression suite and client suites against a running lakepg and reports pass rates. */
package org.lakepg.conformance;
