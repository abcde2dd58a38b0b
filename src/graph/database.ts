import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
  type Session,
} from 'neo4j-driver';
import type { Neo4jConnection } from '../config/index.ts';
import type { PageRequest } from './records.ts';

export type Params = Record<string, unknown>;

/** A unit of work ran past its time limit; its statements were cancelled. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
  constructor(readonly timeoutMs: number) {
    super(`The request took longer than its limit of ${timeoutMs} ms and was cancelled.`);
  }
}

/** The moment a unit of work must be done by, and the limit it came from (for the message). */
export interface Deadline {
  at: number;
  timeoutMs: number;
}

export const deadlineIn = (timeoutMs: number): Deadline => ({ at: Date.now() + timeoutMs, timeoutMs });

/**
 * `work`, or a DeadlineExceededError once `deadline` passes. The server cancels the statement
 * itself through the transaction timeout; this also bounds the wait when the server cannot
 * answer at all (frozen, partitioned). A late settlement of `work` is swallowed.
 */
export async function beforeDeadline<T>(work: Promise<T>, deadline: Deadline | undefined): Promise<T> {
  if (!deadline) return work;
  const remaining = deadline.at - Date.now();
  if (remaining <= 0) {
    work.catch(() => undefined);
    throw new DeadlineExceededError(deadline.timeoutMs);
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(deadline.timeoutMs)), remaining);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds left before `deadline`, as the whole positive number a transaction timeout needs. */
const txTimeout = (deadline: Deadline | undefined) =>
  deadline ? { timeout: Math.max(1, Math.ceil(deadline.at - Date.now())) } : {};

export interface ConnectOptions {
  /** How long transient failures are retried before an error surfaces (default 15 s). */
  maxRetryTimeMs?: number;
  /** How long to wait for a TCP connection to Neo4j (default 5 s). */
  connectionTimeoutMs?: number;
  /** How long a statement waits for a free connection of the pool (default 5 s). */
  acquisitionTimeoutMs?: number;
}

/**
 * Counts the Cypher statements sent, so a caller (one GraphQL request, a test, a benchmark)
 * can see how many round trips its work cost.
 */
export class RoundTripCounter {
  count = 0;
}

/** What the read functions of the graph layer need: a statement in, its records out. */
export interface GraphReader {
  read<R extends RecordShape>(query: string, params: Params, counter?: RoundTripCounter): Promise<R[]>;
}

/** The one door to Neo4j: every statement of the graph layer goes through here. */
export class GraphDatabase implements GraphReader {
  constructor(
    readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  static connect(connection: Neo4jConnection, options: ConnectOptions = {}): GraphDatabase {
    // No password: a server running without authentication.
    const auth = connection.password ? neo4j.auth.basic(connection.username, connection.password) : undefined;
    const driver = neo4j.driver(connection.uri, auth, {
      // Offsets, counts and values fit in a double; plain numbers keep the API layer simple.
      disableLosslessIntegers: true,
      // A database that is down or frozen must surface as an error in seconds, not hang a request.
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 5_000,
      // Transient failures (leader switch, restart) are retried this long before an error surfaces.
      maxTransactionRetryTime: options.maxRetryTimeMs ?? 15_000,
      maxConnectionPoolSize: 50,
    });
    return new GraphDatabase(driver, connection.database);
  }

  /** One read in its own auto-committed transaction, retried on transient failures. */
  async read<R extends RecordShape>(query: string, params: Params, counter?: RoundTripCounter): Promise<R[]> {
    if (counter) counter.count++;
    const result = await this.driver.executeQuery<QueryResult<R>>(query, params, {
      database: this.database,
      routing: neo4j.routing.READ,
    });
    return result.records.map((r) => r.toObject());
  }

  /** Reads of one unit of work (see ReadScope), cancelled at `deadline`. */
  readScope(deadline?: Deadline): ReadScope {
    return new ReadScope(
      () =>
        this.driver.session({
          database: this.database,
          defaultAccessMode: neo4j.session.READ,
          bookmarkManager: this.driver.executeQueryBookmarkManager,
        }),
      deadline,
    );
  }

  /**
   * One auto-commit read whose records are yielded as they arrive: the driver pulls them in
   * batches as the consumer asks, so a large result never sits in memory. Stopping early
   * (`break`, an error downstream) discards the rest and closes the session.
   */
  async *stream<R extends RecordShape>(query: string, params: Params, counter?: RoundTripCounter): AsyncGenerator<R> {
    if (counter) counter.count++;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      for await (const record of session.run<R>(query, params)) yield record.toObject();
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in one write transaction: all of it lands, or none of it. */
  async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>, counter?: RoundTripCounter): Promise<T> {
    // The bookmarks executeQuery and read scopes use: a read after this write sees it, in a cluster too.
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      return await session.executeWrite((tx) => work(new WriteTx(tx, counter)));
    } finally {
      await session.close();
    }
  }

  /** Auto-commit statement, for schema commands that may not share a transaction with data. */
  async runSchemaCommand(query: string): Promise<void> {
    await this.driver.executeQuery(query, {}, { database: this.database });
  }

  /** One statement in an implicit transaction, as `CALL { … } IN TRANSACTIONS` requires (migrations). */
  async runImplicit(query: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(query, params);
    } finally {
      await session.close();
    }
  }

  /**
   * One auto-commit statement without retries: a health check must answer fast, not wait out an
   * outage. With `timeoutMs`, a database that does not answer in time is reported as down.
   */
  async ping(timeoutMs?: number): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const deadline = timeoutMs === undefined ? undefined : deadlineIn(timeoutMs);
    try {
      await beforeDeadline(session.run('RETURN 1', {}, txTimeout(deadline)).then(() => undefined), deadline);
    } finally {
      // A frozen server never acknowledges the close: do not wait for it past the deadline.
      void session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * The reads of one unit of work (a GraphQL request), all cancelled at its deadline: each
 * statement is an auto-commit transaction in a session of its own (a session runs one statement
 * at a time, and a request's loaders send theirs concurrently). Not one explicit transaction:
 * Neo4j reads at read-committed isolation, so a transaction around the reads would give them no
 * common snapshot, and it costs BEGIN and COMMIT — a second round trip, and about twice the
 * client CPU of an auto-commit statement (`npx tsx bench/read-tx.ts`). The sessions share the
 * driver's bookmarks, so every read sees the writes before it, in a cluster too. There is no
 * automatic retry: a transient failure reaches the caller.
 */
export class ReadScope implements GraphReader {
  private readonly open = new Set<Session>();

  constructor(
    private readonly newSession: () => Session,
    private readonly deadline?: Deadline,
  ) {}

  async read<R extends RecordShape>(query: string, params: Params, counter?: RoundTripCounter): Promise<R[]> {
    if (counter) counter.count++;
    if (this.deadline && this.deadline.at <= Date.now()) throw new DeadlineExceededError(this.deadline.timeoutMs);
    const session = this.newSession();
    this.open.add(session);
    try {
      // The server cancels the statement at the deadline, so its work stops with the request.
      const result = await beforeDeadline(Promise.resolve(session.run<R>(query, params, txTimeout(this.deadline))), this.deadline);
      return result.records.map((r) => r.toObject());
    } finally {
      // Released either way, never waited for past the deadline: a session whose statement answered
      // closes at once, one facing a server that stopped answering would never be acknowledged.
      this.open.delete(session);
      void this.release(session, this.deadline);
    }
  }

  /**
   * Closes the sessions whose statements are still running (a request that failed while a read
   * was in flight), waiting at most until the deadline (or a second past it): the response must
   * not wait on a server that stopped answering.
   */
  async close(): Promise<void> {
    const open = [...this.open];
    this.open.clear();
    const grace = this.deadline && { at: Math.max(this.deadline.at, Date.now() + 1_000), timeoutMs: this.deadline.timeoutMs };
    await Promise.all(open.map((session) => this.release(session, grace)));
  }

  private async release(session: Session, until: Deadline | undefined): Promise<void> {
    await beforeDeadline(session.close(), until).catch(() => undefined);
  }
}

export class WriteTx {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly counter: RoundTripCounter | undefined,
  ) {}

  async run<R extends RecordShape>(query: string, params: Params = {}): Promise<R[]> {
    if (this.counter) this.counter.count++;
    const result = await this.tx.run<R>(query, params);
    return result.records.map((r) => r.toObject());
  }
}

/** A page as Cypher parameters: integers, as SKIP, LIMIT and list slices require (JS numbers are sent as floats). */
export const pageParams = (page: PageRequest) => ({ offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) });
