// Several rounds of the same measurement, as one: on a machine where the servers, Neo4j and the
// load generator share two cores, one window another process disturbed moves a number by a
// third; the median of three rounds does not follow it.
import type { Measurement } from './report.ts';

const median = (values: number[]): number => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * One measurement per workload and server from the rounds': the median of each rate, latency and
 * CPU figure (a window another process disturbed moves a mean, not a median of three), the sum of
 * the counts. One round is returned as it is.
 */
export function medianOverRounds(byRound: readonly Measurement[]): Measurement[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of byRound) {
    const key = `${m.key} ${m.target}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((ms) => {
    if (ms.length === 1) return ms[0]!;
    const of = (pick: (m: Measurement) => number) => median(ms.map(pick));
    const sum = (pick: (m: Measurement) => number) => ms.reduce((total, m) => total + pick(m), 0);
    return {
      ...ms[0]!,
      requests: sum((m) => m.requests),
      rps: of((m) => m.rps),
      p50: of((m) => m.p50),
      p99: of((m) => m.p99),
      mean: of((m) => m.mean),
      errors: sum((m) => m.errors),
      timeouts: sum((m) => m.timeouts),
      non2xx: sum((m) => m.non2xx),
      graphqlErrors: sum((m) => m.graphqlErrors),
      load: [ms[0]!.load[0], ms.at(-1)!.load[1]],
      byAmount: ms.some((m) => m.byAmount),
      cpuPerRequest: {
        server: of((m) => m.cpuPerRequest.server),
        neo4j: of((m) => m.cpuPerRequest.neo4j),
        loadGenerator: of((m) => m.cpuPerRequest.loadGenerator),
      },
    };
  });
}
