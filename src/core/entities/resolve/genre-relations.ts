// Relations the genre takes for granted between the bodies of one article, and the campaigns
// a body runs because the sentence about it announces them.
import { toneKey } from '../../text.ts';
import { dominantBody, type Doc, type Mentions, type UnitLevel } from '../model.ts';
import { cover, sentenceSpan, type RelationBag } from './evidence.ts';
import { RUN_SUBTYPES, type Bodies } from './bodies.ts';
import type { UnitGraph } from './unit-graph.ts';

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

/** A club named after a mass organization's members is PART_OF that organization. */
export function clubRelations(doc: Doc, m: Mentions, { orgIds }: Bodies, rels: RelationBag): void {
  m.orgs.forEach((o, idx) => {
    const rest = /^(Câu lạc bộ|CLB)\s+(.*)$/u.exec(o.base)?.[2];
    if (!rest) return;
    const key = toneKey(rest);
    const hit = CLUB_MEMBERS.find(([w]) => key === w || key.startsWith(`${w} `));
    if (!hit) return;
    const parent = m.orgs.findIndex((p) => p.base === hit[1]);
    if (parent >= 0) rels.add('PART_OF', orgIds[idx]!, orgIds[parent]!, sentenceSpan(doc, o.sentence));
  });
}

/**
 * The party organization of a district ("Đảng bộ huyện X") or of a provincial body ("Đảng bộ
 * Công an tỉnh") is PART_OF the Tỉnh ủy of its province (they are "trực thuộc Tỉnh ủy").
 */
export function partyRelations(doc: Doc, m: Mentions, { orgIds, orgPlaceKey }: Bodies, units: UnitGraph, rels: RelationBag): void {
  const anyProvinceNamed = [...units.nodes.values()].some((n) => n.level === 'PROVINCE');
  /** The province of a body: its gazetteer code or name, "unnamed" when the text names none. */
  const provinceOf = (idx: number): string | null => {
    const pk = orgPlaceKey[idx] ?? null;
    if (!pk) return orgIds[idx]!.includes(':unnamed-') ? 'unnamed' : null;
    const n = units.node(pk);
    const p = units.ancestorAt(pk, 'PROVINCE' satisfies UnitLevel);
    if (p) return units.node(p).province?.code ?? p;
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
    rels.add('PART_OF', orgIds[idx]!, orgIds[c]!, cover(doc, o, m.orgs[c]!));
  });
}

/**
 * "Ngân hàng Chính sách xã hội chi nhánh TP.HCM" and "Ngân hàng Chính sách xã hội": a branch of
 * a national body named in the same article is PART_OF it.
 */
export function branchRelations(doc: Doc, m: Mentions, { orgIds, orgPlaceKey }: Bodies, rels: RelationBag): void {
  m.orgs.forEach((o, idx) => {
    if (o.need !== 'EXPLICIT' || orgPlaceKey[idx] === null) return;
    const national = m.orgs.findIndex((n, j) => n.base === o.base && n.need === 'EXPLICIT' && orgPlaceKey[j] === null && orgIds[j] !== orgIds[idx]);
    if (national >= 0) rels.add('PART_OF', orgIds[idx]!, orgIds[national]!, cover(doc, o, m.orgs[national]!));
  });
}

const AGENT_SUBTYPES = new Set(['PARTY', 'FRONT', 'STATE', 'MASS_ORGANIZATION']);
/** The article's subject for RUNS: a mass organization or Front body clearly named most often. */
const FRONT_AND_MASS = new Set(['FRONT', 'MASS_ORGANIZATION']);

/** The body a sentence is about runs the campaigns the sentence announces. */
export function runsRelations(doc: Doc, m: Mentions, { orgIds }: Bodies, campaignIds: string[], rels: RelationBag): void {
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
  const dominant = dominantBody(m.orgs, FRONT_AND_MASS, true) ?? undefined;
  m.campaigns.forEach((c, ci) => {
    const quotedProgram = c.subtype === 'PROGRAM' && OPEN_QUOTES.has(doc.text[c.start - 1] ?? '');
    if (c.embedded || !(RUN_SUBTYPES.has(c.subtype) || quotedProgram)) return;
    // "Quỹ Hỗ trợ nông dân", "Phong trào nông dân thi đua …": the organization of those members
    const members = membersBody(m, c);
    if (members !== undefined) {
      rels.add('RUNS', orgIds[members]!, campaignIds[ci]!, cover(doc, m.orgs[members]!, c));
      return;
    }
    let a = agentOf.get(c.sentence);
    if (a !== undefined) {
      rels.add('RUNS', orgIds[a]!, campaignIds[ci]!, cover(doc, m.orgs[a]!, c));
      return;
    }
    // a sentence that names no body continues the one before it ("… Hội CCB tỉnh … . Phong trào “…” …")
    if (withBodies.has(c.sentence) || doc.sentences[c.sentence]?.role !== 'body') return;
    const prev = previousBodySentence(c.sentence);
    a = prev === undefined ? undefined : agentOf.get(prev);
    // else the organization the article is about ("Phong trào “Tết vì người nghèo …” ngày càng …")
    if (a === undefined && dominant !== undefined && c.subtype !== 'PROGRAM') {
      rels.add('RUNS', orgIds[dominant]!, campaignIds[ci]!, { start: c.start, end: c.end, sentenceIndex: c.sentence });
      return;
    }
    if (a === undefined) return;
    const o = m.orgs[a]!;
    rels.add('RUNS', orgIds[a]!, campaignIds[ci]!, { start: o.start, end: c.end, sentenceIndex: c.sentence });
  });
}

const OPEN_QUOTES = new Set(['“', '"', '‘', "'"]);

/** The body whose members name a movement or fund, among the article's bodies: the nearest one named before it. */
function membersBody(m: Mentions, c: Mentions['campaigns'][number]): number | undefined {
  const name = ` ${toneKey(c.name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const hit = CLUB_MEMBERS.find(([w]) => name.includes(` ${w} `));
  if (!hit) return undefined;
  let best: number | undefined;
  m.orgs.forEach((o, idx) => {
    if (o.base !== hit[1] || o.source) return;
    if (best === undefined || (o.start < c.start && o.start > m.orgs[best]!.start) || (m.orgs[best]!.start > c.start && o.start < m.orgs[best]!.start)) best = idx;
  });
  return best;
}
