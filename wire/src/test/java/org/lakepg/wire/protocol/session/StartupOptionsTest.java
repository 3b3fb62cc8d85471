package org.lakepg.wire.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The "options" startup parameter, split the way PostgreSQL's pg_split_opts does. */
class StartupOptionsTest {
    @Test
    void dashCAndDoubleDashSettingsWithEscapedSpaces() {
        assertThat(StartupOptions.settings("-c search_path=a\\ b --work-mem=64MB -csynchronous_commit=off -d 5"))
                .containsEntry("search_path", "a b")
                .containsEntry("work_mem", "64MB")
                .containsEntry("synchronous_commit", "off")
                .hasSize(3);
    }

    @Test
    void emptyAndMalformedOptionsGiveNothing() {
        assertThat(StartupOptions.settings("")).isEmpty();
        assertThat(StartupOptions.settings("-c")).isEmpty();
        assertThat(StartupOptions.settings("-c novalue")).isEmpty();
    }
}
