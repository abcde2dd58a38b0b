package vnkg.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.string.UTF8;

/**
 * The two accounts of the embedded Neo4j and their passwords, which the parent process keeps in
 * 0600 files in the Neo4j home (never on a command line, which every local user can read).
 */
final class Users {
    static final String ADMIN = "neo4j";
    static final String ADMIN_PASSWORD_FILE = "neo4j-password";
    static final String READER_PASSWORD_FILE = "reader-password";

    private Users() {}

    /** The first line of `file`, or null if the file does not exist. */
    static String readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int nl = content.indexOf('\n');
        String password = (nl >= 0 ? content.substring(0, nl) : content).strip();
        if (password.isEmpty()) {
            throw new IOException("empty password file " + file);
        }
        return password;
    }

    /**
     * Writes auth.ini (what `neo4j-admin dbms set-initial-password` writes), so that `neo4j` has
     * `password` before Bolt accepts its first connection: Neo4j applies it when it creates the
     * system database, and at every start to a store whose only user still has the default
     * password "neo4j" (stores made while auth was off; UserSecurityGraphComponent
     * .postInitialization). Without it, Bolt would briefly accept neo4j/neo4j on a new store.
     * Returns the file, to be deleted once the DBMS is up.
     */
    static Path writeInitialPassword(Path home, Path conf, String password) throws Exception {
        Config.Builder builder = Config.newBuilder();
        if (Files.isRegularFile(conf)) {
            builder.fromFileNoThrow(conf);
        }
        Config config = builder.set(GraphDatabaseSettings.neo4j_home, home).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        FileUserRepository repository = new FileUserRepository(
                new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        repository.start();
        try {
            SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(UTF8.encode(password), new SecureHasher());
            repository.create(new User(ADMIN, null, credential, false, false));
        } finally {
            repository.shutdown();
        }
        return file;
    }

    /**
     * Makes the stored accounts match the password files, through the embedded API (which runs
     * with full rights, no login): `neo4j` gets its password whatever it was (e.g. the password
     * file was lost and regenerated), and {@link ReadOnlyUser#USERNAME} exists with its password
     * if the parent gave one, and not otherwise.
     */
    static void sync(GraphDatabaseService system, String adminPassword, String readerPassword) {
        setPassword(system, ADMIN, adminPassword);
        if (readerPassword == null) {
            system.executeTransactionally("DROP USER " + ReadOnlyUser.USERNAME + " IF EXISTS");
            return;
        }
        system.executeTransactionally(
                "CREATE USER " + ReadOnlyUser.USERNAME + " IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", readerPassword));
        setPassword(system, ReadOnlyUser.USERNAME, readerPassword);
    }

    private static void setPassword(GraphDatabaseService system, String user, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER " + user + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one already set: nothing to do then.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}
