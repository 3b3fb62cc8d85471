package org.lakepg.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.lakepg.conformance.ModulePaths;

class ReadmeBlockTest {

    @Test
    void rewritesOnlyWhatIsBetweenTheMarkers() {
        String readme = "# lakepg\n\nintro\n\n<!-- conformance:start -->\nold line\n<!-- conformance:end -->\n\n## More\n";
        String out = ReadmeBlock.rewrite(readme, "new line\n");
        assertThat(out).isEqualTo("# lakepg\n\nintro\n\n<!-- conformance:start -->\nnew line\n<!-- conformance:end -->\n\n## More\n");
        assertThat(ReadmeBlock.rewrite(out, "new line")).isEqualTo(out);
    }

    @Test
    void appendsTheBlockWhenTheMarkersAreMissing() {
        assertThat(ReadmeBlock.rewrite("# t\n", "x")).isEqualTo("# t\n\n<!-- conformance:start -->\nx\n<!-- conformance:end -->\n");
    }

    @Test
    void theProjectReadmeHasTheBlock() throws Exception {
        String readme = Files.readString(ModulePaths.root().resolve("README.md"));
        assertThat(readme).contains(ReadmeBlock.START).contains(ReadmeBlock.END);
        assertThat(readme.indexOf(ReadmeBlock.START)).isLessThan(readme.indexOf(ReadmeBlock.END));
    }
}
