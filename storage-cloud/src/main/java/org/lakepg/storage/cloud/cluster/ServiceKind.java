package org.lakepg.storage.cloud.cluster;

import java.util.List;

/** The processes of a local cluster, in start order; stop goes in reverse (compute first, S3 last). */
public enum ServiceKind {
    S3("s3", List.of("-Xmx384m", "-XX:+UseSerialGC"), 10),
    SAFEKEEPER("safekeeper", List.of("-Xmx384m", "-XX:+UseSerialGC"), 0),
    PAGESERVER("pageserver", List.of("-Xmx768m"), 10),
    COMPUTE("compute", List.of("-Xmx1g"), 0);

    private final String word;
    private final List<String> jvmOptions;
    private final int niceness;

    ServiceKind(String word, List<String> jvmOptions, int niceness) {
        this.word = word;
        this.jvmOptions = jvmOptions;
        this.niceness = niceness;
    }

    public String word() {
        return word;
    }

    /** Heap and GC for this kind: small services get small heaps so a laptop runs the whole cluster. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * The OS scheduling niceness this kind runs at on one machine. In a deployment the pageserver and S3 have
     * machines of their own; sharing a laptop's cores, their background work (ingesting a bulk load's WAL, freezing
     * layers, uploading to S3) must not take CPU from the commit path (compute and safekeepers), which waits on it
     * nowhere. Measured on 2 cores, pgbench-compare against a fresh cluster: tpcb 0.31 -> 0.47 (docs/cluster.md).
     */
    public int niceness() {
        return niceness;
    }
}
