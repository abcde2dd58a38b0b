// A worker thread of the extraction pool (extractors.ts): extracts the articles it is sent, one
// at a time, and answers each with the extraction or with what went wrong.
import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../core/extract.ts';
import type { ExtractionReply, ExtractionRequest } from './extractors.ts';

const port = parentPort;
if (!port) throw new Error('extraction-worker.ts runs as a worker thread of the extraction pool');

port.on('message', ({ text, meta }: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    reply = { ok: true, extraction: extractArticle(text, meta) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, error: { name, message } };
  }
  port.postMessage(reply);
});
