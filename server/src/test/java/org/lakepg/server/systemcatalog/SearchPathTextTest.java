package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

class SearchPathTextTest {

    @Test
    void splitsFoldsAndKeepsQuotedNames() {
        assertThat(SearchPathText.parse("\"$user\", public")).containsExactly("$user", "public");
        assertThat(SearchPathText.parse("Foo,\"Bar\"  ,  \"a\"\"b\"")).containsExactly("foo", "Bar", "a\"b");
        assertThat(SearchPathText.parse("")).isEmpty();
    }

    @Test
    void qualifiedNamesAsRegclassInputReadsThem() {
        assertThat(QualifiedNames.parse("public.t")).containsExactly("public", "t");
        assertThat(QualifiedNames.parse(" \"My Schema\" . \"T\"")).containsExactly("My Schema", "T");
        assertThat(QualifiedNames.parse("PG_CLASS")).isEqualTo(List.of("pg_class"));
        assertThatThrownBy(() -> QualifiedNames.parse("a..b")).isInstanceOf(PgException.class)
                .hasMessageContaining("invalid name syntax");
        assertThatThrownBy(() -> QualifiedNames.parse("\"\"")).isInstanceOf(PgException.class);
    }
}
