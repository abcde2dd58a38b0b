import type { GraphDatabase } from '../graph/database.ts';
import { RoundTripCounter } from '../graph/database.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** What every resolver receives: the graph, this request's loaders, and its round-trip count. */
export interface ApiContext {
  db: GraphDatabase;
  loaders: Loaders;
  roundTrips: RoundTripCounter;
  maxPageSize: number;
}

export function createContext(db: GraphDatabase, maxPageSize: number): ApiContext {
  const roundTrips = new RoundTripCounter();
  return { db, loaders: createLoaders(db, roundTrips), roundTrips, maxPageSize };
}
