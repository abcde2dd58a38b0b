// The Cypher `vnkg import` needs around Neo4j's bulk importer (src/import/): whether a store
// already holds articles (it then refuses), and the empty lists the importer's CSV cannot carry.
import type { GraphDatabase } from './database.ts';

const HAS_ARTICLES = `RETURN EXISTS { (:Article) } AS any`;

export async function hasArticles(db: GraphDatabase): Promise<boolean> {
  const [row] = await db.read<{ any: boolean }>(HAS_ARTICLES, {});
  return row?.any ?? false;
}

/** Labels and types come from the import's own tables; checked anyway, as they are spliced in. */
function name(token: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(token)) throw new Error(`Not a label or relationship type: ${token}`);
  return `\`${token}\``;
}

const emptyLists = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, []]));

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Sets the properties that are empty lists (an entity without aliases, a figure without
 * subjects): Cypher writes them as `[]`, which the importer cannot read from a CSV field. The
 * label's id constraint makes each MATCH an index seek.
 */
export async function setEmptyLists(
  db: GraphDatabase,
  lists: {
    nodes: readonly { label: string; id: string; keys: readonly string[] }[];
    relationships: readonly { fromLabel: string; from: string; type: string; toLabel: string; to: string; keys: readonly string[] }[];
  },
): Promise<void> {
  await db.writeTransaction(async (tx) => {
    for (const [label, rows] of groupBy(lists.nodes, (n) => n.label)) {
      await tx.run(`UNWIND $rows AS r MATCH (n:${name(label)} {id: r.id}) SET n += r.props`, {
        rows: rows.map((r) => ({ id: r.id, props: emptyLists(r.keys) })),
      });
    }
    for (const rows of groupBy(lists.relationships, (r) => `${r.fromLabel} ${r.type} ${r.toLabel}`).values()) {
      const { fromLabel, type, toLabel } = rows[0]!;
      await tx.run(
        `UNWIND $rows AS r MATCH (:${name(fromLabel)} {id: r.from})-[x:${name(type)}]->(:${name(toLabel)} {id: r.to}) SET x += r.props`,
        { rows: rows.map((r) => ({ from: r.from, to: r.to, props: emptyLists(r.keys) })) },
      );
    }
  });
}
