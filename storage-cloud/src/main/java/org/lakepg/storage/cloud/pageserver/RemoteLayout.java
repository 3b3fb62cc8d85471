package org.lakepg.storage.cloud.pageserver;

import java.util.Optional;
import org.lakepg.storage.TimelineId;

/**
 * Object keys of the pageserver's S3 state. Per timeline: {@code pageserver/timelines/<id>/index-<gen>} (the
 * manifest written by generation gen) and {@code pageserver/timelines/<id>/layers/<layer file name>-<gen>} (a layer
 * uploaded by generation gen). Generations are 8 hex digits, so keys sort by generation.
 */
final class RemoteLayout {

    static final String ROOT = "pageserver/timelines/";
    private static final String INDEX = "index-";
    private static final String LAYERS = "layers/";

    private RemoteLayout() {
    }

    static String timelinePrefix(TimelineId timeline) {
        return ROOT + timeline + "/";
    }

    static String manifestKey(TimelineId timeline, long generation) {
        return timelinePrefix(timeline) + INDEX + generation(generation);
    }

    static String layersPrefix(TimelineId timeline) {
        return timelinePrefix(timeline) + LAYERS;
    }

    static String layerKey(TimelineId timeline, String layerName, long generation) {
        return layersPrefix(timeline) + layerName + "-" + generation(generation);
    }

    static String generation(long generation) {
        return String.format("%08x", generation);
    }

    /** The timeline a key under {@link #ROOT} belongs to. */
    static Optional<TimelineId> timelineOf(String key) {
        if (!key.startsWith(ROOT) || key.length() < ROOT.length() + 33 || key.charAt(ROOT.length() + 32) != '/') {
            return Optional.empty();
        }
        try {
            return Optional.of(TimelineId.parse(key.substring(ROOT.length(), ROOT.length() + 32)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean isManifest(String key) {
        return timelineOf(key).isPresent() && key.startsWith(INDEX, ROOT.length() + 33);
    }

    /** The generation suffix of a manifest or layer key (its last 8 hex digits); -1 if it has none. */
    static long generationOf(String key) {
        int dash = key.lastIndexOf('-');
        if (dash < 0 || key.length() - dash - 1 != 8) {
            return -1;
        }
        try {
            return Long.parseLong(key.substring(dash + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
