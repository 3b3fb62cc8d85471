package org.lakepg.wire.protocol.session;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.AuthenticationPolicy;
import org.lakepg.wire.protocol.EngineSession;
import org.lakepg.wire.protocol.QueryEngine;
import org.lakepg.wire.protocol.SessionStartup;
import org.lakepg.wire.protocol.codec.BackendMessages;
import org.lakepg.wire.protocol.codec.FrontendDecoder;
import org.lakepg.wire.protocol.codec.FrontendMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol state machine, run on its own thread: it takes decoded messages in order
 * and makes every engine call for the connection, so a slow statement holds up nobody else
 * (PostgreSQL's PostgresMain loop). Its {@link ClientConnection} does the I/O.
 */
public final class SessionWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWorker.class);
    /** PostgreSQL's default authentication_timeout. */
    private static final long AUTHENTICATION_TIMEOUT_SECONDS = 60;

    /** Where the connection is in its life; every transition happens in this class. */
    private enum State { STARTUP, READY, FAILED_UNTIL_SYNC, CLOSED }

    private final ClientConnection connection;
    private final FrontendDecoder decoder;
    private final SessionRegistry registry;
    private final QueryEngine engine;
    private final AuthenticationPolicy policy;
    private final BackendOutput output;
    private final ExtendedQueryState extendedState = new ExtendedQueryState();

    private State state = State.STARTUP;
    private volatile boolean cancelRequested;
    private volatile boolean connectionLost;
    private volatile EngineSession session;
    private volatile int processId;
    private volatile int secretKey;
    private Thread thread;
    private PgException pendingFatal;

    SessionWorker(ClientConnection connection, FrontendDecoder decoder, SessionRegistry registry, QueryEngine engine,
                  AuthenticationPolicy policy) {
        this.connection = connection;
        this.decoder = decoder;
        this.registry = registry;
        this.engine = engine;
        this.policy = policy;
        this.output = connection.output();
    }

    /** Runs the connection on a new virtual thread. */
    void start() {
        begin();
        thread = Thread.ofVirtual().name("lakepg-connection-" + connection.remoteAddress()).start(this::run);
    }

    /** Runs the connection on the calling thread until it ends. */
    void runOnThisThread() {
        begin();
        thread = Thread.currentThread();
        run();
    }

    private void begin() {
        registry.track(this);
        // like authentication_timeout: a client that never finishes logging in does not keep its slot
        connection.closeUnlessAuthenticatedAfter(AUTHENTICATION_TIMEOUT_SECONDS, () -> session != null);
    }

    // ---- called from the event loop or other threads

    /** The event loop saw the connection close. */
    void channelClosed() {
        connectionLost = true;
        cancelRequested = true;
    }

    /** A valid CancelRequest: stop the running statement, if any. */
    void cancelRunningStatement() {
        cancelRequested = true;
        EngineSession current = session;
        if (current != null) {
            current.cancel();
        }
    }

    /** Server shutdown: tell the client why, then close (like PostgreSQL's SIGTERM to a backend). */
    public void terminate() {
        cancelRunningStatement();
        PgException error = PgException.of(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command")
                .withSeverity(PgException.Severity.FATAL);
        connection.terminate(error);
    }

    /** Closes the connection without a word (after {@link #terminate()}, when the worker did not end in time). */
    public void closeNow() {
        connection.closeNow();
    }

    /** Waits for the worker to finish, at most until the given System.nanoTime() deadline. */
    public void awaitEnd(long deadlineNanos) throws InterruptedException {
        Thread t = thread;
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (t != null && remainingMillis > 0) {
            t.join(remainingMillis);
        }
    }

    int secretKey() {
        return secretKey;
    }

    // ---- called from the worker thread (and the objects it drives)

    /** A CancelRequest arrived for the running command, or the client is gone. */
    boolean isCancelRequested() {
        return cancelRequested || connectionLost || connection.clientGone();
    }

    /** The next message, or a Fatal(null) once the connection is gone. */
    FrontendMessage nextMessage() {
        try {
            return connection.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connectionLost = true;
            return new FrontendMessage.Fatal(null, false);
        }
    }

    /** The connection ends without another message (what PostgreSQL only logs). */
    void closeSilently() {
        connectionLost = true;
    }

    /** The next message after authentication. */
    FrontendMessage nextCommand() {
        FrontendMessage message = nextMessage();
        return message instanceof FrontendMessage.AuthenticationResponse early ? decoder.reinterpret(early) : message;
    }

    /** After the running command's own error, send this as FATAL and close. */
    void closeAfterThisCommand(PgException fatal) {
        pendingFatal = fatal.withSeverity(PgException.Severity.FATAL);
    }

    private void run() {
        try {
            if (startup()) {
                while (state != State.CLOSED && !connectionLost) {
                    handle(nextCommand());
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("connection {} failed", connection.remoteAddress(), e);
        } finally {
            finish();
        }
    }

    private boolean startup() {
        FrontendMessage first = nextMessage();
        if (!(first instanceof FrontendMessage.Startup startup)) {
            if (first instanceof FrontendMessage.Fatal fatal) {
                sendFatalAndClose(fatal);
            } else {
                output.flushAndClose();
            }
            return false;
        }
        try {
            StartupHandshake.Accepted accepted = new StartupHandshake(this, output, connection, policy).run(startup);
            decoder.authenticated();
            secretKey = registry.newSecretKey();
            processId = registry.register(this);
            session = engine.openSession(new SessionStartup(accepted.user(), accepted.database(), accepted.parameters(),
                    accepted.client(), processId,
                    connection.localAddress()));
            for (Map.Entry<String, String> status : session.initialParameterStatus().entrySet()) {
                BackendMessages.parameterStatus(output.buffer(), status.getKey(), status.getValue());
            }
            BackendMessages.backendKeyData(output.buffer(), processId, secretKey);
            readyForQuery();
            state = State.READY;
            return true;
        } catch (Throwable failure) {
            if (!connectionLost) {
                sendError(ErrorReports.toPgException(failure).withSeverity(PgException.Severity.FATAL));
            }
            output.flushAndClose();
            return false;
        }
    }

    private void handle(FrontendMessage message) {
        if (message instanceof FrontendMessage.Fatal fatal) {
            sendFatalAndClose(fatal);
            return;
        }
        if (state == State.FAILED_UNTIL_SYNC) {
            boolean isSync = message instanceof FrontendMessage.Sync
                    || message instanceof FrontendMessage.Malformed m && m.type() == 'S';
            if (!isSync) {
                return; // PostgreSQL skips everything, even Terminate, until Sync
            }
            state = State.READY;
        }
        cancelRequested = false;
        boolean extended = isExtendedProtocol(message);
        try {
            dispatch(message);
        } catch (Throwable failure) {
            PgException error = ErrorReports.toPgException(failure);
            sendError(error);
            notifyEngine(error);
            if (pendingFatal != null && error.severity().compareTo(PgException.Severity.FATAL) < 0) {
                sendError(pendingFatal);
                state = State.CLOSED;
            }
            if (error.severity().compareTo(PgException.Severity.FATAL) >= 0 || state == State.CLOSED) {
                state = State.CLOSED;
                output.flushAndClose();
                return;
            }
            if (extended) {
                state = State.FAILED_UNTIL_SYNC;
            } else {
                endOfTransactionCleanup();
                readyForQuery();
            }
        }
    }

    private void dispatch(FrontendMessage message) {
        WireResultSink extendedSink = new WireResultSink(this, output, false);
        ExtendedQueryCommands commands = new ExtendedQueryCommands(session, extendedState, output, extendedSink);
        switch (message) {
            case FrontendMessage.Query query -> {
                extendedState.closeStatement(""); // a Query drops the unnamed statement, as in PostgreSQL
                session.simpleQuery(query.sql(), new WireResultSink(this, output, true));
                endOfTransactionCleanup();
                readyForQuery();
            }
            case FrontendMessage.Parse parse -> commands.parse(parse);
            case FrontendMessage.Bind bind -> commands.bind(bind);
            case FrontendMessage.Describe describe -> commands.describe(describe);
            case FrontendMessage.Execute execute -> commands.execute(execute);
            case FrontendMessage.Close close -> commands.close(close);
            case FrontendMessage.Flush flush -> output.flush();
            case FrontendMessage.Sync sync -> {
                session.sync();
                endOfTransactionCleanup();
                readyForQuery();
            }
            case FrontendMessage.FunctionCall call -> {
                byte[] result = session.functionCall(call.functionOid(), call.arguments(), call.argumentFormats(),
                        call.resultFormat(), new WireResultSink(this, output, true));
                BackendMessages.functionCallResponse(output.buffer(), result);
                endOfTransactionCleanup();
                readyForQuery();
            }
            case FrontendMessage.Terminate terminate -> {
                state = State.CLOSED;
                output.flushAndClose();
            }
            // outside COPY FROM STDIN PostgreSQL accepts and ignores these
            case FrontendMessage.CopyData data -> {
            }
            case FrontendMessage.CopyDone done -> {
            }
            case FrontendMessage.CopyFail fail -> {
            }
            case FrontendMessage.Malformed malformed -> {
                if (malformed.type() != 'd' && malformed.type() != 'c' && malformed.type() != 'f') {
                    throw malformed.error();
                }
            }
            default -> throw PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid frontend message type %d",
                    MessageTypeNames.typeByte(message)).withSeverity(PgException.Severity.FATAL);
        }
    }

    /** Errors in these start skipping until Sync; errors elsewhere are followed by ReadyForQuery. */
    private static boolean isExtendedProtocol(FrontendMessage message) {
        return switch (message) {
            case FrontendMessage.Parse p -> true;
            case FrontendMessage.Bind b -> true;
            case FrontendMessage.Describe d -> true;
            case FrontendMessage.Execute e -> true;
            case FrontendMessage.Close c -> true;
            case FrontendMessage.Flush f -> true;
            case FrontendMessage.Malformed m -> "PBDECH".indexOf(m.type()) >= 0;
            default -> false;
        };
    }

    private void notifyEngine(PgException error) {
        try {
            session.errorReported(error);
        } catch (RuntimeException e) {
            LOG.warn("engine failed to handle an error report", e);
        }
    }

    /** Portals do not outlive their transaction. */
    private void endOfTransactionCleanup() {
        if (session.transactionStatus() == 'I') {
            extendedState.closeAllPortals();
        }
    }

    private void readyForQuery() {
        BackendMessages.readyForQuery(output.buffer(), session.transactionStatus());
        output.flush();
    }

    private void sendError(PgException error) {
        PgException.Severity severity = error.severity().compareTo(PgException.Severity.ERROR) < 0
                ? PgException.Severity.ERROR : error.severity();
        BackendMessages.errorOrNotice(output.buffer(), 'E', error, severity);
    }

    private void sendFatalAndClose(FrontendMessage.Fatal fatal) {
        state = State.CLOSED;
        if (fatal.error() != null && !connectionLost) {
            if (fatal.legacyProtocolFormat()) {
                BackendMessages.legacyFatal(output.buffer(), fatal.error().getMessage());
            } else {
                sendError(fatal.error().withSeverity(PgException.Severity.FATAL));
            }
        }
        output.flushAndClose();
    }

    private void finish() {
        state = State.CLOSED;
        try {
            EngineSession current = session;
            if (current != null) {
                extendedState.closeAll();
                current.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("closing the engine session failed", e);
        } finally {
            if (processId != 0) {
                registry.unregister(processId, this);
            }
            registry.untrack(this);
            if (connection.isOpen()) {
                output.flushAndClose();
            } else {
                output.discard();
            }
        }
    }
}
