// The Cypher statements one request costs grow with the depth of its selection, not with the
// number of results: DataLoaders batch each level into one round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/pipeline/ingest.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { provinceArticle as article, TEST_PROVINCES as PROVINCES } from '../support/articles.ts';

const FAN_OUT = `{
  entities(first: 100) {
    totalCount
    edges { node {
      name
      relations { totalCount edges { node { type from { name } to { name } evidence { edges { node { quote sentence { text } } } } } } }
      figures { totalCount edges { node { value unit subjects { name } sentence { text } article { title } } } }
      mentions { totalCount edges { node { text sentence { index } article { title } } } }
      articles(first: 5) { edges { node { title } } }
    } }
  }
}`;

describe('Cypher round trips per request', () => {
  const db = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function cost(): Promise<{ entities: number; roundTrips: number }> {
    const res = await server.query<{ entities: { totalCount: number } }>(FAN_OUT);
    expect(res.errors).toBeUndefined();
    return { entities: res.data!.entities.totalCount, roundTrips: res.extensions!.cypherRoundTrips! };
  }

  it('stays the same when the results grow eightfold', async () => {
    await ingestText(db, { text: article(PROVINCES[0]!, 0) });
    const small = await cost();
    for (let i = 1; i < PROVINCES.length; i++) await ingestText(db, { text: article(PROVINCES[i]!, i) });
    const large = await cost();
    expect(large.entities).toBeGreaterThanOrEqual(small.entities * 4);
    // The selection has 4 levels below the list; each level's loaders (relations, figures, mentions;
    // then entities, sentences, articles) batch into one statement each. A loader can split into two
    // batches when its keys arrive from branches that resolve at different times, hence a bound
    // rather than an exact count — but a bound that does not move with the number of results.
    const DEPTH_BOUND = 12;
    expect(small.roundTrips).toBeLessThanOrEqual(DEPTH_BOUND);
    expect(large.roundTrips).toBeLessThanOrEqual(DEPTH_BOUND);
    expect(large.roundTrips).toBeLessThan(large.entities);
  });
});
