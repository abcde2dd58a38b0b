// Instrumented GraphDatabase subclasses for the benchmark: they time (or PROFILE) every statement
// that src/graph/ingest.ts sends, without touching src/. Both go through the public surface of
// GraphDatabase/WriteTx (the driver, writeTransaction, WriteTx.run).
import { statementName } from '../../src/graph/statement-name.ts';
import neo4j, { type ManagedTransaction, type RecordShape, type Transaction } from 'neo4j-driver';
import { GraphDatabase, WriteTx, type Params, type RoundTripCounter } from '../../src/graph/database.ts';

/** The statement's name (src/graph/statement-name.ts), else its first words. */
export function statementLabel(query: string): string {
  return statementName(query) ?? query.replace(/\s+/g, ' ').trim().slice(0, 48);
}

export interface StatementStat {
  calls: number;
  ms: number;
  /** Parameter rows sent (length of the first list parameter), to relate time to work. */
  rows: number;
}

/** Accumulates wall time per statement label (plus COMMIT). */
export class StatementStats {
  readonly byLabel = new Map<string, StatementStat>();
  add(label: string, ms: number, rows = 0): void {
    const s = this.byLabel.get(label) ?? { calls: 0, ms: 0, rows: 0 };
    s.calls++;
    s.ms += ms;
    s.rows += rows;
    this.byLabel.set(label, s);
  }
  total(): number {
    let t = 0;
    for (const s of this.byLabel.values()) t += s.ms;
    return t;
  }
  reset(): void {
    this.byLabel.clear();
  }
}

function paramRows(params: Params): number {
  for (const v of Object.values(params)) if (Array.isArray(v)) return v.length;
  return 0;
}

class TimedWriteTx extends WriteTx {
  constructor(
    private readonly inner: WriteTx,
    private readonly stats: StatementStats,
  ) {
    super(undefined as unknown as ManagedTransaction, undefined);
  }
  override async run<R extends RecordShape>(query: string, params: Params = {}): Promise<R[]> {
    const t0 = performance.now();
    try {
      return await this.inner.run<R>(query, params);
    } finally {
      this.stats.add(statementLabel(query), performance.now() - t0, paramRows(params));
    }
  }
}

/** Times each statement of every write transaction, and the commit (time after the work until executeWrite returns). */
export class TimedGraphDatabase extends GraphDatabase {
  readonly stats = new StatementStats();
  transactions = 0;

  override async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>, counter?: RoundTripCounter): Promise<T> {
    let workDone = 0;
    const result = await super.writeTransaction(async (tx) => {
      const r = await work(new TimedWriteTx(tx, this.stats));
      workDone = performance.now();
      return r;
    }, counter);
    this.stats.add('COMMIT', performance.now() - workDone);
    this.transactions++;
    return result;
  }
}

export interface ProfileOperator {
  depth: number;
  operator: string;
  rows: number;
  dbHits: number;
  details: string;
}

export interface StatementProfile {
  label: string;
  ms: number;
  paramRows: number;
  dbHits: number;
  rows: number;
  operators: ProfileOperator[];
  updates: Record<string, number>;
}

interface PlanNode {
  operatorType: string;
  rows?: number;
  dbHits?: number;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

function flatten(plan: PlanNode, depth = 0, out: ProfileOperator[] = []): ProfileOperator[] {
  const details = plan.arguments?.['Details'];
  out.push({
    depth,
    operator: plan.operatorType.replace(/@.*$/, ''),
    rows: Number(plan.rows ?? 0),
    dbHits: Number(plan.dbHits ?? 0),
    details: typeof details === 'string' ? details : '',
  });
  for (const child of plan.children ?? []) flatten(child, depth + 1, out);
  return out;
}

export type PlanMode = 'PROFILE' | 'EXPLAIN';

class ProfilingTx extends WriteTx {
  constructor(
    private readonly explicit: Transaction,
    private readonly profiles: StatementProfile[],
    private readonly mode: PlanMode,
  ) {
    super(undefined as unknown as ManagedTransaction, undefined);
  }
  override async run<R extends RecordShape>(query: string, params: Params = {}): Promise<R[]> {
    const t0 = performance.now();
    const result = await this.explicit.run<R>(`${this.mode} ${query}`, params);
    const ms = performance.now() - t0;
    const plan = this.mode === 'PROFILE' ? result.summary.profile : result.summary.plan;
    const operators = plan ? flatten(plan as unknown as PlanNode) : [];
    const updates = Object.fromEntries(Object.entries(result.summary.counters.updates()).filter(([, v]) => v > 0));
    this.profiles.push({
      label: statementLabel(query),
      ms,
      paramRows: paramRows(params),
      dbHits: operators.reduce((s, o) => s + o.dbHits, 0),
      rows: result.records.length,
      operators,
      updates,
    });
    return result.records.map((r) => r.toObject());
  }
}

/**
 * Runs every write transaction with PROFILE (or EXPLAIN: planned, not run) in front of each
 * statement, in an explicit transaction that is rolled back: the graph is left as it was.
 */
export class ProfilingGraphDatabase extends GraphDatabase {
  readonly profiles: StatementProfile[] = [];
  constructor(
    driver: GraphDatabase['driver'],
    private readonly databaseName: string | undefined,
    private readonly mode: PlanMode = 'PROFILE',
  ) {
    super(driver, databaseName);
  }
  override async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.WRITE });
    const tx = session.beginTransaction();
    try {
      return await work(new ProfilingTx(tx, this.profiles, this.mode));
    } finally {
      await tx.rollback();
      await session.close();
    }
  }
}

/** Operators that read a whole label, relationship type or store instead of seeking an index. */
export function scanOperators(p: StatementProfile): ProfileOperator[] {
  return p.operators.filter((o) => /LabelScan|AllNodesScan|RelationshipsScan|RelationshipTypeScan|IndexScan$/.test(o.operator));
}
