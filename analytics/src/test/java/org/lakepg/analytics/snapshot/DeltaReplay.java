package org.lakepg.analytics.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.lakepg.analytics.json.Json;
import org.lakepg.storage.ObjectStore;

/** A Delta reader's log replay, reduced to the live file set: adds minus removes, commit by commit. */
final class DeltaReplay {

    private DeltaReplay() {
    }

    @SuppressWarnings("unchecked")
    static Set<String> files(ObjectStore store, String root) {
        Set<String> live = new HashSet<>();
        for (String key : store.list(root + "_delta_log/")) {
            String commit = new String(store.get(key).orElseThrow(), StandardCharsets.UTF_8);
            for (String line : commit.lines().toList()) {
                Map<String, Object> action = Json.parseObject(line);
                if (action.containsKey("add")) {
                    live.add((String) ((Map<String, Object>) action.get("add")).get("path"));
                } else if (action.containsKey("remove")) {
                    live.remove((String) ((Map<String, Object>) action.get("remove")).get("path"));
                }
            }
        }
        return live;
    }
}
