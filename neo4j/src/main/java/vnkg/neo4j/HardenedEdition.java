package vnkg.neo4j;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.neo4j.bolt.BoltServer;
import org.neo4j.common.DependencyResolver;
import org.neo4j.configuration.Config;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.factory.module.GlobalModule;
import org.neo4j.graphdb.factory.module.edition.AbstractEditionModule;
import org.neo4j.graphdb.factory.module.edition.CommunityEditionModule;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.lifecycle.LifecycleStatus;

/**
 * Neo4j Community with two changes to its Bolt server, neither of which has a setting in 5.26:
 * the {@link ReadOnlyUser} account and {@link NoHttpOnBolt}. Both hook in where
 * {@code DatabaseManagementServiceFactory.createBoltServer} asks the edition for Bolt's
 * AuthManager ({@code AbstractEditionModule.getBoltAuthManager}), which is internal API: the
 * public {@code DatabaseManagementServiceBuilder} is final, so {@link Builder} extends its
 * implementation class to choose the edition. A Neo4j upgrade that changes these signatures
 * fails the Maven build rather than silently dropping the hooks, and {@link #guardedConnectors}
 * lets the launcher refuse to run if the guard was not installed.
 */
final class HardenedEdition extends CommunityEditionModule {
    private static final AtomicInteger GUARDED_CONNECTORS = new AtomicInteger(-1);

    HardenedEdition(GlobalModule globalModule) {
        super(globalModule);
    }

    /** Bolt connectors the HTTP/WebSocket guard was installed on; -1 if it never was. */
    static int guardedConnectors() {
        return GUARDED_CONNECTORS.get();
    }

    @Override
    public AuthManager getBoltAuthManager(DependencyResolver dependencies) {
        // The Bolt server is created right after this call and added to the global life: its
        // connectors exist once it is initialised and bind when it starts. STARTING is announced
        // before start() runs, so the guard is in place before the first connection is accepted.
        if (!NoHttpOnBolt.DISABLED) {
            globalModule.getGlobalLife().addLifecycleListener((instance, from, to) -> {
                if (instance instanceof BoltServer bolt && to == LifecycleStatus.STARTING) {
                    GUARDED_CONNECTORS.set(NoHttpOnBolt.install(bolt));
                }
            });
        }
        return ReadOnlyUser.wrap(super.getBoltAuthManager(dependencies));
    }

    /** A DatabaseManagementServiceBuilder that builds {@link HardenedEdition}. */
    static final class Builder extends DatabaseManagementServiceBuilderImplementation {
        Builder(Path home) {
            super(home);
        }

        @Override
        protected Function<GlobalModule, AbstractEditionModule> getEditionFactory(Config config) {
            return HardenedEdition::new;
        }
    }
}
