package org.lakepg.server.sql.plan;

import org.lakepg.server.systemcatalog.SystemRelation;

/** Every row of a pg_catalog / information_schema relation, computed from the catalog when the scan starts. */
public record SystemScanNode(SystemRelation relation) implements PlanNode {

    @Override
    public int width() {
        return relation.columns().size();
    }
}
