package org.lakepg.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedoTest {

    private static final PageKey KEY = PageKey.main(1, 0);

    @Test
    void patchesApplyInOrderOntoAZeroPageWhenThereIsNoBase() {
        byte[] page = Redo.apply(null, List.of(
                PagePatch.of(KEY, 10, new byte[] {1, 1, 1}),
                PagePatch.of(KEY, 11, new byte[] {2})));
        assertThat(Arrays.copyOfRange(page, 9, 14)).containsExactly(0, 1, 2, 1, 0);
        assertThat(page).hasSize(Page.SIZE);
    }

    @Test
    void fullImageReplacesEverythingBeforeIt() {
        byte[] base = new byte[Page.SIZE];
        Arrays.fill(base, (byte) 7);
        byte[] image = new byte[Page.SIZE];
        image[0] = 42;
        byte[] page = Redo.apply(base, List.of(
                PagePatch.of(KEY, 100, new byte[] {9}),
                new FullPageImage(KEY, image),
                PagePatch.of(KEY, 8191, new byte[] {3})));
        assertThat(page[0]).isEqualTo((byte) 42);
        assertThat(page[100]).isZero();
        assertThat(page[8191]).isEqualTo((byte) 3);
        assertThat(base[0]).as("the base is not modified").isEqualTo((byte) 7);
    }

    @Test
    void patchesOutsideThePageAreRejected() {
        assertThatThrownBy(() -> new Patch(8190, new byte[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Patch(-1, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FullPageImage(KEY, new byte[10])).isInstanceOf(IllegalArgumentException.class);
    }
}
