import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
  type Session,
  type Transaction,
} from 'neo4j-driver';
import type { Neo4jConnection } from '../config/index.ts';
import type { PageRequest } from './records.ts';

export type Params = Record<string, unknown>;

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

  static connect(connection: Neo4jConnection, options: { maxRetryTimeMs?: number } = {}): GraphDatabase {
    // No password: the server runs without authentication (the embedded default, bound to loopback).
    const auth = connection.password ? neo4j.auth.basic(connection.username, connection.password) : undefined;
    const driver = neo4j.driver(connection.uri, auth, {
      // Offsets, counts and values fit in a double; plain numbers keep the API layer simple.
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
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

  /** Reads that share one transaction until the scope is closed (see ReadScope). */
  readScope(): ReadScope {
    return new ReadScope(() =>
      this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      }),
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

  /** One auto-commit statement without retries: a health check must answer fast, not wait out an outage. */
  async ping(): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * The reads of one unit of work (a GraphQL request) in one read transaction, begun at the first
 * statement and committed by `close()`. Every statement sees the same snapshot of the graph, and
 * the cost of opening a session and a transaction — about 1 ms of client CPU, more than most
 * statements themselves — is paid once, not per statement. Statements may run concurrently
 * (the driver pipelines them). A failed statement ends the transaction; the next read begins a
 * new one. There is no automatic retry: a transient failure reaches the caller.
 */
export class ReadScope implements GraphReader {
  private open: { session: Session; tx: Transaction } | null = null;

  constructor(private readonly newSession: () => Session) {}

  async read<R extends RecordShape>(query: string, params: Params, counter?: RoundTripCounter): Promise<R[]> {
    if (counter) counter.count++;
    const { tx } = (this.open ??= this.begin());
    try {
      const result = await tx.run<R>(query, params);
      return result.records.map((r) => r.toObject());
    } catch (error) {
      void this.discard();
      throw error;
    }
  }

  /** Commits the transaction (reads only: nothing to lose) and releases the session. */
  async close(): Promise<void> {
    const open = this.open;
    this.open = null;
    if (!open) return;
    try {
      if (open.tx.isOpen()) await open.tx.commit();
    } catch {
      // A transaction a failed statement already ended has nothing left to commit.
    } finally {
      await open.session.close();
    }
  }

  private begin(): { session: Session; tx: Transaction } {
    const session = this.newSession();
    return { session, tx: session.beginTransaction() };
  }

  private async discard(): Promise<void> {
    const open = this.open;
    this.open = null;
    await open?.session.close().catch(() => undefined);
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
