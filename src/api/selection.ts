// Look-ahead: which fields a request selects below the one being resolved, so a resolver can
// fetch the next level in its own statement instead of leaving it to one more round trip.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the selection below this field reaches `path` (field names, e.g. `edges.node.subjects`),
 * through inline fragments and fragment spreads. `@include`/`@skip` are not evaluated: a field
 * they may drop counts as selected, which costs at most an unused projection.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const reaches = (set: SelectionSetNode | undefined, [name, ...rest]: readonly string[]): boolean =>
    set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name && (rest.length === 0 || reaches(s.selectionSet, rest));
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet;
      return reaches(fragment, [name!, ...rest]);
    }) ?? false;
  return info.fieldNodes.some((node) => reaches(node.selectionSet, path));
}
