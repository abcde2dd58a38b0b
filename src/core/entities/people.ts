// People: a title followed (possibly through the body it heads) by a name — "Chủ tịch Ủy ban
// MTTQ tỉnh X Nguyễn Văn A", "Phó Thủ tướng Vương Đình Huệ", "đồng chí X, Bí thư …" —,
// photo credits ("Ảnh: THANH PHONG") and the byline at the end.
import { PhraseIndex, type Token } from '../tokens.ts';
import { titleCase, toneKey } from '../text.ts';
import { SURNAMES, TITLES, type TitleEntry } from './lexicon.ts';
import { claim, type Doc, type OrgMention, type PersonMention } from './model.ts';
import type { Span } from '../types.ts';

const TITLE_INDEX = new PhraseIndex<TitleEntry>('key');
for (const [p, e] of TITLES) TITLE_INDEX.add(p, e);
const BAN = toneKey('ban');
const HONORIFICS = new Set(['đồng chí', 'ông', 'bà', 'anh', 'chị', 'cụ']);
const NOT_NAMES = new Set(['pv', 'ctv', 'ttxvn', 'vna', 'nhóm', 'theo', 'bài', 'ảnh', 'nguồn', 'internet', 'tin']);

const isNameWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.cap && !t.allCaps;

/** End of a person's name (2–4 capitalised words, surname first) at i; i when none. */
function personName(doc: Doc, i: number, end: number): number {
  const tk = doc.tokens;
  const first = tk[i];
  if (!isNameWord(first) || !SURNAMES.has(first!.key) || doc.claimed[i]) return i;
  let k = i;
  while (k < end && k - i < 4 && isNameWord(tk[k]) && !doc.claimed[k] && (k === i || tk[k]!.space)) k++;
  return k - i >= 2 ? k : i;
}

function push(doc: Doc, out: PersonMention[], from: number, to: number, p: Omit<PersonMention, 'start' | 'end' | 'text' | 'sentence' | 'tokStart' | 'tokEnd'>): void {
  const tk = doc.tokens;
  const start = tk[from]!.start;
  const end = tk[to - 1]!.end;
  out.push({
    start,
    end,
    text: doc.text.slice(start, end),
    sentence: tk[from]!.sentence,
    tokStart: from,
    tokEnd: to,
    name: p.name,
    role: p.role,
    aliases: p.aliases,
    org: p.org,
    leads: p.leads,
  });
  claim(doc, from, to);
}

export function recognizePeople(doc: Doc, people: PersonMention[], orgs: OrgMention[]): void {
  const tk = doc.tokens;
  const orgAt = new Map<number, number>();
  orgs.forEach((o, idx) => orgAt.set(o.tokStart, idx));
  /** The body named after a title ending at k; "Trưởng Ban" + "Ban Tuyên giáo …" share the word "Ban". */
  const orgAfterTitle = (k: number): number | undefined => orgAt.get(k) ?? (tk[k - 1]?.key === BAN ? orgAt.get(k - 1) : undefined);
  for (const s of doc.sentences) {
    if (s.role === 'byline') continue;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (doc.claimed[i]) continue;
      if (!TITLE_INDEX.starts(tk, i)) continue;
      const m = TITLE_INDEX.match(tk, i, (_v, from, to) => to <= s.tokEnd && !doc.claimed[from]);
      if (!m) continue;
      const honorific = HONORIFICS.has(m.value.role);
      let j = i + m.length;
      let org: number | null = orgAfterTitle(j) ?? null;
      if (org !== null) j = orgs[org]!.tokEnd;
      if (tk[j]?.text === ',' && !honorific) j++;
      const hon = TITLE_INDEX.match(tk, j, (v) => HONORIFICS.has(v.role));
      if (hon && !honorific) j += hon.length;
      const e = personName(doc, j, s.tokEnd);
      if (e === j) continue;
      const name = doc.text.slice(tk[j]!.start, tk[e - 1]!.end);
      let role = honorific ? '' : doc.text.slice(tk[i]!.start, tk[i + m.length - 1]!.end);
      let leads = !honorific && m.value.leads;
      // "đồng chí X, Bí thư Tỉnh ủy …", "chị X - Bí thư …", "ông X làm Phó Chủ tịch …"
      const link = tk[e];
      if (honorific && link && (link.text === ',' || link.text === '-' || link.text === '–' || link.key === 'làm')) {
        const t2 = TITLE_INDEX.match(tk, e + 1, (v) => !HONORIFICS.has(v.role));
        if (t2) {
          role = doc.text.slice(tk[e + 1]!.start, tk[e + t2.length]!.end);
          leads = t2.value.leads;
          let k = e + 1 + t2.length;
          // "Phó Chủ tịch chuyên trách UBMTTQ …"
          for (let n = 0; n < 2 && orgAfterTitle(k) === undefined && tk[k]?.kind === 'word' && !tk[k]!.cap; n++) k++;
          org = orgAfterTitle(k) ?? null;
        }
      }
      const aliases = role && org === null ? [`${role} ${name}`] : [];
      push(doc, people, j, e, { name, role: role || 'person', aliases, org, leads });
      // "…, Nguyễn Thị A, Phó Trưởng Ban vận động …": a second title after the name
      if (!honorific && (link?.text === ',' || link?.text === '-')) {
        const t3 = TITLE_INDEX.match(tk, e + 1, (v) => !HONORIFICS.has(v.role));
        const org3 = t3 ? orgAfterTitle(e + 1 + t3.length) : undefined;
        if (t3 && org3 !== undefined) {
          const role3 = doc.text.slice(tk[e + 1]!.start, tk[e + t3.length]!.end);
          const p0 = people[people.length - 1]!;
          people.push({ ...p0, role: role3, aliases: [], org: org3, leads: t3.value.leads });
        }
      }
      i = e - 1;
    }
  }
}

/** Names in a photo credit or byline ("THANH PHONG", "Lê Xuân", "MINH ANH - THU HÀ"). */
export function namesInCredit(doc: Doc, span: Span): Array<{ from: number; to: number }> {
  const tk = doc.tokens;
  const out: Array<{ from: number; to: number }> = [];
  let lo = 0;
  let hi = tk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tk[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  let from = -1;
  const flush = (to: number) => {
    if (from >= 0 && to - from >= 2 && to - from <= 4) {
      const words = tk.slice(from, to);
      if (words.every((w) => !NOT_NAMES.has(w.key)) && (words.every((w) => w.allCaps) || words.every((w) => w.cap && !w.allCaps))) {
        out.push({ from, to });
      }
    }
    from = -1;
  };
  for (; k < tk.length && tk[k]!.end <= span.end; k++) {
    const t = tk[k]!;
    if (t.kind === 'word' && t.cap) {
      if (from < 0) from = k;
    } else flush(k);
  }
  flush(k);
  return out;
}

export function recognizeCredits(doc: Doc, people: PersonMention[], credits: Span[], byline: Span | null): void {
  const tk = doc.tokens;
  const add = (span: Span, role: string) => {
    for (const { from, to } of namesInCredit(doc, span)) {
      const surface = doc.text.slice(tk[from]!.start, tk[to - 1]!.end);
      const name = tk[from]!.allCaps ? titleCase(surface) : surface;
      push(doc, people, from, to, { name, role, aliases: surface !== name ? [surface] : [], org: null, leads: false });
    }
  };
  for (const c of credits) add(c, 'photographer');
  if (byline) add(byline, 'reporter');
}
