// A whole graph as data, types included: every node (labels, properties) and relationship (type,
// endpoint ids, properties), sorted. Compares two graphs property for property, and restores a
// stored graph of an earlier format (tests/fixtures/format-4-seed.json) to upgrade it.
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../../src/graph/database.ts';

/** [key, value, Neo4j's valueType()] — the type tells an integer 3 from a float 3.0. */
export type DumpedProperty = [string, unknown, string];

export interface GraphDump {
  nodes: { labels: string[]; props: DumpedProperty[] }[];
  rels: { type: string; from: string; to: string; props: DumpedProperty[] }[];
}

const PROPS = (v: string) =>
  `[k IN keys(${v}) | [k, CASE WHEN valueType(${v}[k]) STARTS WITH 'ZONED DATETIME' THEN toString(${v}[k]) ELSE ${v}[k] END, valueType(${v}[k])]]`;

/** The graph, or the part of it that is not the gazetteer; `ignore` names properties left out (wall-clock times). */
export async function dumpGraph(db: GraphDatabase, options: { gazetteer?: boolean; ignore?: readonly string[] } = {}): Promise<GraphDump> {
  const where = options.gazetteer ? '' : 'WHERE n.gazetteer IS NULL';
  const nodes = await db.read<GraphDump['nodes'][number]>(`MATCH (n) ${where} RETURN labels(n) AS labels, ${PROPS('n')} AS props ORDER BY n.id`, {});
  const rels = await db.read<GraphDump['rels'][number]>(
    `MATCH (a)-[r]->(b) ${options.gazetteer ? '' : 'WHERE r.gazetteer IS NULL'}
     RETURN type(r) AS type, a.id AS from, b.id AS to, ${PROPS('r')} AS props ORDER BY from, type, to`,
    {},
  );
  const ignore = new Set(options.ignore ?? []);
  const clean = (props: DumpedProperty[]) => props.filter(([k]) => !ignore.has(k)).sort(([a], [b]) => a.localeCompare(b));
  return {
    nodes: nodes.map((n) => ({ labels: [...n.labels].sort(), props: clean(n.props) })),
    rels: rels.map((r) => ({ ...r, props: clean(r.props) })).sort((x, y) => `${x.from} ${x.type} ${x.to}`.localeCompare(`${y.from} ${y.type} ${y.to}`)),
  };
}

function parameterValue([, value, type]: DumpedProperty): unknown {
  if (type.startsWith('ZONED DATETIME')) {
    const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(String(value));
    if (!m) throw new Error(`Unreadable datetime ${String(value)}`);
    const offset = m[8] === 'Z' ? 0 : (m[8]![0] === '-' ? -1 : 1) * (Number(m[8]!.slice(1, 3)) * 3600 + Number(m[8]!.slice(4, 6)) * 60);
    const nanos = Number((m[7] ?? '').padEnd(9, '0'));
    return new neo4j.types.DateTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, nanos, offset);
  }
  if (type.startsWith('INTEGER')) return neo4j.int(value as number);
  if (type.startsWith('LIST<INTEGER')) return (value as number[]).map((v) => neo4j.int(v));
  return value;
}

const asParameters = (props: DumpedProperty[]) => Object.fromEntries(props.map((p) => [p[0], parameterValue(p)]));

/** Writes a dump into the graph (nodes merged by id, so it may reference gazetteer units already there). */
export async function loadGraphDump(db: GraphDatabase, dump: GraphDump): Promise<void> {
  await db.writeTransaction(async (tx) => {
    await tx.run('UNWIND $nodes AS n MERGE (x {id: n.props.id}) SET x += n.props SET x:$(n.labels)', {
      nodes: dump.nodes.map((n) => ({ labels: n.labels, props: asParameters(n.props) })),
    });
    await tx.run('UNWIND $rels AS r MATCH (a {id: r.from}), (b {id: r.to}) CREATE (a)-[x:$(r.type)]->(b) SET x = r.props', {
      rels: dump.rels.map((r) => ({ type: r.type, from: r.from, to: r.to, props: asParameters(r.props) })),
    });
  });
}
