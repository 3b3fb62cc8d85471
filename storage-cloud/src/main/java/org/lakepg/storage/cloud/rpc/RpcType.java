package org.lakepg.storage.cloud.rpc;

/**
 * The pageserver's requests. Every frame, both ways, is {@code length:i32 requestId:i64 code:u8 payload}; a request's
 * code is its type, a response's is {@link #OK} or {@link #ERROR} (payload {@code reason:u8 message:str}). Requests
 * are pipelined: a client sends many without waiting, and answers come back in any order, matched by request id.
 * Payloads (see {@link RpcCodec} for the field encodings):
 * <pre>
 * GET_PAGE        timeline key lsn notModifiedSince          → page (8192 bytes)
 * GET_PAGES       timeline lsn notModifiedSince n:i32 key*n  → page*n
 * RELATION_SIZE   timeline relation:i32 fork:u8 lsn          → blocks:i32
 * RELATION_EXISTS timeline relation:i32 fork:u8 lsn          → exists:u8
 * CHANGED_PAGES   timeline relation:i32 fork:u8 from to      → bitset
 * CREATE_TIMELINE id name:str created                        → timeline
 * BRANCH          parent at(-1 = latest) id name:str created → timeline
 * LIST_TIMELINES  -                                          → n:i32 timeline*n
 * DELETE_TIMELINE timeline                                   → -
 * WAIT_FOR_LSN    timeline lsn timeoutMillis:i64             → ingested lsn
 * SET_RETENTION   seconds:i64                                → -
 * GET_RETENTION   -                                          → seconds:i64
 * LSN_AT          timeline epochMicros:i64                   → lsn
 * TIMELINE_STATUS timeline                                   → ingested lsn, remote consistent lsn
 * GC              -                                          → removed layers:i32 (checkpoint, compact, GC, upload)
 * </pre>
 */
public enum RpcType {
    OK(0),
    ERROR(1),
    GET_PAGE(10),
    GET_PAGES(11),
    RELATION_SIZE(12),
    RELATION_EXISTS(13),
    CHANGED_PAGES(14),
    CREATE_TIMELINE(20),
    BRANCH(21),
    LIST_TIMELINES(22),
    DELETE_TIMELINE(23),
    WAIT_FOR_LSN(24),
    SET_RETENTION(25),
    GET_RETENTION(26),
    LSN_AT(27),
    TIMELINE_STATUS(28),
    GC(29);

    private static final RpcType[] BY_CODE = new RpcType[256];

    static {
        for (RpcType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    RpcType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or null. */
    public static RpcType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
