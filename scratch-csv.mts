import { createWriteStream, mkdirSync } from 'node:fs';
import { gazetteerGraph } from './src/core/admin-units.ts';
import { gazetteerVersion } from './src/graph/gazetteer.ts';
import { entityRow } from './src/graph/ingest.ts';
import { readSources } from './src/pipeline/sources.ts';
import { extractInWorkers } from './src/import/extract-pool.ts';
import { GraphTablesBuilder } from './src/import/tables.ts';
import { chooseArrayDelimiter, nodeCsv, relationshipCsv } from './src/import/csv.ts';
const b = new GraphTablesBuilder(); const g = gazetteerGraph();
b.addGazetteer(g, (u) => entityRow({ id: u.id, type: 'AdministrativeUnit', subtype: u.subtype, name: u.name, aliases: u.aliases }), gazetteerVersion(g.units, g.links));
const t0 = performance.now();
for await (const o of extractInWorkers(readSources([process.argv[2]!]))) if (o.ok) b.addArticle(o.rows);
const t1 = performance.now();
const t = b.tables({ ingestedAt: new Date().toISOString(), format: { id: 'vnkg', version: 5 } });
const d = chooseArrayDelimiter(t); const out = process.argv[3]!; mkdirSync(out, { recursive: true });
for (const x of t.nodes) { const w = createWriteStream(`${out}/${x.name}.csv`); for (const l of nodeCsv(x, d)) w.write(l); w.end(); }
for (const x of t.relationships) { const w = createWriteStream(`${out}/${x.name}.csv`); for (const l of relationshipCsv(x, d)) w.write(l); w.end(); }
console.log('extract', ((t1 - t0) / 1000).toFixed(1), 's; tables+csv', ((performance.now() - t1) / 1000).toFixed(1), 's', t.nodes.map((n) => `${n.name}=${n.rows.length}`).join(' '), t.relationships.map((n) => `${n.name}=${n.rows.length}`).join(' '));
