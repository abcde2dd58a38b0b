// Rounds of the API benchmark reduce to one measurement per workload and server: medians of the
// rates, latencies and CPU figures, sums of the counts. No Neo4j needed.
import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../bench/api/report.ts';
import { medianOverRounds } from '../../bench/api/rounds.ts';

const window = (target: Measurement['target'], p50: number, rps: number, serverCpu: number, non2xx = 0): Measurement => ({
  scale: 1000,
  key: 'search',
  target,
  requests: rps * 10,
  rps,
  p50,
  p99: p50 * 3,
  mean: p50 * 1.2,
  errors: 0,
  timeouts: 0,
  non2xx,
  graphqlErrors: 0,
  load: [2, 3],
  byAmount: false,
  cpuPerRequest: { server: serverCpu, neo4j: 0.5, loadGenerator: 0.1 },
});

describe('medianOverRounds', () => {
  it('takes the median of each number, so one disturbed window does not move it', () => {
    const [vnkg] = medianOverRounds([window('vnkg', 10, 1200, 0.6), window('vnkg', 30, 400, 1.9, 2), window('vnkg', 11, 1100, 0.7)]);
    expect(vnkg).toMatchObject({ target: 'vnkg', p50: 11, p99: 33, rps: 1100, cpuPerRequest: { server: 0.7, neo4j: 0.5 } });
    expect(vnkg!.requests).toBe(12_000 + 4_000 + 11_000);
    expect(vnkg!.non2xx).toBe(2);
  });

  it('keeps workloads and servers apart, and returns a single round as it is', () => {
    const floor = window('floor', 7, 1800, 0.4);
    const out = medianOverRounds([window('vnkg', 10, 1200, 0.6), floor, window('vnkg', 12, 1000, 0.8)]);
    expect(out.map((m) => m.target)).toEqual(['vnkg', 'floor']);
    expect(out[0]!.p50).toBe(11);
    expect(out[1]).toBe(floor);
  });
});
