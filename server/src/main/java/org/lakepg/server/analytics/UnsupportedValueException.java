package org.lakepg.server.analytics;

/**
 * A value met while running a columnar plan that batches cannot hold (e.g. numeric NaN): the statement is rerun on
 * the row engine, so users never see this.
 */
public final class UnsupportedValueException extends RuntimeException {
    public UnsupportedValueException(String message) {
        super(message, null, false, false);
    }
}
