// The API benchmark's report: bench/results.md (tables, ratios, targets, PROFILE) and a chart,
// bench/results.png — an SVG written here and rasterised with rsvg-convert (Debian: librsvg2-bin).
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import type { StatementProfile, WorkloadProfile } from './profile.ts';
import type { Target, WorkloadKey, WorkloadParams } from './workloads.ts';

export interface CheckResult {
  key: WorkloadKey;
  ok: boolean;
  problems: string[];
  roundTrips: number | null;
  bytes: Partial<Record<Target, number>>;
  summary: string;
  truncated: boolean;
}

export interface Measurement {
  scale: number;
  key: WorkloadKey;
  target: Target;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  /** 1-minute load average at the start and end of the measured window. */
  load: [number, number];
  /** Too slow for the window: measured as 2 requests per connection instead (req/s = answers / elapsed). */
  byAmount: boolean;
  /** CPU ms per completed request during the window: the server's process, the Neo4j JVM, the load generator. */
  cpuPerRequest: { server: number; neo4j: number; loadGenerator: number };
}

export interface ScaleResult {
  scale: number;
  articles: number;
  counts: Record<string, number>;
  ingestSeconds: number;
  neo4jVersion: string;
  checks: CheckResult[];
  measurements: Measurement[];
  profiles: WorkloadProfile[];
}

export interface RunInfo {
  command: string;
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  neo4j: string;
  loadBefore: number[];
  loadDuring: { mean: number; max: number; samples: number };
  loadAfter: number[];
  seconds: number;
  options: {
    scales: number[];
    seed: number;
    duration: number;
    warmup: number;
    jvmWarmup: number;
    connections: number;
    rounds: number;
    heap: string;
    pageCache: string;
    maxPageSize: number;
    batchSize: number;
  };
  params: WorkloadParams;
  workloads: Array<{ key: WorkloadKey; title: string; note: string; vnkg: string; floor: string; peer: string }>;
}

export const TARGET_P50_RATIO = 1.3;
export const TARGET_THROUGHPUT_RATIO = 1.5;
export const TARGET_GROWTH = 2;

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const kb = (n: number | undefined) => (n === undefined ? '–' : n < 10_000 ? `${(n / 1000).toFixed(1)} kB` : `${f0(n / 1000)} kB`);
const scaleName = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? ' ✅' : ' ❌');

function table(head: string[], rows: Array<Array<string | number>>, align?: string[]): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(head), line(align ?? head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function get(r: ScaleResult, key: WorkloadKey, target: Target): Measurement | undefined {
  return r.measurements.find((m) => m.key === key && m.target === target);
}

export interface Ratios {
  p50Ratio: number;
  throughputRatio: number;
}

export function ratios(r: ScaleResult, key: WorkloadKey): Ratios {
  const v = get(r, key, 'vnkg');
  const f = get(r, key, 'floor');
  const p = get(r, key, 'peer');
  return {
    p50Ratio: v && f ? v.p50 / f.p50 : NaN,
    throughputRatio: v && p ? v.rps / p.rps : NaN,
  };
}

function markdown(info: RunInfo, results: ScaleResult[], chartFile: string | null): string {
  const out: string[] = [];
  const keys = info.workloads.map((w) => w.key);
  const title = (k: WorkloadKey) => info.workloads.find((w) => w.key === k)?.title ?? k;
  const smallest = results[0];
  const largest = results.at(-1);
  const has100k = results.some((r) => r.scale >= 100_000);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

  out.push('# API benchmark: vnkg against the raw-Cypher floor and @neo4j/graphql');
  out.push('');
  out.push(
    'Written by `bench/api/run.ts` (see [README.md](README.md#api-benchmark) for what is measured and how, and for the findings). ' +
      'Numbers from one run on a small machine that also runs Neo4j and the load generator (the load average below says how busy it was): ' +
      'read the ratios (measured in the same run, one server at a time, in rotating order) rather than the absolute values.',
  );
  out.push('');
  out.push(`- **Command:** \`${info.command}\``);
  out.push(`- **Date:** ${info.date} (run took ${f0(info.seconds / 60)} min)`);
  out.push(
    `- **Machine:** \`os.cpus().length\` = ${info.cpus} (${info.cpuModel}), ${f0(info.memoryGb)} GB RAM, Node ${info.node}, ${results[0]?.neo4jVersion ?? info.neo4j}` +
      ` (heap ${info.options.heap}, page cache ${info.options.pageCache})`,
  );
  out.push(
    `- **Load average (1/5/15 min):** before ${load(info.loadBefore)}; during the measured windows 1-min mean ${f1(info.loadDuring.mean)}, ` +
      `max ${f1(info.loadDuring.max)} (${info.loadDuring.samples} samples); after ${load(info.loadAfter)}. ` +
      `On ${info.cpus} cores, a load above ${info.cpus} means the three servers, Neo4j and the load generator were competing with other work for the CPU.`,
  );
  out.push(
    `- **Load:** autocannon, ${info.options.connections} connections; per scale ${info.options.jvmWarmup} s of JVM warm-up over every workload and server, then per workload ${info.options.warmup} s warm-up (not recorded) then ${info.options.duration} s per workload and server${info.options.rounds > 1 ? `, in ${info.options.rounds} rounds (the servers' order rotating each round; every number below is the median over the rounds, every count their sum)` : ''}, each window once the Neo4j JVM is idle (under 10 % of a core for a second: the statements a server left running when its window closed do not run in the next one's); ` +
      'latency percentiles from every 2xx response (ms, exact); req/s = completed 2xx responses / duration. ' +
      'Each server runs in its own Node process; the floor is a bare `node:http` server (same HTTP + JSON shape) running one hand-written Cypher statement per request through neo4j-driver.',
  );
  out.push(
    `- **Graphs:** seeded synthetic corpus (\`bench/corpus/generator.ts\`, seed ${info.options.seed}), extracted with \`extractArticle\` and written with \`ingestBatch\` ` +
      `(batches of ${info.options.batchSize}) into a fresh embedded Neo4j per scale, with the schema and the gazetteer. vnkg's \`maxPageSize\` ${info.options.maxPageSize}.`,
  );
  out.push(
    `- **Asked about:** W1 \`${info.params.entityId}\`; W2 "${info.params.searchText}" (first ${info.params.searchFirst}); ` +
      `W3 \`${info.params.provinceId}\`, unit ${info.params.figureUnit}, first ${info.params.figureFirst}; W4 \`${info.params.neighborhoodId}\`, limit ${info.params.neighborhoodLimit}; ` +
      `W5 \`${info.params.provinceId}\`; W6 first ${info.params.articleFirst}.`,
  );
  out.push('');
  if (chartFile) out.push(`![p50 latency and throughput per workload, vnkg / floor / peer](${chartFile})`, '');

  // --- targets -------------------------------------------------------------------------------------
  out.push('## Targets');
  out.push('');
  out.push(
    `vnkg p50 ≤ ${TARGET_P50_RATIO}× floor p50; vnkg throughput ≥ ${TARGET_THROUGHPUT_RATIO}× peer throughput; ` +
      `vnkg p50 at 100k ≤ ${TARGET_GROWTH}× p50 at 1k.` +
      (has100k
        ? ''
        : ` This run did not include 100k articles, so the growth target is not judged${
            results.length > 1 ? `; the growth column shows ${scaleName(smallest!.scale)} → ${scaleName(largest!.scale)}` : ''
          }.`),
  );
  out.push('');
  {
    const head = ['workload'];
    for (const r of results) head.push(`vnkg/floor p50 @${scaleName(r.scale)}`);
    for (const r of results) head.push(`vnkg/peer req/s @${scaleName(r.scale)}`);
    if (results.length > 1) head.push(`vnkg p50 growth ${scaleName(smallest!.scale)}→${scaleName(largest!.scale)}`);
    const rows = keys.map((k) => {
      const row: string[] = [title(k)];
      for (const r of results) {
        const x = ratios(r, k).p50Ratio;
        row.push(Number.isFinite(x) ? `${f2(x)}×${mark(x <= TARGET_P50_RATIO)}` : 'not timed');
      }
      for (const r of results) {
        const x = ratios(r, k).throughputRatio;
        row.push(Number.isFinite(x) ? `${f2(x)}×${mark(x >= TARGET_THROUGHPUT_RATIO)}` : 'not timed');
      }
      if (results.length > 1) {
        const a = get(smallest!, k, 'vnkg')?.p50 ?? NaN;
        const b = get(largest!, k, 'vnkg')?.p50 ?? NaN;
        const g = b / a;
        const judged = has100k && smallest!.scale <= 1000;
        row.push(Number.isFinite(g) ? `${f2(g)}×${judged ? mark(g <= TARGET_GROWTH) : ''}` : '–');
      }
      return row;
    });
    out.push(table(head, rows));
  }
  out.push('');

  // --- per scale -----------------------------------------------------------------------------------
  for (const r of results) {
    out.push(`## ${f0(r.scale)} articles`);
    out.push('');
    out.push(
      `Graph: ${Object.entries(r.counts)
        .map(([k, v]) => `${f0(v)} ${k}`)
        .join(', ')} (gazetteer included); ingest ${f0(r.ingestSeconds)} s (${f0(r.articles / r.ingestSeconds)} articles/s).`,
    );
    out.push('');
    const head = [
      'workload',
      'vnkg req/s',
      'vnkg p50',
      'vnkg p99',
      'floor req/s',
      'floor p50',
      'floor p99',
      'peer req/s',
      'peer p50',
      'peer p99',
      'vnkg/floor p50',
      'vnkg/peer req/s',
      'vnkg round trips',
      'answer',
      'bytes vnkg / floor / peer',
      'errors',
    ];
    const rows = keys.map((k) => {
      const c = r.checks.find((x) => x.key === k);
      const [v, f, p] = (['vnkg', 'floor', 'peer'] as const).map((t) => get(r, k, t));
      const { p50Ratio, throughputRatio } = ratios(r, k);
      const bad = [v, f, p].map((m) => (m ? m.errors + m.non2xx + m.graphqlErrors : 0));
      const rps = (m: Measurement | undefined) => (m ? `${m.rps < 10 ? f1(m.rps) : f0(m.rps)}${m.byAmount ? '\\*' : ''}` : '–');
      return [
        title(k),
        rps(v),
        f1(v?.p50 ?? NaN),
        f1(v?.p99 ?? NaN),
        rps(f),
        f1(f?.p50 ?? NaN),
        f1(f?.p99 ?? NaN),
        rps(p),
        f1(p?.p50 ?? NaN),
        f1(p?.p99 ?? NaN),
        Number.isFinite(p50Ratio) ? `${f2(p50Ratio)}×` : '–',
        Number.isFinite(throughputRatio) ? `${f2(throughputRatio)}×` : '–',
        c?.roundTrips ?? '–',
        c ? (c.ok ? `agree: ${c.summary}${c.truncated ? ' (truncated at limit)' : ''}` : '**MISMATCH, not timed**') : '–',
        c ? `${kb(c.bytes.vnkg)} / ${kb(c.bytes.floor)} / ${kb(c.bytes.peer)}` : '–',
        bad.some((b) => b > 0) ? bad.join(' / ') : '0',
      ];
    });
    out.push(table(head, rows));
    out.push('');
    out.push(
      'Latencies in ms. Errors: connection errors + non-2xx answers + 2xx answers carrying GraphQL errors (each answer counted once), vnkg / floor / peer. ' +
        `\\* = fewer answers than connections came back within the ${info.options.duration} s window, so every connection sent 2 requests instead (req/s = answers / elapsed time).`,
    );
    out.push('');
    out.push(
      'CPU per request during the measured window, ms: the server process (Node) + the Neo4j JVM (from `/proc`, so other processes on the machine do not count). ' +
        'On 2 cores the sum bounds the throughput: about 2000 ms / (server + Neo4j) req/s when nothing else runs.',
    );
    out.push('');
    out.push(
      table(
        ['workload', 'vnkg Node + Neo4j', 'floor Node + Neo4j', 'peer Node + Neo4j', 'vnkg / floor (sum)'],
        keys.map((k) => {
          const cell = (t: Target) => {
            const m = get(r, k, t);
            return m ? `${f1(m.cpuPerRequest.server)} + ${f1(m.cpuPerRequest.neo4j)}` : '–';
          };
          const sum = (t: Target) => {
            const m = get(r, k, t);
            return m ? m.cpuPerRequest.server + m.cpuPerRequest.neo4j : NaN;
          };
          const ratio = sum('vnkg') / sum('floor');
          return [title(k), cell('vnkg'), cell('floor'), cell('peer'), Number.isFinite(ratio) ? `${f2(ratio)}×` : '–'];
        }),
      ),
    );
    const mismatches = r.checks.filter((c) => !c.ok);
    if (mismatches.length) {
      out.push('');
      out.push('**Mismatches (these workloads were not timed):**');
      for (const c of mismatches) for (const p of c.problems) out.push(`- ${c.key}: ${p.replace(/\|/g, '\\|')}`);
    }
    out.push('');
  }

  // --- growth --------------------------------------------------------------------------------------
  if (results.length > 1) {
    out.push('## Growth with the graph');
    out.push('');
    const head = ['workload'];
    for (const r of results) head.push(`vnkg p50 @${scaleName(r.scale)}`);
    head.push('vnkg growth', 'floor growth', 'peer growth');
    for (const r of results) head.push(`vnkg answer @${scaleName(r.scale)}`);
    const rows = keys.map((k) => {
      const row: string[] = [title(k)];
      for (const r of results) row.push(f1(get(r, k, 'vnkg')?.p50 ?? NaN));
      for (const t of ['vnkg', 'floor', 'peer'] as const) {
        const g = (get(largest!, k, t)?.p50 ?? NaN) / (get(smallest!, k, t)?.p50 ?? NaN);
        row.push(Number.isFinite(g) ? `${f2(g)}×` : '–');
      }
      for (const r of results) row.push(kb(r.checks.find((c) => c.key === k)?.bytes.vnkg));
      return row;
    });
    out.push(table(head, rows));
    out.push('');
  }

  // --- profile -------------------------------------------------------------------------------------
  const profiled = results.filter((r) => r.profiles.length);
  if (profiled.length) {
    out.push("## PROFILE: the statements vnkg sends per request, against the floor's one");
    out.push('');
    out.push(
      'Each statement vnkg and the peer sent for one request (recorded in-process), run again with `PROFILE` (the second run is reported): rows returned, ' +
        'db hits, server time in ms (PROFILE adds to it), Neo4j\'s estimate of the memory it held at its peak (what counts against the limit on memory for transactions), what it starts from (index seek or procedure) and any whole-label/type scan, sort or eager operator. ' +
        'The floor row is its single statement.',
    );
    out.push('');
    for (const r of profiled) {
      out.push(`### ${f0(r.scale)} articles`);
      out.push('');
      const rows: Array<Array<string | number>> = [];
      for (const p of r.profiles) {
        const all = [...p.vnkg.map((s) => ({ who: 'vnkg', s })), { who: 'floor', s: p.floor }, ...p.peer.map((s) => ({ who: 'peer', s }))];
        for (const { who, s } of all) {
          rows.push([
            title(p.key as WorkloadKey),
            who,
            s.label,
            f0(s.rows),
            f0(s.dbHits),
            f0(s.ms),
            f0(s.memory / 1000),
            s.seeks.slice(0, 2).join('; ').replace(/\|/g, '\\|') || '–',
            notableSummary(s).replace(/\|/g, '\\|') || '–',
          ]);
        }
        const sum = (xs: StatementProfile[], f: (x: StatementProfile) => number) => xs.reduce((s, x) => s + f(x), 0);
        rows.push([
          title(p.key as WorkloadKey),
          '**totals**',
          `vnkg ${p.vnkg.length} statements, floor 1, peer ${p.peer.length}`,
          '',
          `**${f0(sum(p.vnkg, (x) => x.dbHits))} / ${f0(p.floor.dbHits)} / ${f0(sum(p.peer, (x) => x.dbHits))}**`,
          `${f0(sum(p.vnkg, (x) => x.ms))} / ${f0(p.floor.ms)} / ${f0(sum(p.peer, (x) => x.ms))}`,
          `${f0(sum(p.vnkg, (x) => x.memory) / 1000)} / ${f0(p.floor.memory / 1000)} / ${f0(sum(p.peer, (x) => x.memory) / 1000)}`,
          '',
          'vnkg / floor / peer',
        ]);
      }
      out.push(table(['workload', 'who', 'statement', 'rows', 'db hits', 'ms', 'memory kB', 'starts from', 'scans / sorts / eager'], rows, ['---', '---', '---', '---:', '---:', '---:', '---:', '---', '---']));
      out.push('');
    }
  }

  // --- workloads -----------------------------------------------------------------------------------
  out.push('## The workloads, three ways');
  out.push('');
  for (const w of info.workloads) {
    out.push(`### ${w.title}`);
    out.push('');
    out.push(w.note);
    out.push('');
    out.push('<details><summary>vnkg, floor and peer text</summary>');
    out.push('');
    out.push('```graphql\n# vnkg\n' + w.vnkg + '\n```');
    const sent = profiled[0]?.profiles.find((p) => p.key === w.key)?.vnkg ?? [];
    if (sent.length) out.push('```cypher\n// vnkg: the statements it sent for one request\n' + sent.map((x) => x.query.trim()).join('\n\n// next statement\n') + '\n```');
    out.push('```cypher\n// floor\n' + w.floor + '\n```');
    const peer = w.peer.length > 1200 ? `${w.peer.slice(0, 1200)}\n# … (${w.peer.length} characters in all; see bench/api/workloads.ts)` : w.peer;
    out.push('```graphql\n# peer\n' + peer + '\n```');
    out.push('');
    out.push('</details>');
    out.push('');
  }
  return out.join('\n');
}

/** Scan, sort and eager operators of a plan, repeated ones folded: "EagerAggregation ×30 (31 rows)". */
function notableSummary(s: StatementProfile): string {
  const byOp = new Map<string, { n: number; rows: number }>();
  for (const o of s.notable) {
    const x = byOp.get(o.operator) ?? { n: 0, rows: 0 };
    x.n++;
    x.rows += o.rows;
    byOp.set(o.operator, x);
  }
  return [...byOp].map(([op, x]) => `${op}${x.n > 1 ? ` ×${x.n}` : ''} (${f0(x.rows)} rows)`).join(', ');
}

// --- chart -----------------------------------------------------------------------------------------

const COLORS: Record<Target, string> = { vnkg: '#d1495b', floor: '#30638e', peer: '#edae49' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function panel(x: number, y: number, w: number, h: number, heading: string, keys: WorkloadKey[], value: (k: WorkloadKey, t: Target) => number, digits: number): string {
  const parts: string[] = [];
  const max = niceMax(Math.max(...keys.flatMap((k) => (['vnkg', 'floor', 'peer'] as const).map((t) => value(k, t))).filter(Number.isFinite)));
  const left = x + 48;
  const bottom = y + h - 34;
  const top = y + 28;
  const plotW = w - 60;
  parts.push(`<text x="${x + w / 2}" y="${y + 16}" text-anchor="middle" font-size="14" font-weight="bold">${esc(heading)}</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const yy = bottom - ((bottom - top) * i) / 4;
    parts.push(`<line x1="${left}" y1="${yy}" x2="${left + plotW}" y2="${yy}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 4}" y="${yy + 4}" text-anchor="end" font-size="10" fill="#555">${v >= 100 ? Math.round(v) : v.toFixed(1)}</text>`);
  }
  const group = plotW / keys.length;
  const bar = Math.min(22, (group - 12) / 3);
  keys.forEach((k, i) => {
    const gx = left + i * group + (group - 3 * bar) / 2;
    (['vnkg', 'floor', 'peer'] as const).forEach((t, j) => {
      const v = value(k, t);
      if (!Number.isFinite(v)) return;
      const bh = ((bottom - top) * v) / max;
      const bx = gx + j * bar;
      parts.push(`<rect x="${bx}" y="${bottom - bh}" width="${bar - 2}" height="${bh}" fill="${COLORS[t]}"/>`);
      parts.push(
        `<text x="${bx + (bar - 2) / 2}" y="${bottom - bh - 3}" text-anchor="middle" font-size="8" fill="#333">${v >= 100 ? Math.round(v) : v.toFixed(digits)}</text>`,
      );
    });
    parts.push(`<text x="${left + i * group + group / 2}" y="${bottom + 14}" text-anchor="middle" font-size="11">${esc(k)}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${bottom}" x2="${left + plotW}" y2="${bottom}" stroke="#333"/>`);
  return parts.join('\n');
}

export function chartSvg(info: RunInfo, results: ScaleResult[]): string {
  const keys = info.workloads.map((w) => w.key);
  const panelW = 620;
  const panelH = 250;
  const width = panelW * 2 + 40;
  const height = 70 + results.length * (panelH + 10) + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="20" y="26" font-size="17" font-weight="bold">vnkg vs floor (raw Cypher) vs peer (@neo4j/graphql)</text>`,
    `<text x="20" y="46" font-size="11" fill="#444">${esc(`${info.date.slice(0, 16).replace('T', ' ')} UTC · ${info.cpus} CPUs · load avg during runs ${f1(info.loadDuring.mean)} (max ${f1(info.loadDuring.max)}) · ${info.options.connections} connections × ${info.options.duration} s`)}</text>`,
  ];
  (['vnkg', 'floor', 'peer'] as const).forEach((t, i) => {
    const lx = width - 330 + i * 105;
    parts.push(`<rect x="${lx}" y="16" width="14" height="14" fill="${COLORS[t]}"/>`);
    parts.push(`<text x="${lx + 19}" y="28" font-size="12">${t}</text>`);
  });
  results.forEach((r, i) => {
    const y = 60 + i * (panelH + 10);
    const m = (k: WorkloadKey, t: Target) => get(r, k, t);
    parts.push(panel(20, y, panelW, panelH, `${f0(r.scale)} articles — p50 latency (ms, lower is better)`, keys, (k, t) => m(k, t)?.p50 ?? NaN, 1));
    parts.push(panel(20 + panelW, y, panelW, panelH, `${f0(r.scale)} articles — throughput (req/s, higher is better)`, keys, (k, t) => m(k, t)?.rps ?? NaN, 0));
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Writes the Markdown report and the chart; returns the files written. */
export async function writeReport(mdFile: string, info: RunInfo, results: ScaleResult[]): Promise<string[]> {
  const pngFile = mdFile.replace(/\.md$/, '') + '.png';
  const svgFile = mdFile.replace(/\.md$/, '') + '.svg';
  const written: string[] = [];
  let chart: string | null = null;
  await writeFile(svgFile, chartSvg(info, results));
  const converted = spawnSync('rsvg-convert', ['-o', pngFile, svgFile], { encoding: 'utf8' });
  if (converted.status === 0) {
    chart = pngFile.split('/').at(-1)!;
    written.push(pngFile);
    await rm(svgFile, { force: true });
  } else {
    chart = svgFile.split('/').at(-1)!;
    written.push(svgFile);
    process.stderr.write(
      `[bench] rsvg-convert failed (${converted.error?.message ?? converted.stderr?.trim() ?? 'unknown'}); the chart is left as ${svgFile} (apt-get install librsvg2-bin)\n`,
    );
  }
  await writeFile(mdFile, markdown(info, results, chart) + '\n');
  written.unshift(mdFile);
  return written;
}
