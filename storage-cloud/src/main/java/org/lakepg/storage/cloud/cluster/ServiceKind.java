package org.lakepg.storage.cloud.cluster;

import java.util.List;

/** The processes of a local cluster, in start order; stop goes in reverse (compute first, S3 last). */
public enum ServiceKind {
    S3("s3", List.of("-Xmx384m", "-XX:+UseSerialGC")),
    SAFEKEEPER("safekeeper", List.of("-Xmx384m", "-XX:+UseSerialGC")),
    PAGESERVER("pageserver", List.of("-Xmx768m")),
    COMPUTE("compute", List.of("-Xmx1g"));

    private final String word;
    private final List<String> jvmOptions;

    ServiceKind(String word, List<String> jvmOptions) {
        this.word = word;
        this.jvmOptions = jvmOptions;
    }

    public String word() {
        return word;
    }

    /** Heap and GC for this kind: small services get small heaps so a laptop runs the whole cluster. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }
}
