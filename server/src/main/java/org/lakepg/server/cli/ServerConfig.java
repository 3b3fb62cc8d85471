package org.lakepg.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How `lakepg start` was asked to run: flags first, then LAKEPG_* environment variables, then
 * {@code lakepg.conf} in the data directory (postgresql.conf syntax), then defaults.
 *
 * @param settings server-wide defaults for session settings ({@code -c name=value}, lakepg.conf lines)
 * @param storageOptions what the storage provider needs besides the data directory: for {@code --storage cloud}
 *                       {@code safekeepers}, {@code pageserver} and optionally {@code s3_endpoint} + {@code bucket};
 *                       {@code replica=on} ({@code --replica}) makes the whole compute a read replica
 */
public record ServerConfig(
        String listen,
        int port,
        Path dataDir,
        String storage,
        Optional<Path> tlsCert,
        Optional<Path> tlsKey,
        String authRules,
        Optional<String> superuserPassword,
        Map<String, String> settings,
        Map<String, String> storageOptions) {

    public static final int DEFAULT_PORT = 5432;
    /** pg_hba in one line: loopback clients are trusted, everyone else proves a SCRAM-SHA-256 password. */
    public static final String DEFAULT_AUTH = "loopback=trust,all=scram-sha-256";

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        settings = Map.copyOf(settings);
        storageOptions = Map.copyOf(storageOptions);
    }

    /** The storage option {@code --replica} sets. */
    public static final String REPLICA_OPTION = "replica";

    /**
     * Whether this compute is a read replica ({@code --replica}, cloud storage only): every session reads the WAL
     * the primary made durable and nothing is written; it never takes a timeline, so it never fences the primary.
     */
    public boolean replica() {
        return "on".equals(storageOptions.get(REPLICA_OPTION));
    }

    /** A configuration whose storage needs nothing but the data directory (the embedded store). */
    public ServerConfig(String listen, int port, Path dataDir, String storage, Optional<Path> tlsCert,
            Optional<Path> tlsKey, String authRules, Optional<String> superuserPassword, Map<String, String> settings) {
        this(listen, port, dataDir, storage, tlsCert, tlsKey, authRules, superuserPassword, settings, Map.of());
    }

    /** Command-line flags of {@code --storage cloud} and the storage option each one sets. */
    private static final Map<String, String> CLOUD_FLAGS = Map.of(
            "safekeepers", "safekeepers", "pageserver", "pageserver", "s3-endpoint", "s3_endpoint", "bucket", "bucket",
            "wal-protocol", "wal_protocol");

    /** Thrown for a bad command line; the message is meant for the user. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static ServerConfig parse(List<String> args, Map<String, String> env) throws UsageException {
        Map<String, String> flags = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-c")) {
                addSetting(settings, value(args, ++i, arg));
            } else if (arg.equals("--replica")) {
                flags.put("replica", "on"); // a switch: it takes no value
            } else if (arg.startsWith("--") && arg.contains("=")) {
                flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--")) {
                flags.put(arg.substring(2), value(args, ++i, arg));
            } else {
                throw new UsageException("unexpected argument: " + arg);
            }
        }
        for (String name : flags.keySet()) {
            if (!List.of("port", "listen", "data", "storage", "tls-cert", "tls-key", "auth", "password-file", "replica")
                    .contains(name) && !CLOUD_FLAGS.containsKey(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        Path data = Path.of(pick(flags, env, "data", "./lakepg-data"));
        Map<String, String> fileSettings = readConfFile(data.resolve("lakepg.conf"));
        fileSettings.putAll(settings);
        int port;
        try {
            port = Integer.parseInt(pick(flags, env, "port", Integer.toString(DEFAULT_PORT)));
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535");
        }
        Optional<String> password = Optional.ofNullable(env.get("LAKEPG_PASSWORD"));
        String passwordFile = flags.get("password-file");
        if (passwordFile != null) {
            try {
                password = Optional.of(Files.readString(Path.of(passwordFile)).strip());
            } catch (IOException e) {
                throw new UsageException("cannot read --password-file " + passwordFile + ": " + e.getMessage());
            }
        }
        String storage = pick(flags, env, "storage", "local");
        Map<String, String> storageOptions = new LinkedHashMap<>();
        for (var flag : CLOUD_FLAGS.entrySet()) {
            String value = pick(flags, env, flag.getKey(), null);
            if (value != null) {
                storageOptions.put(flag.getValue(), value);
            }
        }
        if (flags.containsKey("replica")) {
            if (!storage.equals("cloud")) {
                // the embedded store belongs to one process; its replicas are sessions with -c lakepg.replica=on
                throw new UsageException("--replica needs --storage cloud");
            }
            storageOptions.put(REPLICA_OPTION, "on");
        }
        if (storage.equals("cloud")) {
            for (String needed : List.of("safekeepers", "pageserver")) {
                if (!storageOptions.containsKey(needed)) {
                    throw new UsageException("--storage cloud needs --" + needed);
                }
            }
        } else if (!storageOptions.isEmpty()) {
            throw new UsageException("--" + flags.keySet().stream().filter(CLOUD_FLAGS::containsKey).findFirst()
                    .orElse(storageOptions.keySet().iterator().next()) + " needs --storage cloud");
        }
        return new ServerConfig(
                pick(flags, env, "listen", "127.0.0.1"),
                port,
                data,
                storage,
                Optional.ofNullable(pick(flags, env, "tls-cert", null)).map(Path::of),
                Optional.ofNullable(pick(flags, env, "tls-key", null)).map(Path::of),
                pick(flags, env, "auth", DEFAULT_AUTH),
                password,
                fileSettings,
                storageOptions);
    }

    private static String value(List<String> args, int i, String flag) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(flag + " needs a value");
        }
        return args.get(i);
    }

    private static void addSetting(Map<String, String> settings, String assignment) throws UsageException {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("-c needs name=value, got: " + assignment);
        }
        settings.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
    }

    /** A flag, else LAKEPG_<NAME> from the environment, else the default. */
    private static String pick(Map<String, String> flags, Map<String, String> env, String name, String fallback) {
        String flag = flags.get(name);
        if (flag != null) {
            return flag;
        }
        String fromEnv = env.get("LAKEPG_" + name.toUpperCase().replace('-', '_'));
        return fromEnv != null ? fromEnv : fallback;
    }

    /** postgresql.conf syntax: {@code name = value} or {@code name value}, # comments, optional quotes. */
    static Map<String, String> readConfFile(Path file) throws UsageException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = stripComment(lines.get(n)).strip();
            if (line.isEmpty()) {
                continue;
            }
            int split = line.indexOf('=');
            if (split < 0) {
                split = line.indexOf(' ');
            }
            if (split <= 0) {
                throw new UsageException(file + ":" + (n + 1) + ": expected name = value");
            }
            String value = line.substring(split + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            out.put(line.substring(0, split).strip(), value);
        }
        return out;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
