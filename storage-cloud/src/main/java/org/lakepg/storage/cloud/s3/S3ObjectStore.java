package org.lakepg.storage.cloud.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on an S3-compatible server through AWS SDK v2: path-style addressing and an endpoint override
 * (S3Proxy, MinIO, AWS), static credentials, checksums only where S3 requires them (newer SDKs add checksum headers by
 * default that S3-compatible servers reject), and retries with backoff on transient failures ({@link S3Retry}).
 * The bucket is created if it does not exist.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private final S3Settings settings;
    private final S3Client s3;
    private final S3Retry retry;
    private final AtomicLong bytesPut = new AtomicLong();
    private final AtomicLong objectsPut = new AtomicLong();

    public S3ObjectStore(S3Settings settings) {
        this.settings = settings;
        this.retry = new S3Retry(settings);
        this.s3 = S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.callTimeout())
                        .socketTimeout(settings.callTimeout())
                        .build())
                .overrideConfiguration(c -> c
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(settings.callTimeout())
                        .apiCallTimeout(settings.callTimeout().multipliedBy(2)))
                .build();
        try {
            ensureBucket();
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    private void ensureBucket() {
        retry.call("create bucket " + settings.bucket(), () -> {
            try {
                s3.headBucket(b -> b.bucket(settings.bucket()));
            } catch (NoSuchBucketException e) {
                s3.createBucket(b -> b.bucket(settings.bucket()));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                s3.createBucket(b -> b.bucket(settings.bucket()));
            }
            return null;
        });
    }

    public S3Settings settings() {
        return settings;
    }

    /** Bytes uploaded by successful puts (for write-amplification figures). */
    public long bytesPut() {
        return bytesPut.get();
    }

    public long objectsPut() {
        return objectsPut.get();
    }

    /** Attempts that failed transiently and were retried. */
    public long retries() {
        return retry.retries();
    }

    @Override
    public void put(String key, byte[] data) {
        checkKey(key);
        // a content provider reads the caller's array as it is (RequestBody.fromBytes copies it first)
        retry.call("put \"" + key + "\"", () -> s3.putObject(b -> b.bucket(settings.bucket()).key(key)
                .contentLength((long) data.length), RequestBody.fromContentProvider(
                        () -> new java.io.ByteArrayInputStream(data), data.length, "application/octet-stream")));
        bytesPut.addAndGet(data.length);
        objectsPut.incrementAndGet();
    }

    /** Streams the file from disk (each attempt opens it again). */
    @Override
    public void put(String key, java.nio.file.Path file) throws java.io.IOException {
        checkKey(key);
        long size = java.nio.file.Files.size(file);
        retry.call("put \"" + key + "\"", () -> s3.putObject(b -> b.bucket(settings.bucket()).key(key)
                .contentLength(size), RequestBody.fromFile(file)));
        bytesPut.addAndGet(size);
        objectsPut.incrementAndGet();
    }

    @Override
    public Optional<byte[]> get(String key) {
        checkKey(key);
        return retry.call("get \"" + key + "\"", () -> {
            try {
                return Optional.of(s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key)).asByteArray());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<String> list(String prefix) {
        return retry.call("list \"" + prefix + "\"", () -> {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix)).contents()) {
                if (!o.key().endsWith("/")) { // directory markers of file-system backed servers, never our keys
                    keys.add(o.key());
                }
            }
            keys.sort(null);
            return keys;
        });
    }

    @Override
    public void delete(String key) {
        checkKey(key);
        retry.call("delete \"" + key + "\"", () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key)));
    }

    /** The same key rules as every ObjectStore: '/'-separated, no empty, "." or ".." segments. */
    static void checkKey(String key) {
        boolean bad = key.isEmpty();
        for (String segment : key.split("/", -1)) {
            bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
        }
        if (bad) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid object key \"%s\"", key);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
