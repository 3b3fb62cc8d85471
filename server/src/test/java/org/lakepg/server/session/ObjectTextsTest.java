package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text handling behind search_path values, parameter defaults and CREATE SCHEMA elements. */
class ObjectTextsTest {

    @Test
    void searchPathElementsFoldUnquotedNamesAndKeepQuotedOnes() {
        assertThat(SearchPath.names("\"$user\", public")).containsExactly("$user", "public");
        assertThat(SearchPath.names("Foo,\"Bar Baz\" ,  \"a\"\"b\"")).containsExactly("foo", "Bar Baz", "a\"b");
        assertThat(SearchPath.names(" ")).isEmpty();
        assertThat(SearchPath.names("")).isEmpty();
    }

    @Test
    void parameterDefaultsAreCutAtTheirOwnLevel() {
        List<String> defaults = ParameterDefaults.of(
                "create function f(a int, b numeric(10,2) default 1.5, c text = 'x, y', d int[] DEFAULT array[1,2])"
                        + " returns int language sql as $$ select (1, 2) $$");
        assertThat(defaults).isEqualTo(Arrays.asList(null, "1.5", "'x, y'", "array[1,2]"));
        assertThat(ParameterDefaults.of("create function g() returns int return 1")).isEmpty();
        assertThat(ParameterDefaults.of("create function h(defaulted int default coalesce(null, 2)) returns int return 1"))
                .containsExactly("coalesce(null, 2)");
    }

    @Test
    void schemaElementsAreSplitAtTopLevelCreateAndGrant() {
        String sql = "CREATE SCHEMA s CREATE TABLE t (a int, created text) CREATE VIEW v AS SELECT 'create x' AS c "
                + "GRANT SELECT ON t TO public";
        assertThat(SchemaElements.texts(sql, 3)).containsExactly("CREATE TABLE t (a int, created text)",
                "CREATE VIEW v AS SELECT 'create x' AS c", "GRANT SELECT ON t TO public");
        assertThat(SchemaElements.texts(sql, 2)).isNull();
    }
}
