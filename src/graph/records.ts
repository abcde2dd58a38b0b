// Shapes the graph layer returns. The API layer maps GraphQL types onto these (codegen mappers).
import type { EntityType, FigureChange, FigureMeasure, Qualifier, RelationType } from '../core/types.ts';
import type { EvidenceSpan } from '../core/ids.ts';

/** An article without its text, which lists never need; `articleTexts` reads it on demand. */
export interface ArticleRecord {
  id: string;
  title: string;
  /** ISO-8601 with offset, or null when the article carried no date line. */
  publishedAt: string | null;
  url: string | null;
  ingestedAt: string;
}

/** What lists of entities carry: enough to show and to type an entity. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  subtype: string;
  name: string;
}

export interface EntityDetails {
  aliases: string[];
  /** Gazetteer facts of administrative units; null for other entities. */
  code?: string | null;
  level?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export type EntityRecord = EntitySummary & EntityDetails;

/** An entity as the API holds it: read whole by id, or as a summary from a list (details on demand). */
export type EntityView = EntitySummary & Partial<EntityDetails>;

/** Relation types in the graph: those extracted from text, and the gazetteer's succession. */
export type GraphRelationType = RelationType | 'SUCCEEDED_BY';

export interface SentenceRecord {
  id: string;
  articleId: string;
  index: number;
  section: number;
  start: number;
  end: number;
  text: string;
}

export interface MentionRecord {
  id: string;
  entityId: string;
  articleId: string;
  sentenceId: string;
  start: number;
  end: number;
  text: string;
}

/**
 * A figure: one fact, however many articles state it. `articleId`, `sentenceId`, `quote`,
 * `start`, `end` are those of its primary mention (the first body statement of the
 * earliest-published article that states it).
 */
export interface FigureRecord {
  id: string;
  articleId: string;
  sentenceId: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  period: string | null;
  measure: FigureMeasure;
  measurePhrase: string | null;
  per: string | null;
  change: FigureChange;
  quote: string;
  start: number;
  end: number;
  /** Subjects in the order the extractor ranked them (first = main subject). */
  subjectIds: string[];
  /** Number of articles that state the figure. */
  sourceCount: number;
}

/** One place where an article states a figure. */
export interface FigureMentionRecord {
  id: string;
  figureId: string;
  articleId: string;
  sentenceId: string;
  start: number;
  end: number;
  quote: string;
  /** The article's main statement of the figure (its first body statement). */
  primary: boolean;
}

/** `id` is `relationId#sentenceId|start|end` (core/ids.ts). */
export type EvidenceRecord = EvidenceSpan;

export interface RelationRecord {
  id: string;
  type: GraphRelationType;
  fromId: string;
  toId: string;
  /**
   * Evidence as stored (`sentenceId|start|end`), parsed only for the page a client asks for. A
   * relation read from a list holds the first EVIDENCE_PREFIX keys only (a busy relation has
   * thousands); `evidenceCount` says whether that is all of them.
   */
  evidenceKeys: string[];
  evidenceCount: number;
}

export interface SearchHitRecord {
  entity: EntitySummary;
  score: number;
}

/** A window of a stably ordered list. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** One page of the list that belongs to an owner (an entity's figures, an article's sentences …). */
export interface OwnedPage<R> {
  ownerId: string;
  total: number;
  items: R[];
}
