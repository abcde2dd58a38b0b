// Organizations: each body's place (written, or the unit in focus when its head word implies a
// level), its stable id, LOCATED_IN its place, PART_OF the parent body named inside it or
// written before it, and RUNS the campaigns its name carries.
import { idTail, orgId } from '../../ids.ts';
import { slug } from '../../text.ts';
import type { Doc, Mentions } from '../model.ts';
import { cover, mentionOf, spanOf, type EntityBag, type RelationBag } from './evidence.ts';
import type { Focus } from './focus.ts';
import type { UnitGraph } from './unit-graph.ts';

const YOUTH_UNION = 'Đoàn Thanh niên Cộng sản Hồ Chí Minh';
const YOUTH_COMMITTEE: Partial<Record<string, string>> = { PROVINCE: 'Tỉnh đoàn', DISTRICT: 'Huyện đoàn' };

export const RUN_SUBTYPES = new Set(['CAMPAIGN', 'MOVEMENT', 'EMULATION_MOVEMENT', 'FUND']);

export interface Bodies {
  /** Entity id of each organization mention. */
  orgIds: string[];
  /** Node key of each organization mention's unit (written or in focus), null when unknown. */
  orgPlaceKey: Array<string | null>;
}

/**
 * @param articleIdValue scopes the ids of bodies whose place the text never names ("Hội Nông
 *   dân tỉnh" in a provincial paper), so they are not merged with another province's body.
 */
export function resolveBodies(
  doc: Doc,
  m: Mentions,
  units: UnitGraph,
  focus: Focus,
  parenPlace: Map<number, number>,
  campaignIds: string[],
  articleIdValue: string,
  bag: EntityBag,
  rels: RelationBag,
): Bodies {
  const unitAtToken = new Map<number, number>();
  m.units.forEach((u, idx) => unitAtToken.set(u.tokStart, idx));
  const orgPlaceKey: Array<string | null> = [];
  /** Per base, the place of the last body of that base written with its place. */
  const lastPlaced = new Map<string, string>();
  const orgIds = m.orgs.map((o) => {
    let placeKey: string | null = null;
    if (o.place !== null) {
      const pu = m.units[o.place]!;
      placeKey = units.mentionKey[o.place] ?? focus.placeAt(o.sentence, pu.level);
      // "Thành ủy Tây Ninh" in an article about thành phố Tây Ninh: the city, not the province
      if (o.need === 'CITY' && placeKey) placeKey = units.cityNamed(placeKey) ?? placeKey;
      if (placeKey) lastPlaced.set(o.base, placeKey);
    } else if (o.need === 'CITY') {
      const f = focus.placeOfBareAt(o.sentence, o.tokStart, 'ANY');
      const district = units.ancestorAt(f, 'DISTRICT');
      const province = units.ancestorAt(f, 'PROVINCE') ?? focus.placeAt(o.sentence, 'PROVINCE');
      placeKey = district && units.node(district).label.startsWith('thành phố') ? district : province && (units.cityNamed(province) ?? province);
    } else if (o.need === 'ANY' || o.need === 'PROVINCE' || o.need === 'DISTRICT' || o.need === 'COMMUNE') {
      placeKey = focus.placeOfBareAt(o.sentence, o.tokStart, o.need);
      // "Hội LHPN tỉnh …, Hội LHPN trao quà … xã B": a bare name is the body last named with its
      // place when the unit in focus lies within that place
      const named = o.need === 'ANY' ? lastPlaced.get(o.base) : undefined;
      if (named && placeKey && named !== placeKey && units.ancestorAt(placeKey, units.node(named).level) === named) placeKey = named;
    }
    const placeId = placeKey ? units.node(placeKey).id : null;
    orgPlaceKey.push(placeKey);
    // a local body whose unit the text never names: its id is scoped to this article
    const local = !placeId && o.need !== 'NONE' && o.need !== 'EXPLICIT';
    const writtenLevel = o.place !== null && !m.units[o.place]!.name ? m.units[o.place]!.levelWord : null;
    const idFor = (base: string, level: string | null) =>
      local ? `${orgId(base, null)}:unnamed-${level ? slug(level) + '-' : ''}${idTail(articleIdValue)}` : orgId(base, placeId);
    // "Đoàn TNCS Hồ Chí Minh tỉnh X" is the body the genre calls "Tỉnh đoàn X"
    const committee = placeKey && o.base === YOUTH_UNION ? YOUTH_COMMITTEE[units.node(placeKey).level] : undefined;
    const base = committee ?? o.base;
    const style = committee ? 'bare' : o.style;
    const id = idFor(base, style === 'level' ? writtenLevel : null);
    const where = placeKey ? ` ${units.placePhrase(placeKey, style)}` : writtenLevel && style === 'level' ? ` ${writtenLevel}` : '';
    const aliases = o.text.includes('(') ? [] : [o.text];
    for (const v of o.baseVariants) aliases.push(`${v}${where}`);
    if (where) aliases.push(o.base);
    if (committee && placeKey) aliases.push(`${o.base} ${units.placePhrase(placeKey, 'level')}`);
    bag.add(id, 'Organization', o.subtype, `${base}${where}`, aliases, mentionOf(o));
    // located in its place when the text writes the place or the head word implies its level
    const stated = o.place !== null || o.need === 'PROVINCE' || o.need === 'DISTRICT' || o.need === 'COMMUNE' || o.need === 'CITY';
    if (placeId && stated) rels.add('LOCATED_IN', id, placeId, spanOf(o));
    // "Nhà máy X (Từ Sơn, Bắc Ninh)", "Công ty X tại huyện Y"
    let loc: number | null = parenPlace.get(o.tokEnd) ?? null;
    if (loc === null) {
      const next = doc.tokens[o.tokEnd];
      if (next && (next.key === 'tại' || next.key === 'ở')) loc = unitAtToken.get(o.tokEnd + 1) ?? null;
    }
    if (loc !== null && !placeId) {
      const lk = units.mentionKey[loc];
      if (lk) rels.add('LOCATED_IN', id, units.node(lk).id, cover(doc, o, m.units[loc]!));
    }
    if (o.parentBase && o.parentSpan) {
      const pid = idFor(o.parentBase, null);
      const pw = placeKey ? ` ${units.placePhrase(placeKey, 'bare')}` : '';
      bag.add(pid, 'Organization', o.subtype, `${o.parentBase}${pw}`, [o.parentBase], {
        start: o.parentSpan.start,
        end: o.parentSpan.end,
        text: doc.text.slice(o.parentSpan.start, o.parentSpan.end),
        sentenceIndex: o.sentence,
      });
      rels.add('PART_OF', id, pid, spanOf(o));
    }
    if (o.campaign !== null) rels.add('RUNS', id, campaignIds[o.campaign]!, spanOf(o));
    for (const c of o.embeddedCampaigns) {
      const sub = m.campaigns[c]!.subtype;
      if (RUN_SUBTYPES.has(sub) || sub === 'PROGRAM') rels.add('RUNS', id, campaignIds[c]!, spanOf(o));
    }
    return id;
  });

  const orgAtToken = new Map<number, number>();
  m.orgs.forEach((o, idx) => orgAtToken.set(o.tokStart, idx));
  m.orgs.forEach((o, idx) => {
    const p = o.partOfTok === null ? undefined : orgAtToken.get(o.partOfTok);
    if (p !== undefined) rels.add('PART_OF', orgIds[idx]!, orgIds[p]!, spanOf(o));
  });
  return { orgIds, orgPlaceKey };
}
