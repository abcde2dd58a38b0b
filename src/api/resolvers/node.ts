// Relay node resolution. Every id is built by core/ids.ts, whose `idKind` tells from an id's
// shape which loader can fetch it.
import type { EntityRecord } from '../../graph/records.ts';
import { idKind, parseEvidenceId, parseEvidenceKey } from '../../core/ids.ts';
import type { ResolversInterfaceTypes, ResolversTypes } from '../../generated/resolvers.ts';
import type { ApiContext } from '../context.ts';

type NodeRecord = ResolversInterfaceTypes<ResolversTypes>['Node'];

/** An evidence span, if its relation exists and still holds it. */
async function loadEvidence(relationId: string, key: string, ctx: ApiContext): Promise<NodeRecord | null> {
  const relation = await ctx.loaders.relation.load(relationId);
  return relation?.evidenceKeys.includes(key) ? parseEvidenceKey(relationId, key) : null;
}

export async function loadNode(id: string, ctx: ApiContext): Promise<NodeRecord | null> {
  switch (idKind(id)) {
    case 'evidence': {
      const evidence = parseEvidenceId(id)!;
      return loadEvidence(evidence.relationId, evidence.key, ctx);
    }
    case 'relation':
      return ctx.loaders.relation.load(id);
    case 'article':
      return ctx.loaders.article.load(id);
    case 'sentence':
      return ctx.loaders.sentence.load(id);
    case 'figure':
      return ctx.loaders.figure.load(id);
    case 'figureMention':
      return ctx.loaders.figureMention.load(id);
    case 'mention':
      return ctx.loaders.mention.load(id);
    case 'entity':
      return ctx.loaders.entity.load(id);
  }
}

/** The GraphQL type of a record reached through the Node interface. */
export function nodeTypeName(record: NodeRecord): string {
  if ('fromId' in record) return 'Relation';
  if ('id' in record && record.id.includes('#')) return 'Evidence';
  if ('figureId' in record) return 'FigureMention';
  if ('unit' in record) return 'Figure';
  if ('entityId' in record) return 'Mention';
  if ('title' in record) return 'Article';
  if ('section' in record) return 'Sentence';
  return (record as EntityRecord).type;
}
