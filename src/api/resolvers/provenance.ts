// Articles, sentences, mentions, figures, relations and evidence: the provenance layer.
import type {
  ArticleResolvers,
  EvidenceResolvers,
  FigureGroupResolvers,
  FigureMentionResolvers,
  FigureResolvers,
  MentionResolvers,
  RelationResolvers,
  SentenceResolvers,
} from '../../generated/resolvers.ts';
import { parseEvidenceKey, type EvidenceSpan } from '../../core/ids.ts';
import type { ApiContext } from '../context.ts';
import { foundOnly } from '../loaders.ts';
import { connectionOfEdges, cursorAt, ownedConnection, pageWithin, type Connection } from '../pagination.ts';
import { TYPE_OF_KIND } from './entity.ts';

/** Loads a record that the graph guarantees to exist (it was reached through an edge). */
async function present<T>(loaded: Promise<T | null>, what: string, id: string): Promise<T> {
  const value = await loaded;
  if (value === null) throw new Error(`Dangling reference: ${what} "${id}" is missing from the graph.`);
  return value;
}

const articleText = async (articleId: string, ctx: ApiContext): Promise<string> =>
  (await present(ctx.loaders.articleText.load(articleId), 'article', articleId)).text;

export const Article: ArticleResolvers = {
  text: (a, _, ctx) => articleText(a.id, ctx),
  sentences: (a, args, ctx) => ownedConnection(ctx.loaders.sentencesOfArticle, a.id, args, ctx, {}),
  entities: async (a, { kind, ...page }, ctx) => {
    const type = kind ? TYPE_OF_KIND[kind] : null;
    const connection = await ownedConnection(ctx.loaders.entitiesOfArticle, a.id, page, ctx, { type });
    for (const { node } of connection.edges) ctx.loaders.entity.prime(node.id, node);
    return connection;
  },
  figures: (a, args, ctx) => ownedConnection(ctx.loaders.figuresOfArticle, a.id, args, ctx, {}),
};

export const Sentence: SentenceResolvers = {
  article: (s, _, ctx) => present(ctx.loaders.article.load(s.articleId), 'article', s.articleId),
  mentions: (s, args, ctx) => ownedConnection(ctx.loaders.mentionsOfSentence, s.id, args, ctx, {}),
};

export const Mention: MentionResolvers = {
  entity: (m, _, ctx) => present(ctx.loaders.entity.load(m.entityId), 'entity', m.entityId),
  sentence: (m, _, ctx) => present(ctx.loaders.sentence.load(m.sentenceId), 'sentence', m.sentenceId),
  article: (m, _, ctx) => present(ctx.loaders.article.load(m.articleId), 'article', m.articleId),
};

export const Figure: FigureResolvers = {
  // Read with the figure when its list was read by `figures`; else loaded by id.
  subjects: async (f, _, ctx) => f.subjects ?? foundOnly(await ctx.loaders.entity.loadMany(f.subjectIds)),
  sentence: (f, _, ctx) => present(ctx.loaders.sentence.load(f.sentenceId), 'sentence', f.sentenceId),
  article: (f, _, ctx) => present(ctx.loaders.article.load(f.articleId), 'article', f.articleId),
  mentions: (f, args, ctx) => ownedConnection(ctx.loaders.mentionsOfFigure, f.id, args, ctx, {}),
};

export const FigureMention: FigureMentionResolvers = {
  figure: (m, _, ctx) => present(ctx.loaders.figure.load(m.figureId), 'figure', m.figureId),
  sentence: (m, _, ctx) => present(ctx.loaders.sentence.load(m.sentenceId), 'sentence', m.sentenceId),
  article: (m, _, ctx) => present(ctx.loaders.article.load(m.articleId), 'article', m.articleId),
};

export const Relation: RelationResolvers = {
  from: (r, _, ctx) => present(ctx.loaders.entity.load(r.fromId), 'entity', r.fromId),
  to: (r, _, ctx) => present(ctx.loaders.entity.load(r.toId), 'entity', r.toId),
  evidence: async (r, args, ctx) => {
    const page = pageWithin(args, ctx.maxPageSize, r.evidenceCount);
    // A relation from a list holds a prefix of its keys; a page past it reads them all.
    const keys =
      r.evidenceKeys.length === r.evidenceCount || page.offset + page.limit <= r.evidenceKeys.length
        ? r.evidenceKeys
        : (await present(ctx.loaders.relation.load(r.id), 'relation', r.id)).evidenceKeys;
    // One pass over the page; a malformed key (never written by vnkg) is left out of it.
    const end = Math.min(page.offset + page.limit, keys.length);
    const edges: Connection<EvidenceSpan>['edges'] = [];
    for (let offset = page.offset; offset < end; offset++) {
      const node = parseEvidenceKey(r.id, keys[offset]!);
      if (node) edges.push({ cursor: cursorAt(offset), node });
    }
    return connectionOfEdges(edges, r.evidenceCount, { offset: page.offset, limit: Math.max(0, end - page.offset) });
  },
};

export const Evidence: EvidenceResolvers = {
  sentence: (e, _, ctx) => present(ctx.loaders.sentence.load(e.sentenceId), 'sentence', e.sentenceId),
  // Sliced from the article: evidence may start in an earlier sentence than the one it is filed under.
  quote: async (e, _, ctx) => (await articleText(e.articleId, ctx)).slice(e.start, e.end),
};

export const FigureGroup: FigureGroupResolvers = {
  subject: (g, _, ctx) => (g.subjectId ? ctx.loaders.entity.load(g.subjectId) : null),
  units: (g) => [g.unit],
};
