// Relay node resolution. Ids are shaped by the graph layer (graph/ids.ts), so the shape of an id
// says which loader can fetch it.
import type { EntityRecord } from '../../graph/records.ts';
import { parseRelationId } from '../../graph/ids.ts';
import type { ResolversInterfaceTypes, ResolversTypes } from '../../generated/resolvers.ts';
import type { ApiContext } from '../context.ts';

type NodeRecord = ResolversInterfaceTypes<ResolversTypes>['Node'];

const ARTICLE = /^article:[0-9a-f]+$/;
const SENTENCE = /^article:[0-9a-f]+:s\d+$/;
const FIGURE = /^article:[0-9a-f]+:f\d+-\d+$/;
const MENTION = /^article:[0-9a-f]+:m\d+-\d+:/;

export async function loadNode(id: string, ctx: ApiContext): Promise<NodeRecord | null> {
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
  if ('unit' in record) return 'Figure';
  if ('entityId' in record) return 'Mention';
  if ('title' in record) return 'Article';
  if ('section' in record) return 'Sentence';
  return (record as EntityRecord).type;
}
