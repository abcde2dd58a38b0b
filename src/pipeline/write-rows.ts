// How much one transaction writes, counted before it is sent: Neo4j holds a transaction's whole
// state in memory until the commit, and refuses it past `dbms.memory.transaction.total.max` (70 %
// of the heap by default). So batches are closed by rows, not by articles: articles vary tenfold
// in size, and a batch of large ones failed where a batch of small ones of the same count fits.
import type { Extraction } from '../core/types.ts';

/**
 * What one article adds to a write transaction, in rows: the article, its sentences, entities,
 * entity mentions, figures, figure mentions and relations. Each is a record or an element of a
 * list property that `ingestBatch` writes, whatever the stored shape, so the count follows the
 * size of the transaction's state.
 */
export function writeRowCount(extraction: Extraction): number {
  let mentions = 0;
  for (const entity of extraction.entities) mentions += entity.mentions.length;
  let figureMentions = 0;
  for (const figure of extraction.figures) figureMentions += figure.mentions.length;
  return (
    1 +
    extraction.sentences.length +
    extraction.entities.length +
    mentions +
    extraction.figures.length +
    figureMentions +
    extraction.relations.length
  );
}

/**
 * Rows per write transaction unless told otherwise: about 130 articles of the benchmark's
 * corpus (152 rows each on average), within the 50–200 articles the benchmark found fastest, and
 * over seven times below the batch of 1,000 (≈ 150,000 rows) that hit the 716.8 MiB transaction
 * limit of the default 1 GB heap (bench/README.md).
 */
export const DEFAULT_ROW_BUDGET = 20_000;
