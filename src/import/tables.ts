// The graph `vnkg ingest` would write, as node and relationship tables for Neo4j's bulk importer.
// Pure: rows come from the live write path's own row builders (graph/ingest.ts `articleRows`,
// `entityRow`), and the aggregation its Cypher does (alias and search-form merging, evidence
// union, a figure's subjects, primary statement and number of sources) is reproduced here, article
// by article in input order, so the two paths give the same graph node for node.
// tests/cli/import.test.ts compares them property for property.
import type { GazetteerLink, GazetteerUnit } from '../core/admin-units.ts';
import { EXTRACTOR_VERSION } from '../core/version.ts';
import type { articleRows, entityRow } from '../graph/ingest.ts';

type ArticleRows = ReturnType<typeof articleRows>;
type EntityRow = ReturnType<typeof entityRow>;
type FigureRow = ArticleRows['figures'][number];
type StatementRow = ArticleRows['statements'][number];

/** The importer's property types (`name:type` in a CSV header); arrays are `type[]`. */
export type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'datetime' | 'date' | 'string[]' | 'long[]';

export type Cell = string | number | boolean | readonly string[] | readonly number[] | null;

export interface Column {
  name: string;
  type: ColumnType;
}

/** Columns from `name:type` specs, as a CSV header spells them. */
function columns(...specs: `${string}:${ColumnType}`[]): Column[] {
  return specs.map((spec) => {
    const at = spec.indexOf(':');
    return { name: spec.slice(0, at), type: spec.slice(at + 1) as ColumnType };
  });
}

/** Nodes of one label set family: `id` is the node's key in its id space (and its `id` property). */
export interface NodeTable {
  name: string;
  idSpace: string;
  columns: readonly Column[];
  rows: { id: string; labels: readonly string[]; cells: readonly Cell[] }[];
}

export interface RelationshipTable {
  name: string;
  fromSpace: string;
  toSpace: string;
  columns: readonly Column[];
  rows: { from: string; to: string; type: string; cells: readonly Cell[] }[];
}

export interface GraphTables {
  nodes: NodeTable[];
  relationships: RelationshipTable[];
}

interface EntityState {
  labels: Set<string>;
  name: string;
  type: string;
  subtype: string;
  aliases: string[];
  searchForms: string[];
  unit?: GazetteerUnit;
}

interface RelationState {
  from: string;
  to: string;
  type: string;
  gazetteer: boolean;
  /** null until an article states it: a gazetteer link has no evidence property. */
  evidence: string[] | null;
  /** The keys in `evidence`: a relation stated by thousands of articles must not be searched per key. */
  evidenceKeys: Set<string>;
}

interface FigureState {
  first: FigureRow;
  /** Every article stating it, with that article's own row (its primary mention if it were the only one). */
  statedBy: { row: FigureRow; articleId: string }[];
}

const key = (...parts: string[]) => parts.join('\u0000');

/** The instant of an ISO date-time, for ordering as Cypher orders DateTime values. */
const instant = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

/**
 * The statement REFRESH_FIGURES (graph/ingest.ts) makes primary: earliest-published article
 * (unpublished last), then the lowest article id.
 */
function primaryStatement(statedBy: FigureState['statedBy']): FigureState['statedBy'][number] {
  return [...statedBy].sort(
    (x, y) =>
      instant(x.row.publishedAt) - instant(y.row.publishedAt) || (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : 0),
  )[0]!;
}

export interface GraphFormatNode {
  id: string;
  version: number;
}

/** Accumulates the graph; `add*` in the order ingest would write, `tables()` at the end. */
export class GraphTablesBuilder {
  private readonly entities = new Map<string, EntityState>();
  private readonly relations = new Map<string, RelationState>();
  private readonly figures = new Map<string, FigureState>();
  private readonly about: { figureId: string; entityId: string; rank: number }[] = [];
  private readonly articles: ArticleRows['article'][] = [];
  private readonly mentions: ArticleRows['mentions'] = [];
  private readonly statements: StatementRow[] = [];
  private gazetteerVersion: string | null = null;

  /** What openGraph's loadGazetteer writes into an empty store (graph/gazetteer.ts). */
  addGazetteer(
    gazetteer: { units: readonly GazetteerUnit[]; links: readonly GazetteerLink[] },
    rowOf: (unit: GazetteerUnit) => EntityRow,
    version: string,
  ): void {
    for (const unit of gazetteer.units) {
      this.writeEntity(rowOf(unit));
      this.entities.get(unit.id)!.unit = unit;
    }
    for (const link of gazetteer.links) {
      if (!this.entities.has(link.from) || !this.entities.has(link.to)) continue;
      const k = key(link.from, link.type, link.to);
      const seen = this.relations.get(k);
      if (seen) seen.gazetteer = true;
      else this.relations.set(k, { from: link.from, to: link.to, type: link.type, gazetteer: true, evidence: null, evidenceKeys: new Set() });
    }
    this.gazetteerVersion = version;
  }

  /** One article's rows, as ingestBatch writes them (WRITE_* statements in their order). */
  addArticle(rows: ArticleRows): void {
    this.articles.push(rows.article);
    for (const entity of rows.entities) this.writeEntity(entity);
    this.mentions.push(...rows.mentions.filter((m) => this.entities.has(m.entityId)));
    for (const figure of rows.figures) this.writeFigure(figure, rows.article.id);
    this.statements.push(...rows.statements.filter((s) => this.figures.has(s.figureId)));
    for (const r of rows.relations) {
      if (!this.entities.has(r.from) || !this.entities.has(r.to)) continue;
      const k = key(r.from, r.type, r.to);
      const seen = this.relations.get(k) ?? { from: r.from, to: r.to, type: r.type, gazetteer: false, evidence: null, evidenceKeys: new Set() };
      // WRITE_RELATIONS appends the row's keys that the relation does not hold yet
      const fresh = r.evidence.filter((e) => !seen.evidenceKeys.has(e));
      seen.evidence = seen.evidence ?? [];
      for (const e of fresh) {
        seen.evidence.push(e);
        seen.evidenceKeys.add(e);
      }
      this.relations.set(k, seen);
    }
  }

  /** WRITE_ENTITIES: name, type and subtype from the first row; labels, aliases and search forms merged. */
  private writeEntity(row: EntityRow): void {
    const seen = this.entities.get(row.id);
    const entity = seen ?? { labels: new Set<string>(), name: row.name, type: row.type, subtype: row.subtype, aliases: [], searchForms: [] };
    for (const label of row.labels) entity.labels.add(label);
    for (const alias of row.aliases) if (alias !== entity.name && !entity.aliases.includes(alias)) entity.aliases.push(alias);
    for (const form of row.searchForms) if (!entity.searchForms.includes(form)) entity.searchForms.push(form);
    this.entities.set(row.id, entity);
  }

  /**
   * CREATE_FIGURES: the first row creates the node and an ABOUT to each of its subjects that
   * exists; a figure stated again gains only the statement.
   */
  private writeFigure(row: FigureRow, articleId: string): void {
    const seen = this.figures.get(row.id);
    if (seen) {
      seen.statedBy.push({ row, articleId });
      return;
    }
    this.figures.set(row.id, { first: row, statedBy: [{ row, articleId }] });
    row.subjectIds.forEach((entityId, rank) => {
      if (this.entities.has(entityId)) this.about.push({ figureId: row.id, entityId, rank });
    });
  }

  tables(options: { ingestedAt: string; format: GraphFormatNode }): GraphTables {
    return {
      nodes: [this.articleTable(options.ingestedAt), this.entityTable(), this.figureTable(), formatTable(options.format)],
      relationships: [this.mentionTable(), this.statementTable(), this.aboutTable(), this.relationTable()],
    };
  }

  private articleTable(ingestedAt: string): NodeTable {
    return {
      name: 'articles',
      idSpace: 'Article',
      columns: columns(
        'title:string', 'publishedAt:datetime', 'url:string', 'text:string', 'ingestedAt:datetime',
        'extractorVersion:string', 'sentenceStarts:long[]', 'sentenceEnds:long[]', 'sentenceSections:long[]',
      ),
      rows: this.articles.map((a) => ({
        id: a.id,
        labels: ['Article'],
        cells: [a.title, a.publishedAt, a.url, a.text, ingestedAt, EXTRACTOR_VERSION, a.sentenceStarts, a.sentenceEnds, a.sentenceSections],
      })),
    };
  }

  private entityTable(): NodeTable {
    return {
      name: 'entities',
      idSpace: 'Entity',
      columns: columns(
        'name:string', 'type:string', 'subtype:string', 'aliases:string[]', 'searchForms:string[]',
        'searchText:string', 'gazetteer:boolean', 'code:string', 'level:string', 'validFrom:date', 'validTo:date',
        'gazetteerVersion:string',
      ),
      rows: [...this.entities].map(([id, e]) => ({
        id,
        labels: [...e.labels],
        cells: [
          e.name,
          e.type,
          e.subtype,
          e.aliases,
          e.searchForms,
          e.searchForms.reduce((text, form) => `${text} | ${form}`, ''),
          e.unit ? true : null,
          e.unit?.code ?? null,
          e.unit?.level ?? null,
          e.unit?.validFrom ?? null,
          e.unit?.validTo ?? null,
          // graph/gazetteer.ts marks the country with the version of the gazetteer written
          e.unit?.subtype === 'COUNTRY' ? this.gazetteerVersion : null,
        ],
      })),
    };
  }

  private figureTable(): NodeTable {
    return {
      name: 'figures',
      idSpace: 'Figure',
      columns: columns(
        'value:double', 'unit:string', 'qualifier:string', 'period:string', 'measure:string', 'per:string',
        'change:string', 'subjectIds:string[]', 'articleId:string', 'sentenceId:string', 'publishedAt:datetime',
        'quote:string', 'start:long', 'end:long', 'measurePhrase:string', 'sourceCount:long',
      ),
      rows: [...this.figures].map(([id, { first, statedBy }]) => {
        const { row: primary } = primaryStatement(statedBy);
        return {
          id,
          labels: ['Figure'],
          cells: [
            first.value,
            first.unit,
            first.qualifier,
            first.period,
            first.measure,
            first.per,
            first.change,
            first.subjectIds,
            primary.articleId,
            primary.sentenceId,
            primary.publishedAt,
            primary.quote,
            primary.start,
            primary.end,
            primary.measurePhrase,
            statedBy.length,
          ],
        };
      }),
    };
  }

  private mentionTable(): RelationshipTable {
    return {
      name: 'mentions',
      fromSpace: 'Article',
      toSpace: 'Entity',
      columns: columns('starts:long[]', 'ends:long[]'),
      rows: this.mentions.map((m) => ({ from: m.articleId, to: m.entityId, type: 'MENTIONS', cells: [m.starts, m.ends] })),
    };
  }

  private statementTable(): RelationshipTable {
    return {
      name: 'statements',
      fromSpace: 'Article',
      toSpace: 'Figure',
      columns: columns('starts:long[]', 'ends:long[]', 'primaryStart:long', 'primaryEnd:long', 'measurePhrase:string'),
      rows: this.statements.map((s) => ({
        from: s.articleId,
        to: s.figureId,
        type: 'STATES',
        cells: [s.starts, s.ends, s.primaryStart, s.primaryEnd, s.measurePhrase],
      })),
    };
  }

  private aboutTable(): RelationshipTable {
    return {
      name: 'about',
      fromSpace: 'Figure',
      toSpace: 'Entity',
      columns: columns('rank:long'),
      rows: this.about.map((a) => ({ from: a.figureId, to: a.entityId, type: 'ABOUT', cells: [a.rank] })),
    };
  }

  private relationTable(): RelationshipTable {
    return {
      name: 'relations',
      fromSpace: 'Entity',
      toSpace: 'Entity',
      columns: columns('evidence:string[]', 'gazetteer:boolean'),
      rows: [...this.relations.values()].map((r) => ({ from: r.from, to: r.to, type: r.type, cells: [r.evidence, r.gazetteer ? true : null] })),
    };
  }
}

/** The marker graph/migrations.ts writes once a store is at the current format. */
function formatTable(format: GraphFormatNode): NodeTable {
  return {
    name: 'format',
    idSpace: 'GraphFormat',
    columns: columns('version:double'),
    rows: [{ id: format.id, labels: ['GraphFormat'], cells: [format.version] }],
  };
}
