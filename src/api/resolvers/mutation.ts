// Writes: thin over the pipeline (extract + one transaction) and the graph layer's delete.
import { ExtractionInputError } from '../../core/errors.ts';
import type { MutationResolvers } from '../../generated/resolvers.ts';
import { deleteArticle } from '../../graph/ingest.ts';
import { ingestText } from '../../pipeline/ingest.ts';
import { requireWriteAccess } from '../auth.ts';
import { badUserInput, notFound } from '../errors.ts';

export const Mutation: MutationResolvers = {
  ingestArticle: async (_, { input }, ctx) => {
    requireWriteAccess(ctx.writeAccess);
    if (!input.title.trim()) throw badUserInput('"title" must not be empty.', 'input.title');
    if (!input.text.trim()) throw badUserInput('"text" must not be empty.', 'input.text');
    let result;
    try {
      result = await ingestText(ctx.db, {
        text: `${input.title.trim()}\n\n${input.text}`,
        ...(input.url ? { url: input.url } : {}),
        ...(input.publishedAt ? { publishedAt: input.publishedAt.toISOString() } : {}),
      });
    } catch (error) {
      if (error instanceof ExtractionInputError) throw badUserInput(error.message, 'input.text');
      throw error;
    }
    const article = await ctx.loaders.article.load(result.articleId);
    if (!article) throw new Error(`Article ${result.articleId} was written but cannot be read back.`);
    return {
      status: result.status.toUpperCase() as 'CREATED' | 'UPDATED' | 'UNCHANGED',
      article,
      entityCount: result.entities,
      figureCount: result.figures,
      relationCount: result.relations,
    };
  },
  deleteArticle: async (_, { id }, ctx) => {
    requireWriteAccess(ctx.writeAccess);
    if (!(await deleteArticle(ctx.db, id))) throw notFound('article', id);
    return { deletedId: id };
  },
};
