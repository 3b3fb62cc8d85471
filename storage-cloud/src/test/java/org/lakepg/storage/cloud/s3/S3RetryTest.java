package org.lakepg.storage.cloud.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.lakepg.storage.StorageException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which S3 failures are retried, and how the retry loop ends; the errors are the SDK's own exception values. */
class S3RetryTest {

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
                .build();
    }

    private final S3Settings settings = S3Settings.of(URI.create("http://127.0.0.1:1"), "b", "k", "s")
            .withRetryWindow(Duration.ofSeconds(5));

    @Test
    void serverErrorsThrottlingAndTransportFailuresAreRetried() {
        assertThat(S3Retry.isRetryable(s3Error(500, "InternalError"))).isTrue();
        assertThat(S3Retry.isRetryable(s3Error(503, "SlowDown"))).isTrue();
        assertThat(S3Retry.isRetryable(s3Error(429, "TooManyRequests"))).isTrue();
        assertThat(S3Retry.isRetryable(s3Error(400, "RequestTimeout"))).isTrue();
        assertThat(S3Retry.isRetryable(SdkClientException.create("connection refused"))).isTrue();
        assertThat(S3Retry.isRetryable(new UncheckedIOException(new java.net.SocketException("reset")))).isTrue();
        assertThat(S3Retry.isRetryable(s3Error(403, "AccessDenied"))).isFalse();
        assertThat(S3Retry.isRetryable(s3Error(404, "NoSuchBucket"))).isFalse();
    }

    @Test
    void transientFailuresAreRiddenOutAndPermanentOnesFailAtOnce() {
        S3Retry retry = new S3Retry(settings);
        AtomicInteger calls = new AtomicInteger();
        String answer = retry.call("put \"x\"", () -> {
            if (calls.incrementAndGet() < 3) {
                throw s3Error(503, "SlowDown");
            }
            return "ok";
        });
        assertThat(answer).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(retry.retries()).isEqualTo(2);

        calls.set(0);
        assertThatThrownBy(() -> retry.call("get \"y\"", () -> {
            calls.incrementAndGet();
            throw s3Error(403, "AccessDenied");
        })).isInstanceOf(StorageException.class).hasMessageContaining("S3 get \"y\" failed: 403 AccessDenied");
        assertThat(calls).hasValue(1);
    }

    @Test
    void theRetryWindowBoundsAnOutage() {
        S3Retry retry = new S3Retry(settings.withRetryWindow(Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> retry.call("list \"p\"", () -> {
            throw s3Error(500, "InternalError");
        })).isInstanceOf(StorageException.class).hasMessageMatching("S3 list \"p\" failed after \\d+ attempts over \\d+ ms: 500 InternalError.*");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
