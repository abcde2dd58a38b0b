// `vnkg extract FILE`, `vnkg ingest FILE…` and `vnkg import FILE…`: thin shells over the core,
// the pipeline and the bulk import.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { toContractJson, extractArticle } from '../core/extract.ts';
import { ExtractionInputError } from '../core/errors.ts';
import { loadConfig } from '../config/index.ts';
import { ArticleInputError, readArticleFile, readStdin } from '../pipeline/article-file.ts';
import { ImportRefusedError, importSources } from '../import/run.ts';
import { ingestSources, type BatchIngestSummary } from '../pipeline/batch.ts';
import { defaultWorkerCount } from '../pipeline/extractors.ts';
import { countRecords, readSources } from '../pipeline/sources.ts';
import { DEFAULT_ROW_BUDGET } from '../pipeline/write-rows.ts';
import { locateGraph, openGraph } from '../runtime/graph.ts';
import type { Extraction } from '../core/types.ts';
import { createProgress } from './progress.ts';

/** Errors caused by the input, reported as one line without a stack trace. */
const isInputError = (e: unknown): e is Error =>
  e instanceof ArticleInputError || e instanceof ExtractionInputError || e instanceof InvalidArgumentError || e instanceof ImportRefusedError;

/** A commander parser for an integer option of at least `min`. */
const integerAtLeast = (min: number, rule: string) => (option: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${option} must be ${rule}.`);
  return n;
};
const positiveInteger = integerAtLeast(1, 'a positive integer');
const nonNegativeInteger = integerAtLeast(0, 'an integer of 0 or more');

async function readSource(file: string): Promise<string> {
  return file === '-' ? readStdin() : readArticleFile(file);
}

const program = new Command()
  .name('vnkg')
  .description('Vietnamese news → knowledge graph in Neo4j')
  .showHelpAfterError()
  .exitOverride();

program
  .command('extract')
  .description('print the entities, figures and relations of one article as JSON (FILE may be - for stdin)')
  .argument('<file>', 'article text file, UTF-8')
  .action(async (file: string) => {
    const extraction = extractArticle(await readSource(file));
    process.stdout.write(`${JSON.stringify(toContractJson(extraction), null, 2)}\n`);
  });

program
  .command('ingest')
  .description('extract articles and write each, with its provenance, to Neo4j (whole or not at all)')
  .argument('<paths...>', 'article .txt files, folders of them, or JSON Lines files ({title, text, url?, publishedAt?} per line)')
  .option('--dry-run', 'extract only, and print what would be written', false)
  .option('--batch-rows <n>', 'rows (sentences, entities, mentions, figures, relations) per write transaction', positiveInteger('--batch-rows'), DEFAULT_ROW_BUDGET)
  .option('--batch-size <n>', 'at most this many articles per write transaction (default: --batch-rows alone decides)', positiveInteger('--batch-size'))
  .addOption(
    new Option('--workers <n>', 'extraction worker threads; 0 extracts on the main thread')
      .argParser(nonNegativeInteger('--workers'))
      .default(defaultWorkerCount(), 'one per core'),
  )
  .option('-v, --verbose', 'print one line per article', false)
  .action(async (paths: string[], opts: { dryRun: boolean; batchRows: number; batchSize?: number; workers: number; verbose: boolean }) => {
    const graph = opts.dryRun ? null : await openLocatedGraph();
    const expected = await countRecords(paths);
    const progress = createProgress(expected);
    const started = performance.now();
    try {
      const summary = await ingestSources(graph?.db ?? null, readSources(paths), {
        rowBudget: opts.batchRows,
        batchSize: opts.batchSize,
        workers: opts.workers,
        dryRun: opts.dryRun,
        onOutcome: (o) => {
          progress.tick();
          if (!o.ok) {
            const where = o.error instanceof ArticleInputError ? '' : `${o.origin}: `;
            progress.log(`${where}${o.error.message} Skipped; nothing was written for it.`);
          } else if (opts.dryRun) {
            process.stdout.write(`${describeDryRun(o.origin, o.extraction)}\n`);
          } else if (opts.verbose) {
            const r = o.result;
            process.stdout.write(`${o.origin}: ${r.status} ${r.articleId} (${r.entities} entities, ${r.figures} figures, ${r.relations} relations)\n`);
          }
        },
      });
      progress.stop();
      if (summary.stopped && graph) {
        process.stderr.write(`vnkg: ${stoppedMessage(graph.uri, summary, summary.stopped, expected)}\n`);
        process.exitCode = 1;
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      const verb = opts.dryRun ? 'would write' : 'written';
      process.stderr.write(
        `${summary.total} articles: ${summary.written} ${verb}, ${summary.unchanged} unchanged, ${summary.failed} failed ` +
          `(${seconds.toFixed(1)} s, ${(summary.total / Math.max(seconds, 1e-3)).toFixed(0)} articles/s)\n`,
      );
      if (summary.failed) {
        process.stderr.write(`${summary.failed} of ${summary.total} articles were not ingested.\n`);
        process.exitCode = 1;
      }
    } finally {
      progress.stop();
      await graph?.close();
    }
  });

program
  .command('import')
  .description('build a new embedded store from articles with Neo4j\'s bulk importer (the graph ingest would write, much faster); refuses a store that holds articles')
  .argument('<paths...>', 'article .txt files, folders of them, or JSON Lines files ({title, text, url?, publishedAt?} per line)')
  .option('--threads <n>', 'extraction threads (default: one per core)', (v) => Number.parseInt(v, 10))
  .option('-v, --verbose', 'print the bulk importer\'s own output', false)
  .action(async (paths: string[], opts: { threads?: number; verbose: boolean }) => {
    if (opts.threads !== undefined && (!Number.isInteger(opts.threads) || opts.threads < 1)) {
      throw new InvalidArgumentError('--threads must be a positive integer.');
    }
    const config = loadConfig();
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const summary = await importSources(config, paths, {
      log,
      ...(opts.verbose ? { importerLog: log } : {}),
      ...(opts.threads ? { threads: opts.threads } : {}),
      onSkipped: (origin, reason) => {
        const where = reason.startsWith(origin) ? '' : `${origin}: `;
        log(`${where}${reason} Skipped; nothing was imported for it.`);
      },
    });
    const s = summary.seconds;
    log(
      `${summary.total} articles: ${summary.imported} imported, ${summary.unchanged} repeated, ${summary.skipped} skipped ` +
        `(${s.total.toFixed(1)} s, ${(summary.total / Math.max(s.total, 1e-3)).toFixed(0)} articles/s: extraction ${s.extract.toFixed(1)} s, ` +
        `CSV ${s.csv.toFixed(1)} s, neo4j-admin import ${s.bulkImport.toFixed(1)} s, opening ${s.open.toFixed(1)} s)`,
    );
    log(`The store in ${config.dataDir} is ready: serve it with VNKG_DATA_DIR=${config.dataDir} npm start.`);
    if (summary.skipped) {
      log(`${summary.skipped} of ${summary.total} articles were not imported.`);
      process.exitCode = 1;
    }
  });

/** The graph to write to, saying which when the environment did not name it. */
async function openLocatedGraph() {
  const { config, note } = await locateGraph(loadConfig());
  if (note) process.stderr.write(`vnkg: ${note}\n`);
  return openGraph(config, (line) => process.stderr.write(`${line}\n`));
}

/** What a run the database walked out on did and did not write, and what to do about it. */
function stoppedMessage(
  uri: string,
  summary: BatchIngestSummary,
  { error, unwritten }: NonNullable<BatchIngestSummary['stopped']>,
  expected: number,
): string {
  // Counted before the run; the unwritten batch and every record not read since are the rest.
  const notWritten = Math.max(expected - summary.total, unwritten.length);
  const unchanged = summary.unchanged ? `, ${summary.unchanged} unchanged` : '';
  const failed = summary.failed ? `, ${summary.failed} failed (reported above)` : '';
  return (
    `Neo4j at ${uri} stopped answering; ${summary.written} articles written${unchanged}${failed}, ${notWritten} not written ` +
    `(first not written: ${unwritten[0] ?? 'none'}). Run the same command again once it answers: ` +
    `articles already written are left unchanged.\n  cause: ${error.message}`
  );
}

function describeDryRun(origin: string, x: Extraction): string {
  const names = x.entities.map((e) => `${e.type}:${e.name}`).join('; ');
  return `${origin}: would write ${x.article.id} "${x.article.title}" — ${x.entities.length} entities (${names}), ${x.figures.length} figures, ${x.relations.length} relations`;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (isInputError(error)) {
    process.stderr.write(`vnkg: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`vnkg: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
