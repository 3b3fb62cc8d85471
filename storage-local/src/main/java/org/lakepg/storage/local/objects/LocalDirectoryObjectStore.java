package org.lakepg.storage.local.objects;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.local.FileUtil;

/** An {@link ObjectStore} in a local directory: one file per key; puts are a write to a temp file + atomic rename. */
public final class LocalDirectoryObjectStore implements ObjectStore {

    private static final String TMP_SUFFIX = ".tmp-put";

    private final Path root;

    public LocalDirectoryObjectStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw io("could not create " + root, e);
        }
    }

    private Path pathOf(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.endsWith(TMP_SUFFIX)) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid object key \"%s\"", key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid object key \"%s\"", key);
            }
        }
        return root.resolve(key);
    }

    @Override
    public void put(String key, byte[] data) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            FileUtil.fsyncDirectory(target.getParent());
        } catch (IOException e) {
            throw io("could not put object \"" + key + "\"", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw io("could not get object \"" + key + "\"", e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix) && !k.endsWith(TMP_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw io("could not list objects", e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw io("could not delete object \"" + key + "\"", e);
        }
    }

    private static StorageException io(String message, IOException e) {
        return new StorageException(StorageException.Reason.IO, message + ": " + e.getMessage(), e);
    }
}
