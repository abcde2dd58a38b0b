// Writes: thin over the pipeline (extract + one transaction) and the graph layer's delete.
import { ExtractionInputError } from '../../core/errors.ts';
import type { MutationResolvers } from '../../generated/resolvers.ts';
import { deleteArticle } from '../../graph/ingest.ts';
import { articleInput, firstProblem } from '../../pipeline/article-input.ts';
import { ingestText } from '../../pipeline/ingest.ts';
import { requireWriteAccess } from '../auth.ts';
import { badUserInput, notFound } from '../errors.ts';

export const Mutation: MutationResolvers = {
  ingestArticle: async (_, { input }, ctx) => {
    requireWriteAccess(ctx.writeAccess);
    // The rules of a JSON line, so the API and `vnkg ingest` accept the same articles.
    const parsed = articleInput.safeParse({
      title: input.title,
      text: input.text,
      ...(input.url != null ? { url: input.url } : {}),
      ...(input.publishedAt != null ? { publishedAt: input.publishedAt } : {}),
    });
    if (!parsed.success) {
      const { field, message } = firstProblem(parsed.error);
      throw badUserInput(`"${field}" ${message}.`, `input.${field}`);
    }
    const { title, text, url, publishedAt } = parsed.data;
    let result;
    try {
      result = await ingestText(ctx.db, {
        text: `${title}\n\n${text}`,
        ...(url ? { url } : {}),
        ...(publishedAt ? { publishedAt } : {}),
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
