package org.lakepg.storage.local.timeline;

import org.lakepg.storage.ForkNumber;

/** A relation fork: the unit whose size and existence are tracked. */
record RelFork(int relation, ForkNumber fork) {
}
