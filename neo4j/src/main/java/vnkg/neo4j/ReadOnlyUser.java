package vnkg.neo4j;

import java.util.Map;

import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.AdminAccessMode;
import org.neo4j.internal.kernel.api.security.AdminActionOnResource;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;

/**
 * A read-only account on Neo4j Community, which has no roles: every user it authenticates gets
 * full access ({@code BasicLoginContext} authorizes with {@code AccessMode.Static.FULL}, and
 * {@code SecurityContext} grants every admin action). This wraps the Bolt AuthManager: a
 * successful login as {@link #USERNAME} is authorized with {@code AccessMode.Static.READ} and no
 * admin actions, so the kernel itself refuses its writes, schema changes and user management
 * (Neo.ClientError.Security.Forbidden), whatever access mode the client asks for.
 *
 * <p>Internal Neo4j API (pinned to the version in pom.xml); wired in by {@link HardenedEdition}.
 * Users other than {@link #USERNAME} are untouched.
 */
final class ReadOnlyUser {
    /** The read-only account, for exploration tools (Neo4j Browser, Bloom, cypher-shell). */
    static final String USERNAME = "reader";

    private ReadOnlyUser() {}

    /** Bolt's AuthManager, with {@link #USERNAME} demoted to read-only. */
    static AuthManager wrap(AuthManager delegate) {
        return new AuthManager() {
            @Override
            public LoginContext login(Map<String, Object> authToken, ClientConnectionInfo info)
                    throws InvalidAuthTokenException {
                LoginContext login = delegate.login(authToken, info);
                boolean reader = login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS
                        && USERNAME.equals(login.subject().executingUser());
                return reader ? new ReadOnlyLogin(login) : login;
            }

            @Override
            public LoginContext impersonate(LoginContext context, String username) {
                // Community refuses impersonation; keep its answer. A reader stays a reader.
                LoginContext impersonated = delegate.impersonate(context, username);
                return context instanceof ReadOnlyLogin ? new ReadOnlyLogin(impersonated) : impersonated;
            }
        };
    }

    private static final class ReadOnlyLogin extends LoginContext {
        private final LoginContext inner;

        ReadOnlyLogin(LoginContext inner) {
            super(inner.subject(), inner.connectionInfo());
            this.inner = inner;
        }

        @Override
        public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference database, AbstractSecurityLog log) {
            SecurityContext full = inner.authorize(idLookup, database, log);
            // An expired password keeps its own, stricter mode (it may only change the password).
            AccessMode mode = full.mode() == AccessMode.Static.CREDENTIALS_EXPIRED ? full.mode() : AccessMode.Static.READ;
            return new ReadOnlyContext(full, mode);
        }
    }

    private static final class ReadOnlyContext extends SecurityContext {
        ReadOnlyContext(SecurityContext full, AccessMode mode) {
            super(full.subject(), mode, full.connectionInfo(), full.database());
        }

        @Override
        public PermissionState allowExecuteAdminProcedure(int procedureId) {
            return PermissionState.EXPLICIT_DENY;
        }

        @Override
        public PermissionState allowsAdminAction(AdminActionOnResource action) {
            return PermissionState.EXPLICIT_DENY;
        }

        @Override
        public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference database, AbstractSecurityLog log) {
            return this;
        }

        /** Procedures run with a derived mode; keep the admin denials on it (the base class drops them). */
        @Override
        public SecurityContext withMode(AccessMode mode) {
            return new ReadOnlyContext(this, mode);
        }

        @Override
        public SecurityContext withMode(AdminAccessMode adminAccessMode) {
            return this;
        }
    }
}
