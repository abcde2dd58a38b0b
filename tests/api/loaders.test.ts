// The entity and article loaders keep records primed from lists without a promise each; priming
// must still behave as DataLoader's: a primed record loads without a read, the first value of a
// key stays, and a key nobody primed is read in one batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoaders } from '../../src/api/loaders.ts';
import { RoundTripCounter, type GraphDatabase } from '../../src/graph/database.ts';
import type { EntityView } from '../../src/graph/records.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';

describe('primed loaders', () => {
  const db: GraphDatabase = connectTestGraph();
  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
  });
  afterAll(() => db.close());

  const summary = (id: string, name: string): EntityView => ({ id, name, type: 'AdministrativeUnit', subtype: 'PROVINCE' });

  it('loads a primed record without reading, keeps the first value of a key, and reads the rest in one batch', async () => {
    const counter = new RoundTripCounter();
    const loaders = createLoaders(db, counter);
    loaders.entity.prime('province:lao-cai', summary('province:lao-cai', 'first'));
    loaders.entity.prime('province:lao-cai', summary('province:lao-cai', 'second'));
    expect((await loaders.entity.load('province:lao-cai'))!.name).toBe('first');
    expect(counter.count).toBe(0);

    const [unprimed, missing] = await loaders.entity.loadMany(['province:bac-ninh', 'province:nowhere']);
    expect(counter.count).toBe(1);
    expect((unprimed as EntityView).name).toBe('Bắc Ninh');
    expect(missing).toBeNull();
    // Once loaded, a key is not replaced by a later prime.
    loaders.entity.prime('province:bac-ninh', summary('province:bac-ninh', 'primed late'));
    expect((await loaders.entity.load('province:bac-ninh'))!.name).toBe('Bắc Ninh');

    // Cleared, a key is read again.
    loaders.entity.clear('province:lao-cai');
    expect((await loaders.entity.load('province:lao-cai'))!.name).toBe('Lào Cai');
    expect(counter.count).toBe(2);
  });

  it('primes articles the same way, and takes a promise or an error as DataLoader does', async () => {
    const counter = new RoundTripCounter();
    const loaders = createLoaders(db, counter);
    const [article] = await db.read<{ id: string }>('MATCH (a:Article) RETURN a.id AS id LIMIT 1', {});
    loaders.article.prime(article!.id, { id: article!.id, title: 'primed' } as never);
    expect((await loaders.article.load(article!.id))!.title).toBe('primed');
    loaders.entity.prime('province:promised', Promise.resolve(summary('province:promised', 'from a promise')));
    expect((await loaders.entity.load('province:promised'))!.name).toBe('from a promise');
    loaders.entity.prime('province:error', new Error('no such entity'));
    await expect(loaders.entity.load('province:error')).rejects.toThrow('no such entity');
    expect(counter.count).toBe(0);
  });
});
