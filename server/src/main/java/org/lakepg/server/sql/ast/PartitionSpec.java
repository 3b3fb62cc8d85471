package org.lakepg.server.sql.ast;

import java.util.List;

/** PARTITION BY strategy (elements). */
public record PartitionSpec(String strategy, List<PartitionElem> partParams, int location) {}
