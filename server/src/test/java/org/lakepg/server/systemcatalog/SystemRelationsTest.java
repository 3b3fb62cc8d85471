package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemRelationsTest {

    @Test
    void relationsHavePostgresOidsAndColumns() {
        SystemRelation pgClass = SystemRelations.find(List.of("pg_class")).orElseThrow();
        assertThat(pgClass.oid()).isEqualTo(1259);
        assertThat(pgClass.namespace()).isEqualTo(CatalogView.PG_CATALOG);
        assertThat(pgClass.columns()).hasSize(33);
        assertThat(pgClass.columns().get(0).name()).isEqualTo("oid");
        assertThat(pgClass.columns().get(0).type()).isEqualTo(26);
        assertThat(SystemRelations.byOid(1249).orElseThrow().name()).isEqualTo("pg_attribute");
    }

    @Test
    void informationSchemaNeedsItsQualifierAndItsColumnsTheirDomains() {
        assertThat(SystemRelations.find(List.of("tables"))).isEmpty();
        SystemRelation tables = SystemRelations.find(List.of("information_schema", "tables")).orElseThrow();
        assertThat(tables.kind()).isEqualTo('v');
        // table_name is an information_schema.sql_identifier (a domain over name), typed so as in PostgreSQL
        assertThat(tables.columns().get(2).type()).isEqualTo(13226);
        assertThat(SystemRelations.find(List.of("public", "pg_class"))).isEmpty();
    }
}
