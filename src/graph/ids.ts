// Ids of the provenance layer. They derive from the article id and character offsets, so
// writing the same article twice produces the same ids (MERGE keys) and therefore no new nodes.
import type { EvidenceRecord, GraphRelationType } from './records.ts';

export const sentenceId = (articleId: string, index: number): string => `${articleId}:s${index}`;

export const mentionId = (articleId: string, start: number, end: number, entityId: string): string =>
  `${articleId}:m${start}-${end}:${entityId}`;

export const figureId = (articleId: string, start: number, end: number): string => `${articleId}:f${start}-${end}`;

export const relationId = (fromId: string, type: GraphRelationType, toId: string): string => `${fromId}-[${type}]->${toId}`;

const RELATION_ID = /^(.+)-\[([A-Z_]+)\]->(.+)$/;

export function parseRelationId(id: string): { fromId: string; type: string; toId: string } | null {
  const m = RELATION_ID.exec(id);
  return m ? { fromId: m[1]!, type: m[2]!, toId: m[3]! } : null;
}

/** Relationship evidence is kept as a list of strings (Neo4j properties cannot hold maps). */
export const evidenceKey = (sentence: string, start: number, end: number): string => `${sentence}|${start}|${end}`;

/** A stored evidence key of relation `relationId` as a record; null if the key is malformed. */
export function parseEvidenceKey(relationId: string, key: string): EvidenceRecord | null {
  const match = /^(.+):s\d+$/.exec(key.split('|')[0] ?? '');
  const [sentence, start, end] = key.split('|');
  if (!match || !sentence || !/^\d+$/.test(start ?? '') || !/^\d+$/.test(end ?? '')) return null;
  return { id: `${relationId}#${key}`, articleId: match[1]!, sentenceId: sentence, start: Number(start), end: Number(end) };
}

/** An evidence id (`relationId#key`) split into its relation id and stored key. */
export function parseEvidenceId(id: string): { relationId: string; key: string } | null {
  const at = id.lastIndexOf('#');
  if (at < 0 || !parseRelationId(id.slice(0, at))) return null;
  return { relationId: id.slice(0, at), key: id.slice(at + 1) };
}

export const articlePrefix = (articleId: string): string => `${articleId}:`;
