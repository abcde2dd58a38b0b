import type { GraphDatabase, ReadScope } from '../graph/database.ts';
import { deadlineIn, RoundTripCounter } from '../graph/database.ts';
import type { WriteAccess } from './auth.ts';
import type { CompiledStatement } from '../graph/compiler/compile.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { OperationPlan } from './plan.ts';

/** What every resolver receives: the graph, this request's reads and loaders, and its round-trip count. */
export interface ApiContext {
  /** For writes (mutations). */
  db: GraphDatabase;
  /** Every read of this request, under its deadline; closed when the response is sent. */
  reads: ReadScope;
  loaders: Loaders;
  roundTrips: RoundTripCounter;
  maxPageSize: number;
  /** Whether root fields read their selection's lists in one compiled statement (api/compiled.ts). */
  compileSelections: boolean;
  /** The plans of the operation's compiled root fields, made before it runs (api/plan.ts). */
  operationPlan?: OperationPlan;
  /** The statements compiled for this request, when they are reported (`extensions.cypher`). */
  compiledStatements?: CompiledStatement[];
  /** Whether writes are allowed for this request (see `auth.ts`). */
  writeAccess: WriteAccess;
}

export function createContext(
  db: GraphDatabase,
  maxPageSize: number,
  writeAccess: WriteAccess,
  requestTimeoutMs: number,
  options: { compileSelections: boolean; showCypher: boolean } = { compileSelections: true, showCypher: false },
): ApiContext {
  const roundTrips = new RoundTripCounter();
  // Every read of the request shares one deadline, counted from the request's start.
  const reads = db.readScope(deadlineIn(requestTimeoutMs));
  return {
    db,
    reads,
    loaders: createLoaders(reads, roundTrips),
    roundTrips,
    maxPageSize,
    writeAccess,
    compileSelections: options.compileSelections,
    ...(options.showCypher ? { compiledStatements: [] } : {}),
  };
}
