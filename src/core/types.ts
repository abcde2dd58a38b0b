// The extraction contract: what the pure core produces from one article's text.
// Offsets are UTF-16 indices into the NFC-normalised article text (`Article.text`).
import type { FigureChange, FigureMeasure } from './measure.ts';

export const ENTITY_TYPES = ['AdministrativeUnit', 'Organization', 'Campaign', 'Person'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const QUALIFIERS = ['EXACT', 'MORE_THAN', 'LESS_THAN', 'NEARLY', 'ABOUT'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const RELATION_TYPES = ['LOCATED_IN', 'PART_OF', 'RUNS', 'MEMBER_OF', 'LEADS', 'RELATED_TO'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  /** Index of the ★-section (0 = the lead section) the sentence belongs to. */
  section: number;
  text: string;
}

export interface Mention extends Span {
  text: string;
  sentenceIndex: number;
}

export interface ExtractedEntity {
  /** Stable key: the same real-world thing gets the same id in every article (MERGE key). */
  id: string;
  type: EntityType;
  /** PROVINCE | DISTRICT | … for units and bodies; a role word (e.g. "photographer") for a Person. */
  subtype: string;
  name: string;
  aliases: string[];
  mentions: Mention[];
}

export type { FigureChange, FigureMeasure } from './measure.ts';

/** One place where the article states a figure. */
export interface FigureMention extends Span {
  quote: string;
  sentenceIndex: number;
}

/**
 * One fact: a value stated once or more in the article (a title or caption repeating the body,
 * a lead reprinted). `id` derives from the fact itself (core/ids.ts `figureId`), so the graph
 * keeps one node for the fact however many articles state it. `quote`, `start`, `end` and
 * `sentenceIndex` are those of its primary mention: the first body statement.
 */
export interface ExtractedFigure extends Span {
  id: string;
  subjectIds: string[];
  value: number;
  unit: string;
  qualifier: Qualifier;
  period: string | null;
  /** What is counted or paid (core/measure.ts). */
  measure: FigureMeasure;
  /** The words that decided the measure, as written; null when there are none. */
  measurePhrase: string | null;
  /** What a rate is counted per ("người", "hộ", "năm"); null for an amount. */
  per: string | null;
  change: FigureChange;
  quote: string;
  sentenceIndex: number;
  /** Every statement of the fact in the article, in text order (the primary one included). */
  mentions: FigureMention[];
}

export interface ExtractedRelation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  evidence: Span & { sentenceIndex: number };
}

export interface ArticleMeta {
  /** Stable id derived from the normalised text, so re-ingesting the same article is a no-op. */
  id: string;
  title: string;
  /** ISO-8601 with offset, from the date line; null when the article has none. */
  publishedAt: string | null;
  /** The NFC-normalised text every offset refers to. */
  text: string;
}

export interface Extraction {
  article: ArticleMeta;
  sentences: Sentence[];
  entities: ExtractedEntity[];
  figures: ExtractedFigure[];
  relations: ExtractedRelation[];
}
