package org.lakepg.server.access.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.Patch;

class PageDiffTest {

    private static byte[] redo(byte[] before, PageWrite write) {
        if (write instanceof FullPageImage image) {
            return image.image().clone();
        }
        byte[] page = before.clone();
        for (Patch p : ((PagePatch) write).patches()) {
            System.arraycopy(p.bytes(), 0, page, p.offset(), p.bytes().length);
        }
        return page;
    }

    @Test
    void applyingTheDiffToTheOldPageGivesTheNewOne() {
        Random random = new Random(11);
        PageKey key = PageKey.main(1, 0);
        for (int round = 0; round < 2000; round++) {
            byte[] before = new byte[Page.SIZE];
            random.nextBytes(before);
            byte[] after = before.clone();
            int changes = random.nextInt(round % 10 == 0 ? 2000 : 30);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(Page.SIZE);
                int len = Math.min(Page.SIZE - at, 1 + random.nextInt(random.nextBoolean() ? 3 : 50));
                for (int b = at; b < at + len; b++) {
                    after[b] = (byte) (after[b] + 1 + random.nextInt(255));
                }
            }
            PageWrite diff = PageDiff.of(key, before, after);
            if (changes == 0) {
                assertThat(diff).isNull();
                continue;
            }
            assertThat(redo(before, diff)).isEqualTo(after);
            if (diff instanceof PagePatch patch) {
                // ranges closer than the merge gap are one patch
                for (int i = 1; i < patch.patches().size(); i++) {
                    assertThat(patch.patches().get(i).offset() - patch.patches().get(i - 1).end()).isGreaterThanOrEqualTo(8);
                }
            }
        }
    }
}
