package org.lakepg.server.sql.plan;

/** A node of a physical plan: what the executor runs, one operator per node. */
public sealed interface PlanNode permits ResultNode {
}
