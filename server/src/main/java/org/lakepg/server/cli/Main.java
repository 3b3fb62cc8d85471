package org.lakepg.server.cli;

/** Entry point of the runnable jar: dispatches lakepg's subcommands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("usage: lakepg start [--port 5432] [--data ./lakepg-data] [--listen 127.0.0.1]");
        System.exit(2);
    }
}
