package org.lakepg.storage.cloud.safekeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/** One member of the safekeeper quorum as written on command lines: {@code id@host:port}. */
public record SafekeeperAddress(int id, String host, int port) {

    public SafekeeperAddress {
        Objects.requireNonNull(host, "host");
        if (id < 0) {
            throw new IllegalArgumentException("safekeeper id must not be negative: " + id);
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("safekeeper port out of range: " + port);
        }
    }

    /** Parses {@code id@host:port}. */
    public static SafekeeperAddress parse(String text) {
        String s = text.trim();
        int at = s.indexOf('@');
        int colon = s.lastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == s.length() - 1) {
            throw new IllegalArgumentException("safekeeper address must look like id@host:port, not \"" + text + "\"");
        }
        try {
            return new SafekeeperAddress(Integer.parseInt(s.substring(0, at)), s.substring(at + 1, colon),
                    Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("safekeeper address must look like id@host:port, not \"" + text + "\"");
        }
    }

    /** Parses a comma-separated list of addresses. */
    public static List<SafekeeperAddress> parseList(String text) {
        List<SafekeeperAddress> addresses = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                addresses.add(parse(part));
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no safekeeper addresses in \"" + text + "\"");
        }
        return List.copyOf(addresses);
    }

    public RaftPeerId peerId() {
        return RaftPeerId.valueOf("sk" + id);
    }

    public RaftPeer peer() {
        return RaftPeer.newBuilder().setId(peerId()).setAddress(host + ":" + port).build();
    }

    @Override
    public String toString() {
        return id + "@" + host + ":" + port;
    }
}
