package vnkg.neo4j;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.log4j.Log4jLogProvider;

import inet.ipaddr.IPAddressString;

/**
 * Runs Neo4j Community embedded, with the Bolt connector on 127.0.0.1, until it is told to stop.
 *
 * <pre>
 * java -cp target/classes:DEPS vnkg.neo4j.EmbeddedNeo4j HOME_DIR [BOLT_PORT] [PAGECACHE]
 * </pre>
 *
 * <ul>
 *   <li>HOME_DIR: Neo4j home; the store lives in HOME_DIR/data, logs in HOME_DIR/logs.</li>
 *   <li>BOLT_PORT: 0 or omitted picks a free port.</li>
 *   <li>PAGECACHE: page cache size such as 256m (default 256m).</li>
 * </ul>
 *
 * <p>Authentication is on. The password of the admin user {@code neo4j} is the first line of
 * HOME_DIR/neo4j-password (required), that of the read-only user {@code reader} (see
 * {@link ReadOnlyUser}) the first line of HOME_DIR/reader-password (optional: without it the
 * user is dropped). The parent writes both files (mode 0600); passwords never appear on a command
 * line. Bolt refuses HTTP and WebSocket ({@link NoHttpOnBolt}; -Dvnkg.neo4j.allowWebSocket=true
 * allows them), and LOAD CSV may read neither local files nor any network address.
 *
 * <p>Further Neo4j settings can be put in HOME_DIR/neo4j.conf (read if present); the settings
 * made here (Bolt on 127.0.0.1, auth, LOAD CSV limits, page cache, small transaction logs) are
 * applied on top.
 *
 * <p>Protocol with the parent process: stdout carries exactly one line, {@code VNKG_NEO4J_READY
 * bolt://127.0.0.1:PORT}, once Bolt accepts connections (everything else the JVM or a library would
 * print to stdout is redirected to stderr). The DBMS is shut down cleanly on SIGTERM/SIGINT (shutdown
 * hook) and when stdin reaches end-of-file, so a parent that dies without signalling does not leave
 * the store locked (-Dvnkg.neo4j.watchStdin=false disables the latter). Exit code 0 after a clean
 * shutdown, 1 if startup failed, 2 on bad arguments or a missing password file.
 */
public final class EmbeddedNeo4j {
    public static final String READY_PREFIX = "VNKG_NEO4J_READY ";
    private static final String DEFAULT_PAGECACHE = "256m";

    private static final Object LOCK = new Object();
    /** Released once build() has returned or failed, so a signal during startup still shuts down cleanly. */
    private static final CountDownLatch STARTUP_FINISHED = new CountDownLatch(1);
    private static DatabaseManagementService managementService;
    private static Log4jLogProvider userLogProvider;
    private static boolean shutdownDone;

    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        // Keep the real stdout for the single READY line; anything else goes to stderr.
        PrintStream protocolOut = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        if (args.length < 1 || args[0].isBlank() || args[0].startsWith("-")) {
            System.err.println("usage: EmbeddedNeo4j HOME_DIR [BOLT_PORT] [PAGECACHE]");
            System.exit(2);
            return;
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        int port;
        long pageCache;
        try {
            port = args.length > 1 && !args[1].isEmpty() ? Integer.parseInt(args[1]) : 0;
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("bolt port out of range: " + port);
            }
            pageCache = ByteUnit.parse(args.length > 2 && !args[2].isEmpty() ? args[2] : DEFAULT_PAGECACHE);
            if (args.length > 3) {
                throw new IllegalArgumentException("too many arguments");
            }
        } catch (RuntimeException e) {
            System.err.println("EmbeddedNeo4j: bad arguments: " + e.getMessage());
            System.exit(2);
            return;
        }

        String adminPassword;
        String readerPassword;
        try {
            adminPassword = Users.readPassword(home.resolve(Users.ADMIN_PASSWORD_FILE));
            readerPassword = Users.readPassword(home.resolve(Users.READER_PASSWORD_FILE));
            if (adminPassword == null) {
                throw new IOException("missing " + home.resolve(Users.ADMIN_PASSWORD_FILE));
            }
        } catch (IOException e) {
            System.err.println("EmbeddedNeo4j: cannot read the password: " + e.getMessage());
            System.exit(2);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNeo4j::shutdown, "vnkg-neo4j-shutdown"));

        // Parent closed our stdin (it exited, or asked us to stop): shut down cleanly. Watched from
        // the start, so a parent dying during startup is noticed too (the hook waits for build()).
        // -Dvnkg.neo4j.watchStdin=false turns this off, for running by hand with stdin at /dev/null.
        if (!"false".equals(System.getProperty("vnkg.neo4j.watchStdin"))) {
            Thread stdinWatcher = new Thread(() -> {
                drain(System.in);
                System.err.println("EmbeddedNeo4j: stdin closed, shutting down");
                System.exit(0);
            }, "vnkg-neo4j-stdin-watcher");
            stdinWatcher.setDaemon(true);
            stdinWatcher.start();
        }

        DatabaseManagementService service;
        Path initialPassword = null;
        try {
            Path logs = home.resolve("logs");
            Files.createDirectories(logs);
            // Neo4j's "user log" (neo4j.log in a server install); the debug log goes to logs/debug.log.
            OutputStream userLogFile = new FileOutputStream(logs.resolve("neo4j.log").toFile(), true);
            Log4jLogProvider userLog = new Log4jLogProvider(userLogFile);
            synchronized (LOCK) {
                userLogProvider = userLog;
            }
            HardenedEdition.Builder builder = new HardenedEdition.Builder(home);
            Path conf = home.resolve("neo4j.conf");
            if (Files.isRegularFile(conf)) {
                builder.loadPropertiesFromFile(conf);
            }
            initialPassword = Users.writeInitialPassword(home, conf, adminPassword);
            service = builder
                    .setUserLogProvider(userLog)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    // 127.0.0.1 is not a boundary: any local user, and any web page in a local
                    // browser, can reach it. Every Bolt connection must log in.
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // LOAD CSV must not read the machine's files (file:///etc/passwd) ...
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    // ... nor fetch from the network (cloud metadata, intranet); nothing here needs it.
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    // Keep the transaction logs small: a dev/test store, not a backup source.
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // No usage reports: there is nobody to send them to from a local dev store.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Bolt's Netty event loops otherwise wait a 5 s "quiet period" each on shutdown
                    // (~10 s in all); open connections are already closed by then.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (Throwable e) {
            // Stack trace first, the short cause chain last: the parent quotes the last lines.
            e.printStackTrace(System.err);
            System.err.println("EmbeddedNeo4j: failed to start Neo4j in " + home + ": " + e);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                System.err.println("  caused by: " + c);
            }
            deleteQuietly(initialPassword);
            STARTUP_FINISHED.countDown();
            System.exit(1);
            return;
        }
        synchronized (LOCK) {
            managementService = service;
        }
        STARTUP_FINISHED.countDown();
        deleteQuietly(initialPassword); // it holds a hash of the password; applied by now

        if (!NoHttpOnBolt.DISABLED && HardenedEdition.guardedConnectors() < 1) {
            // Fail closed: the hook into Bolt did not run (a Neo4j change), so WebSocket would be open.
            System.err.println("EmbeddedNeo4j: failed to install the HTTP/WebSocket guard on the Bolt connector");
            System.exit(1);
            return;
        }
        try {
            Users.sync(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), adminPassword, readerPassword);
        } catch (RuntimeException e) {
            e.printStackTrace(System.err);
            System.err.println("EmbeddedNeo4j: failed to start Neo4j in " + home + ": could not set the passwords: " + e);
            System.exit(1);
            return;
        }

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            System.err.println("EmbeddedNeo4j: database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + "' did not become available");
            System.exit(1);
            return;
        }

        int boltPort = port;
        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        HostnamePort bound = ports.getLocalAddress(ConnectorType.BOLT);
        if (bound != null) {
            boltPort = bound.getPort();
        }
        if (boltPort <= 0) {
            System.err.println("EmbeddedNeo4j: could not determine the Bolt port");
            System.exit(1);
            return;
        }

        System.err.println("EmbeddedNeo4j: Neo4j " + org.neo4j.kernel.internal.Version.getNeo4jVersion()
                + " started, pid " + ProcessHandle.current().pid() + ", home " + home + ", Bolt on 127.0.0.1:" + boltPort);
        protocolOut.println(READY_PREFIX + "bolt://127.0.0.1:" + boltPort);
        protocolOut.flush();
        // The DBMS threads keep the JVM alive; the stdin watcher or a signal ends it.
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("EmbeddedNeo4j: could not delete " + file + ": " + e);
        }
    }

    private static void drain(InputStream in) {
        byte[] buf = new byte[1024];
        try {
            while (in.read(buf) != -1) {
                // Input is ignored; only EOF matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone: same as EOF.
        }
    }

    private static void shutdown() {
        try {
            // A signal that arrives while build() runs waits for it, then shuts the DBMS down.
            STARTUP_FINISHED.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService service;
        synchronized (LOCK) {
            if (shutdownDone) {
                return;
            }
            shutdownDone = true;
            service = managementService;
            managementService = null;
        }
        if (service == null) {
            closeUserLog();
            return;
        }
        long start = System.nanoTime();
        try {
            service.shutdown();
            System.err.println("EmbeddedNeo4j: shut down cleanly in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        } catch (Throwable e) {
            System.err.println("EmbeddedNeo4j: error during shutdown: " + e);
        }
        closeUserLog();
    }

    private static void closeUserLog() {
        Log4jLogProvider log;
        synchronized (LOCK) {
            log = userLogProvider;
            userLogProvider = null;
        }
        if (log != null) {
            log.close();
        }
    }
}
