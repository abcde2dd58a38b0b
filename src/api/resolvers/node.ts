// Relay node resolution. Every id is built by core/ids.ts, whose `idKind` tells from an id's
// shape which loader can fetch it.
import type { EntityRecord } from '../../graph/records.ts';
import { idKind, parseEvidenceId, parseEvidenceKey, type IdKind } from '../../core/ids.ts';
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

/** The GraphQL type of each kind of id but an entity's, whose type is on its record. */
const NODE_TYPE: Record<Exclude<IdKind, 'entity'>, string> = {
  evidence: 'Evidence',
  relation: 'Relation',
  article: 'Article',
  sentence: 'Sentence',
  figure: 'Figure',
  figureMention: 'FigureMention',
  mention: 'Mention',
};

/** The GraphQL type of a record reached through the Node interface: its id says which. */
export function nodeTypeName(record: NodeRecord): string {
  const kind = idKind(record.id);
  return kind === 'entity' ? (record as EntityRecord).type : NODE_TYPE[kind];
}
