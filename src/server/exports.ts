// HTTP exports of the entity graph for graph tools: GET /export/graph.graphml | .gexf | .cyjs —
// the whole graph, streamed, or with ?id=…&depth=… the neighborhood of one entity.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { KIND_OF_TYPE, TYPE_OF_KIND } from '../api/resolvers/entity.ts';
import type { EntityType } from '../core/types.ts';
import { FORMATS, renderGraph, serializeGraph, type ExportEdge, type ExportNode, type GraphFormat } from '../export/index.ts';
import { unavailableMessage } from '../graph/availability.ts';
import type { GraphDatabase } from '../graph/database.ts';
import { MAX_NEIGHBORHOOD_DEPTH, neighborhood, streamEntityGraph, type GraphEdgeRecord } from '../graph/explore.ts';
import type { EntityRecord } from '../graph/records.ts';

/** Most nodes a neighborhood export holds (and the default of `limit`): a neighborhood is built in memory. */
export const MAX_EXPORT_NEIGHBORHOOD_NODES = 10_000;

/** Whole-graph output is written in pieces of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

const PARAMETERS = ['id', 'depth', 'limit', 'kinds'] as const;
type Parameter = (typeof PARAMETERS)[number];

class ExportError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

const badParameter = (message: string) => new ExportError(400, 'BAD_USER_INPUT', message);

interface NeighborhoodRequest {
  id: string;
  depth: number;
  limit: number;
  types: EntityType[] | null;
}

function integerParameter(name: Parameter, raw: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw badParameter(`"${name}" must be an integer from ${min} to ${max}; got "${raw}".`);
  }
  return Number(raw);
}

/** The neighborhood the query asks for, or null for the whole graph. */
export function parseExportQuery(query: Request['query']): NeighborhoodRequest | null {
  const given = new Map<Parameter, string>();
  for (const [name, value] of Object.entries(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw badParameter(`Unknown query parameter "${name}"; the parameters are ${PARAMETERS.join(', ')}.`);
    }
    if (typeof value !== 'string') throw badParameter(`"${name}" must be given once, as a plain value.`);
    given.set(name as Parameter, value);
  }
  const id = given.get('id');
  if (id === undefined) {
    const other = [...given.keys()][0];
    if (other) throw badParameter(`"${other}" applies to a neighborhood: give the entity's "id" too.`);
    return null;
  }
  if (!id.trim()) throw badParameter('"id" must not be empty.');
  const depth = integerParameter('depth', given.get('depth') ?? '1', 1, MAX_NEIGHBORHOOD_DEPTH);
  const limit = integerParameter('limit', given.get('limit') ?? String(MAX_EXPORT_NEIGHBORHOOD_NODES), 1, MAX_EXPORT_NEIGHBORHOOD_NODES);
  const kinds = given.get('kinds');
  let types: EntityType[] | null = null;
  if (kinds !== undefined) {
    types = kinds.split(',').map((kind) => {
      const type = Object.hasOwn(TYPE_OF_KIND, kind.trim()) ? TYPE_OF_KIND[kind.trim() as keyof typeof TYPE_OF_KIND] : undefined;
      if (!type) throw badParameter(`"kinds" is a comma-separated list of ${Object.keys(TYPE_OF_KIND).join(', ')}; got "${kinds}".`);
      return type;
    });
  }
  return { id, depth, limit, types };
}

export const toExportNode = (e: EntityRecord): ExportNode => ({
  id: e.id,
  label: e.name,
  kind: KIND_OF_TYPE[e.type],
  subtype: e.subtype,
  aliases: e.aliases,
  code: e.code ?? null,
  level: e.level ?? null,
  validFrom: e.validFrom ?? null,
  validTo: e.validTo ?? null,
});

const toExportEdge = ({ id, source, target, type, evidenceCount }: GraphEdgeRecord): ExportEdge => ({
  id,
  source,
  target,
  type,
  evidenceCount,
});

async function* mapAsync<T, U>(items: AsyncIterable<T>, f: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item);
}

/** Joins small pieces of text into chunks of about `size` characters. */
async function* inChunks(pieces: AsyncIterable<string>, size: number): AsyncGenerator<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100);

function setFileHeaders(res: Response, format: GraphFormat, basename: string): void {
  res.status(200);
  res.setHeader('Content-Type', format.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${basename}.${format.extension}"`);
  res.setHeader('Cache-Control', 'no-store');
}

export interface ExportRouterOptions {
  db: GraphDatabase;
  logger: Logger;
}

export function createExportRouter({ db, logger }: ExportRouterOptions): Router {
  const router = express.Router();

  function sendError(res: Response, error: unknown): void {
    const unavailable = unavailableMessage(error);
    if (error instanceof ExportError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
    } else if (unavailable) {
      res.status(503).json({ error: { code: 'SERVICE_UNAVAILABLE', message: unavailable } });
    } else {
      logger.error({ err: error }, 'graph export failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' } });
    }
  }

  async function exportNeighborhood(res: Response, format: GraphFormat, request: NeighborhoodRequest): Promise<void> {
    const graph = await neighborhood(db, request.id, request);
    if (!graph) throw new ExportError(404, 'NOT_FOUND', `No entity has the id "${request.id}".`);
    const body = renderGraph(format, { nodes: graph.nodes.map(toExportNode), edges: graph.edges.map(toExportEdge) });
    setFileHeaders(res, format, `vnkg-neighborhood-${fileSafe(request.id)}-depth${request.depth}`);
    res.setHeader('X-Vnkg-Truncated', String(graph.truncated));
    res.send(body);
  }

  /**
   * The whole graph, streamed: records flow from Neo4j through the serializer to the socket with
   * backpressure, so memory does not grow with the graph. The first chunk is read before the
   * status is sent, so a database that fails at once still gets a JSON error; a failure later
   * can only cut the response short (the chunked body then never ends properly).
   */
  async function exportWholeGraph(res: Response, format: GraphFormat): Promise<void> {
    const graph = streamEntityGraph(db);
    const text = serializeGraph(format, {
      nodes: mapAsync(graph.nodes, toExportNode),
      edges: mapAsync(graph.edges, toExportEdge),
    });
    const chunks = inChunks(text, CHUNK_CHARS);
    const first = await chunks.next();
    setFileHeaders(res, format, 'vnkg-graph');
    async function* all() {
      if (!first.done) yield first.value;
      yield* chunks;
    }
    try {
      await pipeline(Readable.from(all()), res);
    } catch (error) {
      logger.warn({ err: error }, 'graph export stopped before its end');
    }
  }

  for (const format of Object.values(FORMATS)) {
    router.get(`/graph.${format.extension}`, async (req, res) => {
      try {
        const request = parseExportQuery(req.query);
        await (request ? exportNeighborhood(res, format, request) : exportWholeGraph(res, format));
      } catch (error) {
        if (res.headersSent) res.destroy();
        else sendError(res, error);
      }
    });
  }
  return router;
}
