package org.lakepg.storage.cloud.compute;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.cloud.s3.S3Settings;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.wal.WalProtocol;

/**
 * Where a compute's cloud storage lives, from the storage options {@code safekeepers} (id@host:port,...),
 * {@code pageserver} (host:port) and, optionally, {@code s3_endpoint} + {@code bucket} for the object store
 * (without them objects stay in the data directory, which a stateless compute may lose); {@code replica=on} opens
 * the store for a read replica, which follows timelines without taking them and never writes; {@code wal_protocol}
 * ({@code raft} or {@code proposer}) says how the WAL reaches the safekeepers.
 */
public record CloudStorageOptions(List<SafekeeperAddress> safekeepers, String pageserver, Optional<S3Settings> objects,
        boolean replica, WalProtocol walProtocol) {

    public static final String SAFEKEEPERS = "safekeepers";
    public static final String PAGESERVER = "pageserver";
    public static final String S3_ENDPOINT = "s3_endpoint";
    public static final String BUCKET = "bucket";
    public static final String REPLICA = "replica";

    public CloudStorageOptions {
        safekeepers = List.copyOf(safekeepers);
    }

    public static CloudStorageOptions from(StorageConfig config) {
        String safekeepers = required(config, SAFEKEEPERS, "--safekeepers id@host:port,...");
        String pageserver = required(config, PAGESERVER, "--pageserver host:port");
        List<SafekeeperAddress> members;
        try {
            members = SafekeeperAddress.parseList(safekeepers);
        } catch (IllegalArgumentException e) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "%s", e.getMessage());
        }
        if (pageserver.lastIndexOf(':') <= 0) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                    "pageserver address must be host:port, not \"%s\"", pageserver);
        }
        Optional<S3Settings> s3 = Optional.empty();
        String endpoint = config.option(S3_ENDPOINT, null);
        if (endpoint != null) {
            s3 = Optional.of(S3Settings.of(URI.create(endpoint), config.option(BUCKET, "lakepg-objects"),
                    config.option("s3_access_key", S3ProxyServer.ACCESS_KEY),
                    config.option("s3_secret_key", S3ProxyServer.SECRET_KEY)));
        }
        String replica = config.option(REPLICA, "off");
        if (!replica.equals("on") && !replica.equals("off")) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                    "storage option replica must be on or off, not \"%s\"", replica);
        }
        WalProtocol protocol;
        try {
            protocol = WalProtocol.parse(config.option(WalProtocol.OPTION, null));
        } catch (IllegalArgumentException e) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "%s", e.getMessage());
        }
        return new CloudStorageOptions(members, pageserver, s3, replica.equals("on"), protocol);
    }

    private static String required(StorageConfig config, String name, String flag) {
        String value = config.option(name, null);
        if (value == null || value.isBlank()) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                    "cloud storage needs %s", flag);
        }
        return value;
    }
}
