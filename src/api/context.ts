import type { GraphDatabase } from '../graph/database.ts';
import { RoundTripCounter } from '../graph/database.ts';
import type { WriteAccess } from './auth.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** What every resolver receives: the graph, this request's loaders, and its round-trip count. */
export interface ApiContext {
  db: GraphDatabase;
  loaders: Loaders;
  roundTrips: RoundTripCounter;
  maxPageSize: number;
  /** Whether writes are allowed for this request (see `auth.ts`). */
  writeAccess: WriteAccess;
}

export function createContext(db: GraphDatabase, maxPageSize: number, writeAccess: WriteAccess): ApiContext {
  const roundTrips = new RoundTripCounter();
  return { db, loaders: createLoaders(db, roundTrips), roundTrips, maxPageSize, writeAccess };
}
