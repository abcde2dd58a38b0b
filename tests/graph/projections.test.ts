// How list items are projected. A map projection (`n {.id, .name}`) reads a node's properties in
// one pass; the same keys as a map literal (`{id: n.id, name: n.name}`) read them one by one and
// cost a compiled page of entities about 60 % more db hits (bench/README.md, "Built JavaScript, and map projections").
import { describe, expect, it } from 'vitest';
import { articleRecord, entityRecord, entitySummary } from '../../src/graph/projections.ts';

describe('record projections', () => {
  it('projects an entity item, whole or only the selected keys with its id and type, as a map projection', () => {
    expect(entitySummary('m_1')).toBe('m_1 {.id, .type, .subtype, .name}');
    expect(entitySummary('m_1', ', compiled: {l0: x}', new Set(['name']))).toBe('m_1 {.id, .type, .name, compiled: {l0: x}}');
  });

  it('projects an entity read whole as the summary and its details', () => {
    expect(entityRecord('n')).toBe(
      'n {.id, .type, .subtype, .name, aliases: coalesce(n.aliases, []), .code, .level, validFrom: toString(n.validFrom), validTo: toString(n.validTo)}',
    );
  });

  it('projects an article item as a map projection, dates as strings, only the selected keys with its id', () => {
    expect(articleRecord('a')).toBe('a {.id, .title, .url, publishedAt: toString(a.publishedAt), ingestedAt: toString(a.ingestedAt)}');
    expect(articleRecord('a', '', new Set(['publishedAt']))).toBe('a {.id, publishedAt: toString(a.publishedAt)}');
  });
});
