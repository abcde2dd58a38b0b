import path from 'node:path';
import { z } from 'zod';

/** The request limits when the environment does not set them (README, "Security and operations"). */
export const DEFAULT_LIMITS = { maxCost: 250_000, requestTimeoutMs: 5_000, maxResponseBytes: 16 * 1024 * 1024 } as const;

/** Environment the service and CLI read; every variable is documented in the README. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  VNKG_HOST: z.string().min(1).default('127.0.0.1'),
  VNKG_MAX_COST: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxCost),
  VNKG_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_LIMITS.requestTimeoutMs),
  VNKG_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_LIMITS.maxResponseBytes),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  VNKG_DATA_DIR: z.string().default('.data'),
  VNKG_SEEDS_DIR: z.string().default('seeds'),
  VNKG_NEO4J_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  VNKG_NEO4J_RESTART_ATTEMPTS: z.coerce.number().int().min(0).max(20).default(5),
  VNKG_NEO4J_WEBSOCKET: z.stringbool().default(false),
  VNKG_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  VNKG_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  VNKG_IDE: z.stringbool().default(true),
  VNKG_INTROSPECTION: z.stringbool().default(true),
  VNKG_SHOW_CYPHER: z.stringbool().default(false),
  VNKG_CORS_ORIGINS: z.string().optional(),
  VNKG_BROWSER: z.stringbool().optional(),
  VNKG_BROWSER_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
}

export interface Config {
  port: number;
  /** Interface the HTTP server listens on: loopback unless configured (0.0.0.0 in a container). */
  host: string;
  /** Largest operation cost (see src/api/cost.ts) a request may have. */
  maxCost: number;
  /** Per-request deadline: its Cypher is cancelled and it answers REQUEST_TIMEOUT past it. */
  requestTimeoutMs: number;
  /** Largest response body; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
  /** An external Neo4j to use; when undefined the embedded Neo4j is started. */
  neo4j: Neo4jConnection | undefined;
  dataDir: string;
  seedsDir: string;
  embeddedBoltPort: number;
  /** How many times a dead embedded Neo4j is restarted (pauses 0.5 s, 1 s, 2 s …) before giving up. */
  embeddedRestartAttempts: number;
  /** Let the embedded Neo4j's Bolt port accept WebSocket (Neo4j Browser, Bloom); refused by default. */
  embeddedWebSocket: boolean;
  maxPageSize: number;
  /** Enables the mutations for requests carrying it; undefined = read-only API. */
  apiKey: string | undefined;
  /** Serve the GraphQL IDE to browsers at GET /graphql. */
  ide: boolean;
  /** Answer introspection queries (off also blocks "Did you mean …" field suggestions). */
  introspection: boolean;
  /** Report the statements compiled for a request as `extensions.cypher` (for development). */
  showCypher: boolean;
  /** Origins whose browser apps may call the API (CORS); none by default. */
  corsOrigins: CorsOrigins;
  /**
   * Serve Neo4j Browser at /browser, relayed to the embedded Neo4j as the read-only account.
   * Default: on when the server listens on loopback only.
   */
  browser: boolean;
  /** Longest transaction a /browser user may run. */
  browserTimeoutMs: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Every origin (`*`, only when configured so) or a list of exact origins. */
export type CorsOrigins = '*' | readonly string[];

/**
 * VNKG_CORS_ORIGINS: `*`, or origins separated by commas, each exactly as a browser sends it in
 * `Origin` (scheme, host, port when not the default; no path), since that is what is compared.
 */
export function parseCorsOrigins(value: string): CorsOrigins {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.includes('*')) {
    if (items.length > 1) throw new ConfigError('Invalid configuration: VNKG_CORS_ORIGINS is either * or a list of origins, not both.');
    return '*';
  }
  return items.map((item) => {
    const origin = URL.canParse(item) ? new URL(item).origin : 'null';
    if (origin === 'null' || origin !== item.replace(/\/$/, '').toLowerCase()) {
      throw new ConfigError(`Invalid configuration: VNKG_CORS_ORIGINS: "${item}" is not an origin like http://localhost:5173 (scheme, host and port only).`);
    }
    return origin;
  });
}

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings are how shells say "unset"; treat them so.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.VNKG_HOST,
    maxCost: e.VNKG_MAX_COST,
    requestTimeoutMs: e.VNKG_REQUEST_TIMEOUT_MS,
    maxResponseBytes: e.VNKG_MAX_RESPONSE_BYTES,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    dataDir: path.resolve(e.VNKG_DATA_DIR),
    seedsDir: path.resolve(e.VNKG_SEEDS_DIR),
    embeddedBoltPort: e.VNKG_NEO4J_BOLT_PORT,
    embeddedRestartAttempts: e.VNKG_NEO4J_RESTART_ATTEMPTS,
    embeddedWebSocket: e.VNKG_NEO4J_WEBSOCKET,
    maxPageSize: e.VNKG_MAX_PAGE_SIZE,
    apiKey: e.VNKG_API_KEY,
    ide: e.VNKG_IDE,
    introspection: e.VNKG_INTROSPECTION,
    showCypher: e.VNKG_SHOW_CYPHER,
    corsOrigins: parseCorsOrigins(e.VNKG_CORS_ORIGINS ?? ''),
    browser: e.VNKG_BROWSER ?? isLoopback(e.VNKG_HOST),
    browserTimeoutMs: e.VNKG_BROWSER_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  };
}
