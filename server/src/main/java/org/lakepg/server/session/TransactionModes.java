package org.lakepg.server.session;

/** BEGIN's / SET TRANSACTION's options; {@code null} fields mean "the session default". */
public record TransactionModes(IsolationLevel isolation, Boolean readOnly, Boolean deferrable) {

    public static final TransactionModes DEFAULT = new TransactionModes(null, null, null);

    public enum IsolationLevel {
        READ_UNCOMMITTED("read uncommitted"),
        READ_COMMITTED("read committed"),
        REPEATABLE_READ("repeatable read"),
        SERIALIZABLE("serializable");

        private final String settingValue;

        IsolationLevel(String settingValue) {
            this.settingValue = settingValue;
        }

        /** The spelling of the transaction_isolation setting. */
        public String settingValue() {
            return settingValue;
        }
    }
}
