// Turns mentions into entities with stable ids and the relations between them, in stages:
// the unit graph and each sentence's focus (resolve/unit-graph.ts, resolve/focus.ts), the
// bodies and their places (resolve/bodies.ts), people and the genre's relations
// (resolve/genre-relations.ts).
import type { ExtractedEntity, ExtractedRelation } from '../types.ts';
import { campaignId, personId } from '../ids.ts';
import type { Doc, Mentions } from './model.ts';
import { cover, EntityBag, mentionOf, RelationBag } from './resolve/evidence.ts';
import { Focus } from './resolve/focus.ts';
import { UnitGraph, withLevel } from './resolve/unit-graph.ts';
import { resolveBodies } from './resolve/bodies.ts';
import { branchRelations, clubRelations, partyRelations, runsRelations } from './resolve/genre-relations.ts';

export interface Resolution {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  /** Per sentence: id of the unit the sentence is about, or null. */
  focusId: Array<string | null>;
  /** The unit a figure at `offset` in sentence `si` is about: the nearest one named before it. */
  unitBefore: (si: number, offset: number) => string | null;
  /** Entity id of each mention kind, by mention index. */
  unitIds: Array<string | null>;
  orgIds: string[];
  campaignIds: string[];
  personIds: string[];
}

/**
 * @param articleIdValue scopes the ids of bodies whose place the text never names ("Hội Nông
 *   dân tỉnh" in a provincial paper), so they are not merged with another province's body.
 */
export function resolve(doc: Doc, m: Mentions, parenPlace: Map<number, number>, articleIdValue = 'article:unknown'): Resolution {
  const units = new UnitGraph(doc, m, parenPlace);
  const focus = new Focus(doc, m, units);
  units.placeKnownDistricts(focus.at);
  units.attachToFocus((si, offset) => focus.unitBefore(si, offset));
  // parents may resolve more references ("tỉnh" from a district whose province is now known)
  focus.compute();
  units.assignIds();

  const bag = new EntityBag();
  const rels = new RelationBag();

  // references by level word ("toàn tỉnh") are the unit in focus
  const unitIds = m.units.map((u, idx) => {
    const key = units.mentionKey[idx] ?? (u.level === 'REGION' ? null : focus.placeAt(u.sentence, u.level));
    if (!key) return null;
    const n = units.node(key);
    const aliases = u.name ? [u.text] : [];
    const lw = n.levelWord && n.level === 'PROVINCE' ? (n.placeLevelWord ?? n.levelWord) : n.levelWord;
    if (u.name && lw && n.level !== 'REGION') aliases.push(withLevel(lw, n.label));
    bag.add(n.id, 'AdministrativeUnit', n.level, n.label, aliases, mentionOf(u));
    return n.id;
  });
  for (const n of units.nodes.values()) {
    if (!n.parentKey || !n.parentEvidence) continue;
    const parentId = units.node(n.parentKey).id;
    // a district is part of its province as it was before the reform (the gazetteer says so)
    if (n.level === 'DISTRICT' && parentId.endsWith(':2025')) continue;
    rels.add('PART_OF', n.id, parentId, n.parentEvidence);
  }

  const campaignIds = m.campaigns.map((c) => {
    const id = campaignId(c.key);
    bag.add(id, 'Campaign', c.subtype, c.name, [c.text, ...c.aliases], mentionOf(c));
    return id;
  });

  const bodies = resolveBodies(doc, m, units, focus, parenPlace, campaignIds, articleIdValue, bag, rels);
  clubRelations(doc, m, bodies, rels);
  partyRelations(doc, m, bodies, units, rels);
  branchRelations(doc, m, bodies, rels);

  const personIds = m.people.map((p) => {
    const id = personId(p.name);
    bag.add(id, 'Person', p.role, p.name, p.aliases, mentionOf(p));
    if (p.org !== null) rels.add(p.leads ? 'LEADS' : 'MEMBER_OF', id, bodies.orgIds[p.org]!, cover(doc, p, m.orgs[p.org]!));
    return id;
  });

  runsRelations(doc, m, bodies, campaignIds, rels);

  const idOfKey = (k: string | null) => (k ? units.node(k).id : null);
  return {
    entities: bag.order,
    // the head of a body is its member too: LEADS says both
    relations: rels.list.filter((r) => r.type !== 'MEMBER_OF' || !rels.has('LEADS', r.from, r.to)),
    focusId: doc.sentences.map((s) => idOfKey(focus.at(s.index))),
    unitBefore: (si, offset) => idOfKey(focus.unitBefore(si, offset)),
    unitIds,
    orgIds: bodies.orgIds,
    campaignIds,
    personIds,
  };
}
