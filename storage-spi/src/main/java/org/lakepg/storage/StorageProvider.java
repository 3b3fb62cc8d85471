package org.lakepg.storage;

/**
 * A storage implementation, registered in {@code META-INF/services/org.lakepg.storage.StorageProvider} and chosen
 * by {@link #name()} in the server's configuration.
 */
public interface StorageProvider {

    /** The name configuration uses to choose this provider, e.g. "local". */
    String name();

    Storage open(StorageConfig config);
}
