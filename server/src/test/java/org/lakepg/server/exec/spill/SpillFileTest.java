package org.lakepg.server.exec.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgNumeric;

class SpillFileTest {
    @TempDir
    Path data;

    @Test
    void rowsComeBackEqualWhateverTheirValues() {
        TempFileSpace space = TempFileSpace.open(data);
        TempFiles files = new TempFiles(space, -1);
        PgArray array = PgArray.of(23, 1, 2, 3);
        Object[] row = {null, true, false, (byte) 7, (short) -3, 42, -1L << 40, 1.5f, 2.25, "héllo ✓", new byte[] {0, -1},
            new PgNumeric(PgNumeric.Kind.FINITE, new BigDecimal("-12345678901234567890.000123")), PgNumeric.NAN,
            new BigDecimal("1E+5"), new PgInterval(1, -2, 3_000_000L), new UUID(1, -2), array, ""};
        SpillFile file = files.create();
        for (int i = 0; i < 1000; i++) {
            file.write(row);
        }
        file.write(new Object[0]);
        assertThat(file.rows()).isEqualTo(1001);
        assertThat(files.bytes()).isEqualTo(file.size()).isPositive();
        Iterator<Object[]> read = file.read();
        List<Object[]> back = new ArrayList<>();
        read.forEachRemaining(back::add);
        assertThat(back).hasSize(1001);
        assertThat(back.get(999)).usingRecursiveComparison().isEqualTo(row);
        assertThat(back.get(999)[16]).isSameAs(array); // no compact form: kept on the heap by reference
        assertThat(back.get(1000)).isEmpty();
        assertThat(space.fileCount()).isEqualTo(1);
        files.close();
        assertThat(space.fileCount()).isZero();
        assertThat(files.bytes()).isZero();
    }

    @Test
    void openingTheSpaceDeletesFilesAnEarlierProcessLeft() throws Exception {
        Path dir = Files.createDirectories(data.resolve(TempFileSpace.DIRECTORY));
        Files.writeString(dir.resolve("pgsql_tmp123.4"), "left over");
        TempFileSpace space = TempFileSpace.open(data);
        assertThat(space.fileCount()).isZero();
    }

    @Test
    void memorySettingsAreReadInKilobytes() {
        assertThat(MemoryLimits.kilobytes("64kB", 0)).isEqualTo(64);
        assertThat(MemoryLimits.kilobytes("4MB", 0)).isEqualTo(4096);
        assertThat(MemoryLimits.kilobytes("2GB", 0)).isEqualTo(2L * 1024 * 1024);
        assertThat(MemoryLimits.kilobytes("-1", 0)).isEqualTo(-1);
        assertThat(MemoryLimits.kilobytes(null, 7)).isEqualTo(7);
    }
}
