// Turns mentions into entities with stable ids. Decides the unit each sentence is about (its
// focus), attaches bodies named without a place to the unit of their section, infers parents
// of districts and communes, and merges mentions of the same thing.
import type { ExtractedEntity, ExtractedRelation, Mention, RelationType, Span } from '../types.ts';
import { campaignId, idTail, lowerUnitId, orgId, personId, provinceId, regionId, relationId } from '../ids.ts';
import { fold, slug, squash, toneKey } from '../text.ts';
import {
  districtsNamed,
  provinceByName,
  provinceIdAt,
  regionByName,
  type DistrictEntry,
  type ProvinceEntry,
} from '../gazetteer.ts';
import { rank } from './admin.ts';
import type { Doc, Mentions, UnitLevel } from './model.ts';

interface UnitNode {
  key: string;
  level: UnitLevel;
  name: string;
  levelWord: string | null;
  /** The gazetteer's district, once decided (null: not known or ambiguous). */
  district?: DistrictEntry | null;
  /** The gazetteer's province (PROVINCE nodes). */
  province?: ProvinceEntry;
  /** Entity name: the canonical name at the article's date ("Huế" after the reform). */
  label: string;
  /** Level word of place phrases ("Ủy ban MTTQ thành phố Đà Nẵng"), when the gazetteer knows it. */
  placeLevelWord: string | null;
  parentKey: string | null;
  /** Sentence of the mention that stated or implied the parent. */
  parentEvidence: Span & { sentenceIndex: number } | null;
  id: string;
}

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

const unitKey = (level: UnitLevel, name: string) => `${level}:${fold(name)}`;

/** "tỉnh Lào Cai"; a name that already starts with its level word ("Quận 1") is kept. */
function withLevel(levelWord: string, name: string): string {
  return name.toLowerCase().startsWith(levelWord.toLowerCase() + ' ') ? name : `${levelWord} ${name}`;
}

class EntityBag {
  private readonly byId = new Map<string, ExtractedEntity>();
  readonly order: ExtractedEntity[] = [];

  add(id: string, type: ExtractedEntity['type'], subtype: string, name: string, aliases: string[], mention: Mention | null): void {
    let e = this.byId.get(id);
    if (!e) {
      e = { id, type, subtype, name, aliases: [], mentions: [] };
      this.byId.set(id, e);
      this.order.push(e);
    }
    for (const a of aliases) {
      const s = squash(a);
      if (s && s !== e.name && !e.aliases.includes(s)) e.aliases.push(s);
    }
    if (mention && !e.mentions.some((m) => m.start === mention.start && m.end === mention.end)) e.mentions.push(mention);
  }

  get(id: string): ExtractedEntity | undefined {
    return this.byId.get(id);
  }
}

class RelationBag {
  private readonly seen = new Set<string>();
  readonly list: ExtractedRelation[] = [];
  add(type: RelationType, from: string, to: string, evidence: Span & { sentenceIndex: number }): void {
    if (from === to) return;
    const id = relationId(type, from, to);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.list.push({ id, type, from, to, evidence: { start: evidence.start, end: evidence.end, sentenceIndex: evidence.sentenceIndex } });
  }
}

/** A club named after the members of a mass organization belongs to it ("Câu lạc bộ Cựu chiến binh …"). */
const CLUB_MEMBERS: ReadonlyArray<[string, string]> = ([
  ['cựu chiến binh', 'Hội Cựu chiến binh'],
  ['ccb', 'Hội Cựu chiến binh'],
  ['nông dân', 'Hội Nông dân'],
  ['phụ nữ', 'Hội Liên hiệp Phụ nữ'],
  ['người cao tuổi', 'Hội Người cao tuổi'],
  ['cựu thanh niên xung phong', 'Hội Cựu thanh niên xung phong'],
  ['thanh niên', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
  ['chữ thập đỏ', 'Hội Chữ thập đỏ'],
  ['khuyến học', 'Hội Khuyến học'],
] as Array<[string, string]>).map(([w, b]) => [toneKey(w), b]);

/**
 * Relations the genre takes for granted between bodies of one article:
 * - a club named after a mass organization's members is PART_OF that organization;
 * - the party organization of a district ("Đảng bộ huyện X") or of a provincial body ("Đảng bộ
 *   Công an tỉnh") is PART_OF the Tỉnh ủy of its province (they are "trực thuộc Tỉnh ủy").
 */
function structuralRelations(
  doc: Doc,
  m: Mentions,
  orgIds: string[],
  orgPlaceKey: Array<string | null>,
  nodes: Map<string, UnitNode>,
  rels: RelationBag,
  ancestorAt: (key: string | null, level: UnitLevel) => string | null,
): void {
  const sentenceSpan = (si: number) => ({ start: doc.sentences[si]!.start, end: doc.sentences[si]!.end, sentenceIndex: si });
  // clubs
  m.orgs.forEach((o, idx) => {
    const rest = /^(Câu lạc bộ|CLB)\s+(.*)$/u.exec(o.base)?.[2];
    if (!rest) return;
    const key = toneKey(rest);
    const hit = CLUB_MEMBERS.find(([w]) => key === w || key.startsWith(`${w} `));
    if (!hit) return;
    const parent = m.orgs.findIndex((p) => p.base === hit[1]);
    if (parent >= 0) rels.add('PART_OF', orgIds[idx]!, orgIds[parent]!, sentenceSpan(o.sentence));
  });
  // party organizations under the Tỉnh ủy
  const anyProvinceNamed = [...nodes.values()].some((n) => n.level === 'PROVINCE');
  /** The province of a body: its gazetteer code or name, "unnamed" when the text names none. */
  const provinceOf = (idx: number): string | null => {
    const pk = orgPlaceKey[idx] ?? null;
    if (!pk) return orgIds[idx]!.includes(':unnamed-') ? 'unnamed' : null;
    const n = nodes.get(pk)!;
    const p = ancestorAt(pk, 'PROVINCE');
    if (p) return nodes.get(p)!.province?.code ?? p;
    if (n.level === 'DISTRICT' && n.district) return anyProvinceNamed ? n.district.province.code : 'unnamed';
    return null;
  };
  const committees = m.orgs.map((o, idx) => (o.base === 'Tỉnh ủy' ? idx : -1)).filter((idx) => idx >= 0);
  if (committees.length === 0) return;
  m.orgs.forEach((o, idx) => {
    if (!o.base.startsWith('Đảng bộ') || o.place === null) return;
    const level = m.units[o.place]!.level;
    const ofBody = o.base !== 'Đảng bộ';
    if (!(level === 'DISTRICT' && !ofBody) && !(level === 'PROVINCE' && ofBody)) return;
    const prov = provinceOf(idx);
    if (!prov) return;
    const c = committees.find((t) => provinceOf(t) === prov);
    if (c === undefined) return;
    const t = m.orgs[c]!;
    const evidence = t.sentence === o.sentence ? { start: Math.min(o.start, t.start), end: Math.max(o.end, t.end), sentenceIndex: o.sentence } : sentenceSpan(o.sentence);
    rels.add('PART_OF', orgIds[idx]!, orgIds[c]!, evidence);
  });
}

const AGENT_SUBTYPES = new Set(['PARTY', 'FRONT', 'STATE', 'MASS_ORGANIZATION']);
const RUN_SUBTYPES = new Set(['CAMPAIGN', 'MOVEMENT', 'EMULATION_MOVEMENT', 'FUND']);

/**
 * @param articleIdValue scopes the ids of bodies whose place the text never names ("Hội Nông
 *   dân tỉnh" in a provincial paper), so they are not merged with another province's body.
 */
export function resolve(doc: Doc, m: Mentions, parenPlace: Map<number, number>, articleIdValue = 'article:unknown'): Resolution {
  const nodes = new Map<string, UnitNode>();
  const mentionKey: Array<string | null> = m.units.map((u) => (u.name ? unitKey(u.level, u.name) : null));
  const span = (x: { start: number; end: number; sentence: number }) => ({ start: x.start, end: x.end, sentenceIndex: x.sentence });
  const sentenceSpan = (si: number) => {
    const s = doc.sentences[si]!;
    return { start: s.start, end: s.end, sentenceIndex: si };
  };
  const cover = (a: { start: number; end: number; sentence: number }, b: { start: number; end: number; sentence: number }) =>
    a.sentence === b.sentence
      ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), sentenceIndex: a.sentence }
      : sentenceSpan(a.sentence);

  // 1. unit nodes and stated parents
  m.units.forEach((u, idx) => {
    const key = mentionKey[idx];
    if (!key || !u.name) return;
    if (!nodes.has(key)) {
      const province = u.level === 'PROVINCE' ? provinceByName(u.name) : undefined;
      const successor = province && doc.afterReform ? province.continuedAs : null;
      nodes.set(key, {
        key,
        level: u.level,
        name: u.name,
        levelWord: u.levelWord,
        province,
        label: successor ? successor.name : u.level === 'REGION' ? (regionByName(u.name)?.name ?? u.name) : u.name,
        placeLevelWord: successor ? successor.levelWord : (province?.levelWord ?? null),
        parentKey: null,
        parentEvidence: null,
        id: '',
      });
    }
    const n = nodes.get(key)!;
    if (!n.levelWord && u.levelWord) n.levelWord = u.levelWord;
  });
  m.units.forEach((u, idx) => {
    const key = mentionKey[idx];
    if (!key || u.parent === null) return;
    const pk = mentionKey[u.parent];
    const n = nodes.get(key)!;
    if (pk && !n.parentKey && pk !== key) {
      n.parentKey = pk;
      n.parentEvidence = cover(u, m.units[u.parent]!);
    }
  });
  // "huyện Nam Đàn (Nghệ An)": a parenthesis right after a unit names its parent
  m.units.forEach((u, idx) => {
    const key = mentionKey[idx];
    const p = parenPlace.get(u.groupEnd ?? u.tokEnd);
    if (!key || p === undefined) return;
    const pk = mentionKey[p];
    const n = nodes.get(key)!;
    if (pk && !n.parentKey && pk !== key && rank(nodes.get(pk)!.level) < rank(n.level)) {
      n.parentKey = pk;
      n.parentEvidence = cover(u, m.units[p]!);
    }
  });

  // 2. focus: the first unit a sentence is about, carried through its ★ section
  const counts = new Map<string, number>();
  m.units.forEach((u, idx) => {
    const key = mentionKey[idx];
    if (key && u.level !== 'REGION') counts.set(key, (counts.get(key) ?? 0) + (doc.sentences[u.sentence]?.role === 'title' ? 2 : 1));
  });
  let main: string | null = null;
  for (const [k, c] of counts) if (main === null || c > counts.get(main)!) main = k;
  const ancestorAt = (key: string | null, level: UnitLevel): string | null => {
    let k = key;
    const seen = new Set<string>();
    while (k && !seen.has(k)) {
      seen.add(k);
      const n = nodes.get(k);
      if (!n) return null;
      if (n.level === level) return k;
      if (rank(n.level) < rank(level)) return null;
      k = n.parentKey;
    }
    return null;
  };
  const mainProvince = (): string | null => {
    let best: string | null = null;
    for (const [k, c] of counts) if (nodes.get(k)?.level === 'PROVINCE' && (best === null || c > counts.get(best)!)) best = k;
    return best;
  };
  const placeAt = (si: number, level: UnitLevel | 'ANY'): string | null => {
    const f = focusKey[si] ?? null;
    if (level === 'ANY') return f;
    const a = ancestorAt(f, level);
    if (a) return a;
    if (level === 'PROVINCE') {
      // a district in focus whose province is unknown: no guess; otherwise the article's province
      const fn = f ? nodes.get(f) : undefined;
      return fn && fn.level !== 'PROVINCE' ? null : mainProvince();
    }
    return null;
  };

  // candidates per sentence: named units and references by level word ("toàn tỉnh"), by position
  type Cand = { start: number; key: string | null; level: UnitLevel };
  const cands: Cand[][] = doc.sentences.map(() => []);
  m.units.forEach((u, idx) => {
    if (u.level === 'REGION' || !u.focusable) return;
    cands[u.sentence]!.push({ start: u.start, key: mentionKey[idx] ?? null, level: u.level });
  });
  for (const c of cands) c.sort((x, y) => x.start - y.start);
  const sectionFirst = new Map<number, string>();
  doc.sentences.forEach((s) => {
    const k = cands[s.index]!.find((c) => c.key)?.key;
    if (k && s.role !== 'caption' && !sectionFirst.has(s.section)) sectionFirst.set(s.section, k);
  });
  const resolveRef = (level: UnitLevel, context: string | null): string | null =>
    ancestorAt(context, level) ?? (level === 'PROVINCE' && !context ? mainProvince() : null);
  let focusKey: Array<string | null> = [];
  let carryBefore: Array<string | null> = [];
  /** Per sentence: candidates with their unit (null: a reference to a unit the text never names). */
  let resolvedCands: Array<Array<{ start: number; key: string | null }>> = [];
  const computeFocus = () => {
    focusKey = [];
    carryBefore = [];
    resolvedCands = [];
    let carry: string | null = null;
    let section = -1;
    for (const s of doc.sentences) {
      if (s.section !== section) {
        section = s.section;
        carry = null;
      }
      const context: string | null = carry ?? sectionFirst.get(s.section) ?? main;
      const list: Array<{ start: number; key: string | null }> = cands[s.index]!.map((c) => ({ start: c.start, key: c.key ?? resolveRef(c.level, context) }));
      resolvedCands.push(list);
      carryBefore.push(carry);
      const own: string | null = list.find((c) => c.key !== null)?.key ?? null;
      focusKey.push(own ?? context);
      if (own && s.role !== 'caption') carry = own;
    }
  };
  computeFocus();

  // 3. districts the gazetteer knows: in the stated province; else the only district of the
  // name; else the only one of the name in the province in focus
  const after = doc.afterReform;
  const inProvince = (d: DistrictEntry, p: ProvinceEntry | undefined) =>
    !!p && (d.province === p || (after && p.continuedAs !== null && d.province.successor === p.continuedAs));
  const provinceNodes = [...nodes.values()].filter((n) => n.level === 'PROVINCE' && n.province);
  m.units.forEach((u, idx) => {
    const key = mentionKey[idx];
    if (!key) return;
    const n = nodes.get(key)!;
    if (n.level !== 'DISTRICT' || n.district !== undefined) return;
    const cands = districtsNamed(n.name, n.levelWord);
    let d: DistrictEntry | null = null;
    if (n.parentKey) {
      const pn = nodes.get(n.parentKey)!;
      const within = cands.filter((c) => inProvince(c, pn.province));
      if (within.length === 1) d = within[0]!;
    } else if (cands.length === 1) d = cands[0]!;
    else if (cands.length > 1) {
      const fk = ancestorAt(focusKey[u.sentence] ?? null, 'PROVINCE') ?? mainProvince();
      const within = cands.filter((c) => inProvince(c, fk ? nodes.get(fk)!.province : undefined));
      if (within.length === 1) d = within[0]!;
    }
    n.district = d;
    if (!d) return;
    n.name = d.name;
    n.label = d.name;
    n.placeLevelWord = d.levelWord;
    if (n.parentKey) return;
    // its province, when the text names it (after the reform: the unit it became part of)
    const pn = provinceNodes.find((p) => p.province === d.province) ?? provinceNodes.find((p) => inProvince(d, p.province));
    if (pn) {
      n.parentKey = pn.key;
      n.parentEvidence = sentenceSpan(u.sentence);
    }
  });

  // other districts and communes without a stated parent belong to the unit in focus
  m.units.forEach((u, idx) => {
    const key = mentionKey[idx];
    if (!key) return;
    const n = nodes.get(key)!;
    if (n.parentKey || n.district || (n.level !== 'DISTRICT' && n.level !== 'COMMUNE')) return;
    const f = focusKey[u.sentence] ?? null;
    if (!f || f === key) return;
    const want: UnitLevel = n.level === 'COMMUNE' ? 'DISTRICT' : 'PROVINCE';
    const p = ancestorAt(f, want) ?? (n.level === 'COMMUNE' ? ancestorAt(f, 'PROVINCE') : null);
    if (p && p !== key) {
      n.parentKey = p;
      n.parentEvidence = sentenceSpan(u.sentence);
    }
  });

  // parents may resolve more references ("tỉnh" from a district whose province is now known)
  computeFocus();

  // 4. unit ids (parents first)
  const idOf = (key: string, depth = 0): string => {
    const n = nodes.get(key)!;
    if (n.id) return n.id;
    if (n.level === 'PROVINCE') n.id = n.province ? provinceIdAt(n.province, after) : provinceId(n.name);
    else if (n.level === 'REGION') n.id = regionByName(n.name)?.id ?? regionId(n.name);
    else if (n.district) n.id = n.district.id;
    else {
      const pn = n.parentKey && depth < 4 ? nodes.get(n.parentKey)! : null;
      // districts belong to the provinces before the reform, whatever the article's date
      const parent = !pn ? null : n.level === 'DISTRICT' && pn.province ? pn.province.id : idOf(pn.key, depth + 1);
      n.id = lowerUnitId(n.level, n.name, parent);
    }
    return n.id;
  };
  for (const k of nodes.keys()) idOf(k);

  const bag = new EntityBag();
  const rels = new RelationBag();
  const mention = (x: { start: number; end: number; text: string; sentence: number }): Mention => ({
    start: x.start,
    end: x.end,
    text: x.text,
    sentenceIndex: x.sentence,
  });

  // 5. unit entities; references by level word resolve to the unit in focus
  const unitIds: Array<string | null> = m.units.map((u, idx) => {
    const key = mentionKey[idx] ?? (u.level === 'REGION' ? null : placeAt(u.sentence, u.level));
    if (!key) return null;
    const n = nodes.get(key)!;
    const aliases = u.name ? [u.text] : [];
    const lw = n.levelWord && n.level === 'PROVINCE' ? (n.placeLevelWord ?? n.levelWord) : n.levelWord;
    if (u.name && lw && n.level !== 'REGION') aliases.push(withLevel(lw, n.label));
    bag.add(n.id, 'AdministrativeUnit', n.level, n.label, aliases, mention(u));
    return n.id;
  });
  for (const n of nodes.values()) {
    if (!n.parentKey || !n.parentEvidence) continue;
    const parentId = nodes.get(n.parentKey)!.id;
    // a district is part of its province as it was before the reform (the gazetteer says so)
    if (n.level === 'DISTRICT' && parentId.endsWith(':2025')) continue;
    rels.add('PART_OF', n.id, parentId, n.parentEvidence);
  }

  const placePhrase = (key: string, style: 'bare' | 'level'): string => {
    const n = nodes.get(key)!;
    if (style === 'bare' || n.level === 'REGION') return n.label;
    const lw =
      (n.level === 'PROVINCE' ? n.placeLevelWord : null) ??
      n.levelWord ??
      n.placeLevelWord ??
      (n.level === 'PROVINCE' ? 'tỉnh' : n.level === 'DISTRICT' ? 'huyện' : 'xã');
    return withLevel(lw, n.label);
  };

  // 6. campaigns
  const campaignIds = m.campaigns.map((c) => {
    const id = campaignId(c.key);
    bag.add(id, 'Campaign', c.subtype, c.name, [c.text, ...c.aliases], mention(c));
    return id;
  });

  // 7. organizations
  const unitAtToken = new Map<number, number>();
  m.units.forEach((u, idx) => unitAtToken.set(u.tokStart, idx));
  /** Per organization mention: the key of its unit (written or in focus), null when unknown. */
  const orgPlaceKey: Array<string | null> = [];
  const orgIds = m.orgs.map((o) => {
    let placeKey: string | null = null;
    if (o.place !== null) {
      const pu = m.units[o.place]!;
      placeKey = mentionKey[o.place] ?? placeAt(o.sentence, pu.level);
    } else if (o.need === 'ANY' || o.need === 'PROVINCE' || o.need === 'DISTRICT' || o.need === 'COMMUNE') {
      placeKey = placeAt(o.sentence, o.need);
    }
    const placeId = placeKey ? nodes.get(placeKey)!.id : null;
    orgPlaceKey.push(placeKey);
    // a local body whose unit the text never names: its id is scoped to this article
    const local = !placeId && o.need !== 'NONE' && o.need !== 'EXPLICIT';
    const writtenLevel = o.place !== null && !m.units[o.place]!.name ? m.units[o.place]!.levelWord : null;
    const idFor = (base: string, level: string | null) =>
      local ? `${orgId(base, null)}:unnamed-${level ? slug(level) + '-' : ''}${idTail(articleIdValue)}` : orgId(base, placeId);
    const id = idFor(o.base, o.style === 'level' ? writtenLevel : null);
    const where = placeKey ? ` ${placePhrase(placeKey, o.style)}` : writtenLevel && o.style === 'level' ? ` ${writtenLevel}` : '';
    const aliases = o.text.includes('(') ? [] : [o.text];
    for (const v of o.baseVariants) aliases.push(`${v}${where}`);
    if (where) aliases.push(o.base);
    bag.add(id, 'Organization', o.subtype, `${o.base}${where}`, aliases, mention(o));
    // located in its place when the text writes the place or the head word implies its level
    const stated = o.place !== null || o.need === 'PROVINCE' || o.need === 'DISTRICT' || o.need === 'COMMUNE';
    if (placeId && stated) rels.add('LOCATED_IN', id, placeId, span(o));
    // "Nhà máy X (Từ Sơn, Bắc Ninh)", "Công ty X tại huyện Y"
    const paren = parenPlace.get(o.tokEnd);
    let loc: number | null = paren ?? null;
    if (loc === null) {
      const after = doc.tokens[o.tokEnd];
      if (after && (after.key === 'tại' || after.key === 'ở')) loc = unitAtToken.get(o.tokEnd + 1) ?? null;
    }
    if (loc !== null && !placeId) {
      const lk = mentionKey[loc];
      if (lk) rels.add('LOCATED_IN', id, nodes.get(lk)!.id, cover(o, m.units[loc]!));
    }
    if (o.parentBase && o.parentSpan) {
      const pid = idFor(o.parentBase, null);
      const pw = placeKey ? ` ${placePhrase(placeKey, 'bare')}` : '';
      bag.add(pid, 'Organization', o.subtype, `${o.parentBase}${pw}`, [o.parentBase], {
        start: o.parentSpan.start,
        end: o.parentSpan.end,
        text: doc.text.slice(o.parentSpan.start, o.parentSpan.end),
        sentenceIndex: o.sentence,
      });
      rels.add('PART_OF', id, pid, span(o));
    }
    if (o.campaign !== null) rels.add('RUNS', id, campaignIds[o.campaign]!, span(o));
    for (const c of o.embeddedCampaigns) if (RUN_SUBTYPES.has(m.campaigns[c]!.subtype) || m.campaigns[c]!.subtype === 'PROGRAM') rels.add('RUNS', id, campaignIds[c]!, span(o));
    return id;
  });

  const orgAtToken = new Map<number, number>();
  m.orgs.forEach((o, idx) => orgAtToken.set(o.tokStart, idx));
  m.orgs.forEach((o, idx) => {
    const p = o.partOfTok === null ? undefined : orgAtToken.get(o.partOfTok);
    if (p !== undefined) rels.add('PART_OF', orgIds[idx]!, orgIds[p]!, span(o));
  });

  // 7b. structure the genre takes for granted
  structuralRelations(doc, m, orgIds, orgPlaceKey, nodes, rels, ancestorAt);

  // 8. people
  const personIds = m.people.map((p) => {
    const id = personId(p.name);
    bag.add(id, 'Person', p.role, p.name, p.aliases, mention(p));
    if (p.org !== null) rels.add(p.leads ? 'LEADS' : 'MEMBER_OF', id, orgIds[p.org]!, cover(p, m.orgs[p.org]!));
    return id;
  });

  // 9. RUNS: the body a sentence is about runs the campaigns the sentence announces
  const agentOf = new Map<number, number>();
  m.orgs.forEach((o, idx) => {
    if (AGENT_SUBTYPES.has(o.subtype) && !o.source && !agentOf.has(o.sentence)) agentOf.set(o.sentence, idx);
  });
  const withBodies = new Set(m.orgs.map((o) => o.sentence));
  /** The body sentence before si in its section (captions skipped), or undefined. */
  const previousBodySentence = (si: number): number | undefined => {
    const here = doc.sentences[si]!;
    for (let k = si - 1; k >= 0; k--) {
      const p = doc.sentences[k]!;
      if (p.section !== here.section || p.role === 'title') return undefined;
      if (p.role === 'body') return k;
    }
    return undefined;
  };
  m.campaigns.forEach((c, ci) => {
    if (c.embedded || !RUN_SUBTYPES.has(c.subtype)) return;
    let a = agentOf.get(c.sentence);
    if (a !== undefined) {
      rels.add('RUNS', orgIds[a]!, campaignIds[ci]!, cover(m.orgs[a]!, c));
      return;
    }
    // a sentence that names no body continues the one before it ("… Hội CCB tỉnh … . Phong trào “…” …")
    if (withBodies.has(c.sentence) || doc.sentences[c.sentence]?.role !== 'body') return;
    const prev = previousBodySentence(c.sentence);
    a = prev === undefined ? undefined : agentOf.get(prev);
    if (a === undefined) return;
    const o = m.orgs[a]!;
    rels.add('RUNS', orgIds[a]!, campaignIds[ci]!, { start: o.start, end: c.end, sentenceIndex: c.sentence });
  });

  return {
    entities: bag.order,
    relations: rels.list,
    focusId: focusKey.map((k) => (k ? nodes.get(k)!.id : null)),
    unitBefore: (si, offset) => {
      let k: string | null | undefined;
      for (const c of resolvedCands[si] ?? []) if (c.start < offset) k = c.key;
      // a reference to a unit the text never names ("của tỉnh") stops the carried focus
      if (k === undefined) k = carryBefore[si] ?? focusKey[si] ?? null;
      return k ? nodes.get(k)!.id : null;
    },
    unitIds,
    orgIds,
    campaignIds,
    personIds,
  };
}
