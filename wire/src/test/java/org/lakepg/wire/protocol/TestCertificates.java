package org.lakepg.wire.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throwaway self-signed certificate and PKCS#8 key made with the openssl command line tool. */
final class TestCertificates {
    final Path certificate;
    final Path key;

    private TestCertificates(Path certificate, Path key) {
        this.certificate = certificate;
        this.key = key;
    }

    static TestCertificates create(Path directory) throws IOException, InterruptedException {
        Path certificate = directory.resolve("server.crt");
        Path key = directory.resolve("server.key");
        Process process = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=localhost")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || !Files.exists(key)) {
            throw new IOException("openssl failed: " + output);
        }
        return new TestCertificates(certificate, key);
    }
}
