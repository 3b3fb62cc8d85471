package org.lakepg.storage.cloud.s3;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.lakepg.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Runs one S3 call, retrying what may succeed later — server errors (5xx), throttling (429, SlowDown), timeouts and
 * failures to connect — with exponential backoff and jitter for up to the settings' retry window. The SDK's own
 * retries are off, so this one place decides how long an outage is ridden out (a pageserver keeps ingesting while S3
 * is away; its uploads simply wait).
 */
final class S3Retry {

    private static final Logger LOG = LoggerFactory.getLogger(S3Retry.class);
    private static final Set<String> RETRYABLE_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestTimeout", "RequestTimeoutException", "InternalError", "ServiceUnavailable", "RequestLimitExceeded");

    private final S3Settings settings;
    private final AtomicLong retries = new AtomicLong();

    S3Retry(S3Settings settings) {
        this.settings = settings;
    }

    long retries() {
        return retries.get();
    }

    static boolean isRetryable(RuntimeException e) {
        if (e instanceof UncheckedIOException) {
            return true; // the URL-connection client lets some transport failures through unwrapped
        }
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return status >= 500 || status == 429 || (code != null && RETRYABLE_CODES.contains(code));
        }
        // no answer from the server at all: refused, reset, timed out
        return e instanceof SdkClientException;
    }

    <T> T call(String what, Supplier<T> call) {
        long start = System.nanoTime();
        long deadline = start + settings.retryWindow().toNanos();
        long backoff = settings.initialBackoff().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return call.get();
            } catch (SdkException | UncheckedIOException e) {
                if (!isRetryable(e)) {
                    throw new StorageException(StorageException.Reason.IO, "S3 " + what + " failed: " + describe(e), e);
                }
                long now = System.nanoTime();
                if (now + backoff > deadline) {
                    throw new StorageException(StorageException.Reason.IO, String.format(
                            "S3 %s failed after %d attempts over %d ms: %s", what, attempt,
                            Duration.ofNanos(now - start).toMillis(), describe(e)), e);
                }
                retries.incrementAndGet();
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warn("S3 {} failed (attempt {}), retrying: {}", what, attempt, describe(e));
                }
                long sleep = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                try {
                    Thread.sleep(Duration.ofNanos(sleep));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StorageException(StorageException.Reason.CLOSED, "S3 " + what + " interrupted", e);
                }
                backoff = Math.min(backoff * 2, settings.maxBackoff().toNanos());
            }
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            return s3.statusCode() + " " + s3.awsErrorDetails().errorCode() + " " + s3.awsErrorDetails().errorMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
