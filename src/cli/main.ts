// `vnkg extract FILE` and `vnkg ingest FILE…`: thin shells over the core and the pipeline.
import { Command, CommanderError } from 'commander';
import { toContractJson, extractArticle } from '../core/extract.ts';
import { ExtractionInputError } from '../core/errors.ts';
import { loadConfig } from '../config/index.ts';
import { ArticleInputError, readArticleFile, readStdin } from '../pipeline/article-file.ts';
import { articleFilesIn, ingestText } from '../pipeline/ingest.ts';
import { openGraph } from '../runtime/graph.ts';
import { stat } from 'node:fs/promises';

/** Errors caused by the input, reported as one line without a stack trace. */
const isInputError = (e: unknown): e is Error => e instanceof ArticleInputError || e instanceof ExtractionInputError;

async function readSource(file: string): Promise<string> {
  return file === '-' ? readStdin() : readArticleFile(file);
}

/** Files named on the command line, with folders expanded to their `.txt` files. */
async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) files.push(...(await articleFilesIn(p)));
    else files.push(p);
  }
  return files;
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
  .description('extract articles and write each, with its provenance, to Neo4j in one transaction')
  .argument('<paths...>', 'article files or folders of .txt files')
  .action(async (paths: string[]) => {
    const config = loadConfig();
    const files = await expandPaths(paths);
    const graph = await openGraph(config, (line) => process.stderr.write(`${line}\n`));
    let failed = 0;
    try {
      for (const file of files) {
        try {
          const r = await ingestText(graph.db, { text: await readArticleFile(file) });
          process.stdout.write(
            `${file}: ${r.status} ${r.articleId} (${r.entities} entities, ${r.figures} figures, ${r.relations} relations)\n`,
          );
        } catch (error) {
          if (!isInputError(error)) throw error;
          failed++;
          const where = error instanceof ArticleInputError ? '' : `${file}: `;
          process.stderr.write(`${where}${error.message} Skipped; nothing was written for it.\n`);
        }
      }
    } finally {
      await graph.close();
    }
    if (failed) {
      process.stderr.write(`${failed} of ${files.length} articles were not ingested.\n`);
      process.exitCode = 1;
    }
  });

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
