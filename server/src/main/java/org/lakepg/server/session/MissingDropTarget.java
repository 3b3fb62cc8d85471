package org.lakepg.server.session;

import java.util.function.Consumer;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** DROP RULE / DROP TRIGGER ... ON table naming something that is not there: IF EXISTS skips with a NOTICE. */
final class MissingDropTarget {
    private MissingDropTarget() {}

    /** Throws {@code error} without IF EXISTS; with it, sends the "..., skipping" notice (the caller goes on). */
    static void skipOrThrow(boolean missingOk, PgException error, Consumer<PgException> notices, String skipping,
                            Object... args) {
        if (!missingOk) {
            throw error;
        }
        notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, skipping, args)
                .withSeverity(PgException.Severity.NOTICE));
    }
}
