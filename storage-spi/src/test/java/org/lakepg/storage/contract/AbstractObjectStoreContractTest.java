package org.lakepg.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;
import org.junit.jupiter.api.Test;

/** What every {@link ObjectStore} (local directory, S3) must do; subclasses supply an empty store. */
public abstract class AbstractObjectStoreContractTest {

    protected abstract ObjectStore emptyStore();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putGetListDelete() {
        ObjectStore store = emptyStore();
        store.put("tl/a/layer-1", bytes("one"));
        store.put("tl/a/layer-2", bytes("two"));
        store.put("tl/b/index", bytes("idx"));
        assertThat(store.get("tl/a/layer-1")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("one")));
        assertThat(store.get("tl/missing")).isEmpty();
        assertThat(store.list("tl/a/")).containsExactly("tl/a/layer-1", "tl/a/layer-2");
        assertThat(store.list("tl/")).containsExactly("tl/a/layer-1", "tl/a/layer-2", "tl/b/index");
        store.put("tl/b/index", bytes("idx2"));
        assertThat(store.get("tl/b/index")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("idx2")));
        store.delete("tl/a/layer-1");
        store.delete("tl/a/layer-1");
        assertThat(store.list("tl/a/")).containsExactly("tl/a/layer-2");
    }

    @Test
    void emptyObjectsAndUnsafeKeys() {
        ObjectStore store = emptyStore();
        store.put("empty", new byte[0]);
        assertThat(store.get("empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
        for (String bad : new String[] {"", "/abs", "a/../b", "a//b", "dir/"}) {
            assertThatThrownBy(() -> store.put(bad, bytes("x"))).as(bad).isInstanceOf(StorageException.class);
        }
    }
}
