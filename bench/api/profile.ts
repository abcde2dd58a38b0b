// Which Cypher statements vnkg sends for one GraphQL operation, and what each costs: the real
// app (createApp) runs in this process over a GraphDatabase that records every statement, then
// each recorded statement — and the floor's statement — is run once more with PROFILE.
import { statementLabel } from '../lib/timed-db.ts';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { graphql } from 'graphql';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { pino } from 'pino';
import { GraphDatabase, type Params, type ReadScope, type RoundTripCounter } from '../../src/graph/database.ts';
import type { Neo4jCredentials } from '../../src/neo4j/credentials.ts';
import { createApp } from '../../src/server/app.ts';
import type { RecordShape } from 'neo4j-driver';
import { authToken } from './bolt.ts';
import { PEER_TYPE_DEFS } from './peer-schema.ts';
import type { Workload } from './workloads.ts';

export interface OperatorRow {
  operator: string;
  details: string;
  rows: number;
  dbHits: number;
}

export interface StatementProfile {
  label: string;
  query: string;
  rows: number;
  dbHits: number;
  /** Server-side time of the (second) PROFILEd run (available + consumed), ms; PROFILE itself adds to it. */
  ms: number;
  /** Neo4j's estimate of the memory the statement held at its peak (`GlobalMemory`), bytes: what counts against the limit for transactions. */
  memory: number;
  /** Operators that read a whole label, type or index instead of seeking, and sorts. */
  notable: OperatorRow[];
  /** Index seeks (what the statement starts from). */
  seeks: string[];
}

export interface WorkloadProfile {
  key: string;
  vnkg: StatementProfile[];
  floor: StatementProfile;
  peer: StatementProfile[];
}


interface PlanNode {
  operatorType: string;
  rows?: number;
  dbHits?: number;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

function flatten(plan: PlanNode, out: OperatorRow[] = []): OperatorRow[] {
  const details = plan.arguments?.['Details'];
  out.push({
    operator: plan.operatorType.replace(/@.*$/, ''),
    details: typeof details === 'string' ? details : '',
    rows: Number(plan.rows ?? 0),
    dbHits: Number(plan.dbHits ?? 0),
  });
  for (const child of plan.children ?? []) flatten(child, out);
  return out;
}

const NOTABLE = /LabelScan|AllNodesScan|RelationshipTypeScan|RelationshipsScan|IndexScan$|^Sort$|^Top$|PartialSort|PartialTop|Eager/;
const SEEK = /IndexSeek|UniqueIndexSeek|IndexContainsScan|ProcedureCall/;

/** One statement PROFILEd twice (the first run plans the PROFILE variant), the second reported. */
export async function profileStatement(db: GraphDatabase, query: string, params: Params, label: string): Promise<StatementProfile> {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    // The first run plans the PROFILE variant of the statement; the second is the one reported.
    await session.run(`PROFILE ${query}`, params);
    const result = await session.run(`PROFILE ${query}`, params);
    const plan = result.summary.profile ? (result.summary.profile as unknown as PlanNode) : null;
    const ops = plan ? flatten(plan) : [];
    const ms = Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
    return {
      label,
      query,
      rows: result.records.length,
      dbHits: ops.reduce((s, o) => s + o.dbHits, 0),
      ms,
      memory: Number(plan?.arguments?.['GlobalMemory'] ?? 0),
      notable: ops.filter((o) => NOTABLE.test(o.operator)),
      seeks: ops.filter((o) => SEEK.test(o.operator)).map((o) => `${o.operator} ${o.details}`.slice(0, 90)),
    };
  } finally {
    await session.close();
  }
}

/** A GraphDatabase that remembers every read it runs. */
class RecordingGraphDatabase extends GraphDatabase {
  recorded: Array<{ query: string; params: Params }> = [];
  override async read<R extends RecordShape>(query: string, params: Params, counter?: RoundTripCounter): Promise<R[]> {
    this.recorded.push({ query, params });
    return super.read<R>(query, params, counter);
  }

  /** The scope a GraphQL request reads through (src/api/context.ts), recording as `read` does. */
  override readScope(): ReadScope {
    const scope = super.readScope();
    const read = scope.read.bind(scope);
    scope.read = <R extends RecordShape>(query: string, params: Params, counter?: RoundTripCounter) => {
      this.recorded.push({ query, params });
      return read<R>(query, params, counter);
    };
    return scope;
  }
}

/**
 * A driver that hands @neo4j/graphql sessions whose read transactions record every statement run
 * in them (the library runs each operation as `session.executeRead(tx => tx.run(cypher, params))`).
 */
function recordingDriver(driver: Driver, recorded: Array<{ query: string; params: Params }>): Driver {
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'executeRead') {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
            target.executeRead(
              (tx) =>
                work(
                  new Proxy(tx, {
                    get(t, p) {
                      if (p === 'run') {
                        return (query: string, params: Params) => {
                          recorded.push({ query, params });
                          return t.run(query, params);
                        };
                      }
                      const v = Reflect.get(t, p) as unknown;
                      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
                    },
                  }),
                ) as Promise<unknown>,
              config as never,
            );
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') return (config?: Parameters<Driver['session']>[0]) => wrapSession(target.session(config));
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** PROFILEs every statement vnkg and the peer send for each workload, and the floor's statement. */
export async function profileWorkloads(
  uri: string,
  credentials: Neo4jCredentials,
  list: readonly Workload[],
  maxPageSize: number,
): Promise<WorkloadProfile[]> {
  const db = new RecordingGraphDatabase(
    neo4j.driver(uri, authToken(credentials), { disableLosslessIntegers: true, maxConnectionPoolSize: 4 }),
    undefined,
  );
  const app = await createApp({ db, logger: pino({ level: 'silent' }), maxPageSize, ide: false });
  const port = await app.listen(0);
  const peerRecorded: Array<{ query: string; params: Params }> = [];
  const peerDriver = neo4j.driver(uri, authToken(credentials), { maxConnectionPoolSize: 4 });
  const peerSchema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver: recordingDriver(peerDriver, peerRecorded) }).getSchema();
  const out: WorkloadProfile[] = [];
  try {
    for (const w of list) {
      db.recorded = [];
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(w.vnkg),
      });
      await res.text();
      const vnkg: StatementProfile[] = [];
      for (const { query, params } of db.recorded) vnkg.push(await profileStatement(db, query, params, statementLabel(query)));
      const floor = await profileStatement(db, w.floor.cypher, w.floor.params, 'floor');
      peerRecorded.length = 0;
      await graphql({ schema: peerSchema, source: w.peer.query, variableValues: w.peer.variables, contextValue: {} });
      const peer: StatementProfile[] = [];
      // The library asks dbms.components() once, for the server version: not part of the operation.
      for (const { query, params } of peerRecorded.filter((r) => !/dbms\.components\(\)/.test(r.query))) peer.push(await profileStatement(db, query, params, 'generated'));
      out.push({ key: w.key, vnkg, floor, peer });
    }
  } finally {
    await peerDriver.close();
    await app.stop();
    await db.close();
  }
  return out;
}
