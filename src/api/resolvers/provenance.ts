// Articles, sentences, mentions, figures, relations and evidence: the provenance layer.
import type {
  ArticleResolvers,
  EvidenceResolvers,
  FigureGroupResolvers,
  FigureResolvers,
  MentionResolvers,
  RelationResolvers,
  SentenceResolvers,
} from '../../generated/resolvers.ts';
import { foundOnly } from '../loaders.ts';

/** Loads a record that the graph guarantees to exist (it was reached through an edge). */
async function present<T>(loaded: Promise<T | null>, what: string, id: string): Promise<T> {
  const value = await loaded;
  if (value === null) throw new Error(`Dangling reference: ${what} "${id}" is missing from the graph.`);
  return value;
}

export const Article: ArticleResolvers = {
  sentences: (a, _, ctx) => ctx.loaders.sentencesOfArticle.load(a.id),
  entities: (a, _, ctx) => ctx.loaders.entitiesOfArticle.load(a.id),
  figures: (a, _, ctx) => ctx.loaders.figuresOfArticle.load(a.id),
};

export const Sentence: SentenceResolvers = {
  article: (s, _, ctx) => present(ctx.loaders.article.load(s.articleId), 'article', s.articleId),
  mentions: (s, _, ctx) => ctx.loaders.mentionsOfSentence.load(s.id),
};

export const Mention: MentionResolvers = {
  entity: (m, _, ctx) => present(ctx.loaders.entity.load(m.entityId), 'entity', m.entityId),
  sentence: (m, _, ctx) => present(ctx.loaders.sentence.load(m.sentenceId), 'sentence', m.sentenceId),
  article: (m, _, ctx) => present(ctx.loaders.article.load(m.articleId), 'article', m.articleId),
};

export const Figure: FigureResolvers = {
  subjects: async (f, _, ctx) => foundOnly(await ctx.loaders.entity.loadMany(f.subjectIds)),
  sentence: (f, _, ctx) => present(ctx.loaders.sentence.load(f.sentenceId), 'sentence', f.sentenceId),
  article: (f, _, ctx) => present(ctx.loaders.article.load(f.articleId), 'article', f.articleId),
};

export const Relation: RelationResolvers = {
  from: (r, _, ctx) => present(ctx.loaders.entity.load(r.fromId), 'entity', r.fromId),
  to: (r, _, ctx) => present(ctx.loaders.entity.load(r.toId), 'entity', r.toId),
};

export const Evidence: EvidenceResolvers = {
  sentence: (e, _, ctx) => present(ctx.loaders.sentence.load(e.sentenceId), 'sentence', e.sentenceId),
  // Sliced from the article: evidence may start in an earlier sentence than the one it is filed under.
  quote: async (e, _, ctx) => {
    const a = await present(ctx.loaders.article.load(e.articleId), 'article', e.articleId);
    return a.text.slice(e.start, e.end);
  },
};

export const FigureGroup: FigureGroupResolvers = {
  subject: (g, _, ctx) => (g.subjectId ? ctx.loaders.entity.load(g.subjectId) : null),
};
