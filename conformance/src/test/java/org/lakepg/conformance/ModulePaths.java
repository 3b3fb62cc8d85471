package org.lakepg.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the vendored suite and scripts are, seen from a test (Maven runs tests in the module directory). */
public final class ModulePaths {
    private ModulePaths() {}

    public static Path module() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.exists(here.resolve("pg15-regress"))) {
            return here;
        }
        return here.resolve("conformance"); // run from the repository root
    }

    public static Path root() {
        return module().getParent();
    }

    public static Path suite() {
        return module().resolve("pg15-regress");
    }

    public static Path reference() {
        return module().resolve("reference-pg15.tsv");
    }

    public static Path fixture(String name) {
        return module().resolve("src/test/resources/fixtures").resolve(name);
    }
}
