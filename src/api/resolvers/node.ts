// Relay node resolution. Ids are shaped by the graph layer (graph/ids.ts), so the shape of an id
// says which loader can fetch it.
import type { EntityRecord } from '../../graph/records.ts';
import { parseEvidenceId, parseEvidenceKey, parseRelationId } from '../../graph/ids.ts';
import type { ResolversInterfaceTypes, ResolversTypes } from '../../generated/resolvers.ts';
import type { ApiContext } from '../context.ts';

type NodeRecord = ResolversInterfaceTypes<ResolversTypes>['Node'];

const ARTICLE = /^article:[0-9a-f]+$/;
const SENTENCE = /^article:[0-9a-f]+:s\d+$/;
const FIGURE = /^article:[0-9a-f]+:f\d+-\d+$/;
const MENTION = /^article:[0-9a-f]+:m\d+-\d+:/;

/** An evidence span, if its relation exists and still holds it. */
async function loadEvidence(relationId: string, key: string, ctx: ApiContext): Promise<NodeRecord | null> {
  const relation = await ctx.loaders.relation.load(relationId);
  return relation?.evidenceKeys.includes(key) ? parseEvidenceKey(relationId, key) : null;
}

export async function loadNode(id: string, ctx: ApiContext): Promise<NodeRecord | null> {
  const evidence = parseEvidenceId(id);
  if (evidence) return loadEvidence(evidence.relationId, evidence.key, ctx);
  if (parseRelationId(id)) return ctx.loaders.relation.load(id);
  if (ARTICLE.test(id)) return ctx.loaders.article.load(id);
  if (SENTENCE.test(id)) return ctx.loaders.sentence.load(id);
  if (FIGURE.test(id)) return ctx.loaders.figure.load(id);
  if (MENTION.test(id)) return ctx.loaders.mention.load(id);
  return ctx.loaders.entity.load(id);
}

/** The GraphQL type of a record reached through the Node interface. */
export function nodeTypeName(record: NodeRecord): string {
  if ('fromId' in record) return 'Relation';
  if ('id' in record && record.id.includes('#')) return 'Evidence';
  if ('unit' in record) return 'Figure';
  if ('entityId' in record) return 'Mention';
  if ('title' in record) return 'Article';
  if ('section' in record) return 'Sentence';
  return (record as EntityRecord).type;
}
