// Every id of vnkg, built and parsed here only: the extractor, the graph and the API share them,
// so `vnkg extract` prints the ids the API serves. The same real thing gets the same id in every
// article (it is the MERGE key of the graph): entity ids are slugs of canonical names
// (diacritics folded, đ → d), and a body's id includes its place, so "Ủy ban MTTQ" of two
// provinces are two ids. A figure's id derives from the fact it states, so two articles stating
// one fact share it; the provenance ids (sentences, mentions, evidence) derive from the article
// id and character offsets.
import { createHash } from 'node:crypto';
import { slug } from './text.ts';
import type { FigureChange, FigureMeasure } from './measure.ts';
import type { Qualifier } from './types.ts';

export function articleId(text: string, url?: string): string {
  const h = createHash('sha256').update(url && url.trim() ? url.trim() : text, 'utf8').digest('hex');
  return `article:${h.slice(0, 16)}`;
}

export function provinceId(name: string): string {
  return `province:${slug(name)}`;
}

export function regionId(name: string): string {
  return `region:${slug(name)}`;
}

/** "district:bac-ninh:tu-son" when the province is known, else "district:tu-son". */
export function lowerUnitId(level: 'DISTRICT' | 'COMMUNE', name: string, parentId: string | null): string {
  const kind = level === 'DISTRICT' ? 'district' : 'commune';
  return parentId ? `${kind}:${idTail(parentId)}:${slug(name)}` : `${kind}:${slug(name)}`;
}

/** The id without its kind prefix: "province:lao-cai" → "lao-cai". */
export function idTail(id: string): string {
  const i = id.indexOf(':');
  return i < 0 ? id : id.slice(i + 1);
}

/** "org:ban-thuong-vu-tinh-uy:lao-cai"; national and unplaced bodies have no place part. */
export function orgId(base: string, placeId: string | null): string {
  return placeId ? `org:${slug(base)}:${idTail(placeId)}` : `org:${slug(base)}`;
}

export function campaignId(key: string): string {
  return `campaign:${slug(key)}`;
}

export function personId(name: string): string {
  return `person:${slug(name)}`;
}

/** The fields that make two statements of a figure the same fact. */
export interface FigureKey {
  subjectIds: readonly string[];
  measure: FigureMeasure;
  measurePhrase: string | null;
  value: number;
  unit: string;
  qualifier: Qualifier;
  period: string | null;
  per: string | null;
  change: FigureChange;
}

/**
 * `figure:` + 16 hex of SHA-256 of the fact: its subjects (as a set), measure, value, unit,
 * qualifier, period, per and change. The measure phrase counts too when the measure alone does not
 * say what is counted: for OTHER, and for percentages ("tỷ lệ hộ nghèo" and "tỷ lệ gia đình văn
 * hóa" are two facts of 90%).
 */
export function figureId(f: FigureKey): string {
  const phrase = f.measure === 'OTHER' || f.unit === '%' ? (f.measurePhrase ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() : null;
  const key = JSON.stringify([[...f.subjectIds].sort(), f.measure, phrase, f.value, f.unit, f.qualifier, f.period, f.per, f.change]);
  return `figure:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)}`;
}

/** `FROM-[TYPE]->TO`: one relation between two entities, whatever articles state it. */
export function relationId(type: string, from: string, to: string): string {
  return `${from}-[${type}]->${to}`;
}

const RELATION_ID = /^(.+)-\[([A-Z_]+)\]->(.+)$/;

export function parseRelationId(id: string): { fromId: string; type: string; toId: string } | null {
  const m = RELATION_ID.exec(id);
  return m ? { fromId: m[1]!, type: m[2]!, toId: m[3]! } : null;
}

// --- Provenance: derived from the article id and offsets, so writing an article twice makes no new node.

export const sentenceId = (articleIdValue: string, index: number): string => `${articleIdValue}:s${index}`;

/** One place where an article names an entity. */
export const mentionId = (articleIdValue: string, start: number, end: number, entityId: string): string =>
  `${articleIdValue}:m${start}-${end}:${entityId}`;

/** One place where an article states a figure. */
export const figureMentionId = (articleIdValue: string, start: number, end: number): string => `${articleIdValue}:f${start}-${end}`;

/** The article and index a sentence id names; null if it is not one. */
export function parseSentenceId(id: string): { articleId: string; index: number } | null {
  const m = /^(article:[0-9a-f]+):s(\d+)$/.exec(id);
  return m ? { articleId: m[1]!, index: Number(m[2]) } : null;
}

/** The article, span and entity a mention id names; null if it is not one. */
export function parseMentionId(id: string): { articleId: string; start: number; end: number; entityId: string } | null {
  const m = /^(article:[0-9a-f]+):m(\d+)-(\d+):(.+)$/.exec(id);
  return m ? { articleId: m[1]!, start: Number(m[2]), end: Number(m[3]), entityId: m[4]! } : null;
}

/** The article and span a figure mention id names; null if it is not one. */
export function parseFigureMentionId(id: string): { articleId: string; start: number; end: number } | null {
  const m = /^(article:[0-9a-f]+):f(\d+)-(\d+)$/.exec(id);
  return m ? { articleId: m[1]!, start: Number(m[2]), end: Number(m[3]) } : null;
}

/** Relationship evidence is kept as a list of strings (Neo4j properties cannot hold maps). */
export const evidenceKey = (sentence: string, start: number, end: number): string => `${sentence}|${start}|${end}`;

/** An evidence span as its id and key give it. */
export interface EvidenceSpan {
  /** `relationId#sentenceId|start|end`. */
  id: string;
  articleId: string;
  sentenceId: string;
  start: number;
  end: number;
}

/** A stored evidence key: `<articleId>:s<n>|<start>|<end>`. */
const EVIDENCE_KEY = /^((.+):s\d+)\|(\d+)\|(\d+)$/;

/**
 * A stored evidence key of relation `relationIdValue` as a span; null if the key is malformed.
 * One match per key: a relation's page of evidence parses up to a page of keys per request.
 */
export function parseEvidenceKey(relationIdValue: string, key: string): EvidenceSpan | null {
  const match = EVIDENCE_KEY.exec(key);
  if (!match) return null;
  return { id: `${relationIdValue}#${key}`, articleId: match[2]!, sentenceId: match[1]!, start: Number(match[3]), end: Number(match[4]) };
}

/** An evidence id (`relationId#key`) split into its relation id and stored key. */
export function parseEvidenceId(id: string): { relationId: string; key: string } | null {
  const at = id.lastIndexOf('#');
  if (at < 0 || !parseRelationId(id.slice(0, at))) return null;
  return { relationId: id.slice(0, at), key: id.slice(at + 1) };
}

export const articlePrefix = (articleIdValue: string): string => `${articleIdValue}:`;

export type IdKind = 'article' | 'sentence' | 'mention' | 'figureMention' | 'figure' | 'evidence' | 'relation' | 'entity';

const ARTICLE = /^article:[0-9a-f]+$/;
const SENTENCE = /^article:[0-9a-f]+:s\d+$/;
const FIGURE_MENTION = /^article:[0-9a-f]+:f\d+-\d+$/;
const MENTION = /^article:[0-9a-f]+:m\d+-\d+:/;
const FIGURE = /^figure:[0-9a-f]{16}$/;

/** What an id names, from its shape alone (entity ids are everything else). */
export function idKind(id: string): IdKind {
  if (parseEvidenceId(id)) return 'evidence';
  if (parseRelationId(id)) return 'relation';
  if (ARTICLE.test(id)) return 'article';
  if (SENTENCE.test(id)) return 'sentence';
  if (FIGURE_MENTION.test(id)) return 'figureMention';
  if (MENTION.test(id)) return 'mention';
  if (FIGURE.test(id)) return 'figure';
  return 'entity';
}
