// The memory Neo4j counts for a compiled statement against its limit on memory for transactions:
// a longer list must add its own size, not its size once per row another list's sort holds. Read
// inline, one after the other, each list's sort held the lists read before it in every row it
// kept, and Neo4j counted them once per row: an entity with long evidence lists and many figures
// multiplied the two, and a few concurrent requests at 100k articles reached the limit.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileStatement } from '../../bench/api/profile.ts';
import { compile, type ListPlan } from '../../src/graph/compiler/compile.ts';
import type { ListName } from '../../src/graph/lists.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';

const FIGURES = 300;
/** Two entities alike but for the length of their relation's evidence list. */
const LONG = { id: 'org:test:long', keys: 100 };
const SHORT = { id: 'org:test:short', keys: 10 };

const listPlan = (key: string, list: ListName): ListPlan => ({
  key,
  list,
  ownerTypes: null,
  filter: {},
  page: { offset: 0, limit: 100 },
  count: true,
  keep: null,
  lists: [],
});

describe('a compiled statement’s memory', () => {
  const db = connectTestGraph();

  beforeAll(async () => {
    await resetGraph(db);
    await db.writeTransaction(async (tx) => {
      // Each: one relation with its evidence list, and many figures about the entity.
      for (const owner of [LONG, SHORT]) {
        await tx.run(
          `CREATE (o:Entity:Organization {id: $owner, type: 'Organization', name: $owner})
           CREATE (p:Entity:AdministrativeUnit {id: $owner + ':province', type: 'AdministrativeUnit', name: 'Province'})
           CREATE (o)-[:LOCATED_IN {evidence: [i IN range(1, $keys) | 'article:' + toString(1000000 + i) + ':s' + toString(i) + '|0|40']}]->(p)
           WITH o
           UNWIND range(1, $figures) AS i
           CREATE (f:Figure {id: $owner + ':figure:' + toString(i), articleId: 'article:' + toString(i), start: i, value: i, unit: 'VND',
                             qualifier: 'raised', quote: 'quyên góp được ' + toString(i) + ' tỷ đồng cho quỹ vì người nghèo'})
           CREATE (f)-[:ABOUT]->(o)`,
          { owner: owner.id, keys: neo4j.int(owner.keys), figures: neo4j.int(FIGURES) },
        );
      }
    });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  /** PROFILE's peak memory estimate of the entity root reading these lists (the bench's own PROFILE). */
  async function peakMemory(id: string, lists: ListPlan[]): Promise<number> {
    const statement = compile({ root: 'entity', id, lists, details: false });
    const profile = await profileStatement(db, statement.cypher, statement.params, statement.name);
    expect(profile.rows).toBe(1);
    return profile.memory;
  }

  it('a longer evidence list adds its own size, not its size once per figure the sort holds', async () => {
    const lists = [listPlan('relations', 'Entity.relations'), listPlan('figures', 'Entity.figures')];
    const long = await peakMemory(LONG.id, lists);
    const short = await peakMemory(SHORT.id, lists);
    // Held once, the 90 more keys are a few kB (216 against 209 kB); held by each of the 100 rows
    // the figures' sort keeps, they made it 3.6× (1,159 against 324 kB).
    expect(short).toBeGreaterThan(0);
    expect(long / short, `${LONG.keys} keys: ${long} bytes; ${SHORT.keys} keys: ${short}`).toBeLessThanOrEqual(1.5);
  });
});
