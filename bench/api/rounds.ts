// Several rounds of the same measurement, as one. Where the servers, Neo4j and the load generator
// share two cores, one window can be far off its neighbours (vnkg's W2 p50 at 10k: 19.7, 12.5 and
// 10.6 ms in three rounds of one run); the median of three does not follow the odd one.
import type { Measurement } from './report.ts';

const median = (values: number[]): number => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * One measurement per workload and server from the rounds': the median of each rate, latency and
 * CPU figure, the sum of the counts. One round is returned as it is.
 */
export function medianOverRounds(byRound: readonly Measurement[]): Measurement[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of byRound) {
    const key = `${m.key} ${m.target}`;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
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
