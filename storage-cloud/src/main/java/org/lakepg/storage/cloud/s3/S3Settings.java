package org.lakepg.storage.cloud.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an S3-compatible store. {@code retryWindow} bounds how long one operation keeps retrying
 * transient failures (5xx, throttling, timeouts, refused connections) with exponential backoff from
 * {@code initialBackoff} up to {@code maxBackoff}; {@code callTimeout} bounds one attempt.
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
        Duration callTimeout, Duration retryWindow, Duration initialBackoff, Duration maxBackoff) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("bucket name must not be empty");
        }
    }

    /** Defaults: region us-east-1, 30 s per attempt, retrying for up to 2 minutes, backoff 50 ms doubling to 2 s. */
    public static S3Settings of(URI endpoint, String bucket, String accessKey, String secretKey) {
        return new S3Settings(endpoint, bucket, "us-east-1", accessKey, secretKey, Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    public S3Settings withRetryWindow(Duration window) {
        return new S3Settings(endpoint, bucket, region, accessKey, secretKey, callTimeout, window, initialBackoff, maxBackoff);
    }

    public S3Settings withCallTimeout(Duration timeout) {
        return new S3Settings(endpoint, bucket, region, accessKey, secretKey, timeout, retryWindow, initialBackoff, maxBackoff);
    }
}
