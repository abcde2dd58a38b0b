// Campaigns, movements, funds and programmes. Names are usually quoted after an announcing
// word: cuộc vận động “…”, phong trào (thi đua) “…”, Quỹ “…”, Tháng cao điểm “…”; a list of
// quoted names joined by , ; "và" "như:" inherits the announcing word. Without quotes, a
// capitalised announcing word followed by a phrase ("Phong trào toàn dân đoàn kết …") is a name
// too. The national target programmes (nông thôn mới, giảm nghèo bền vững) are known phrases.
import { PhraseIndex, type Token } from '../tokens.ts';
import { curlyQuotes, squash, toneKey } from '../text.ts';
import { FUNCTION_WORDS } from './lexicon.ts';
import type { CampaignMention, Doc, SentenceInfo } from './model.ts';
import { claim } from './model.ts';

interface Announcer {
  subtype: string;
  /** The announcing word is part of the proper name (Quỹ “X”, Tháng cao điểm X). */
  nameForming: boolean;
}

const ANNOUNCERS = new PhraseIndex<Announcer>('key');
for (const [p, subtype, nameForming] of [
  ['cuộc vận động', 'CAMPAIGN', false],
  ['phong trào', 'MOVEMENT', false],
  ['phong trào thi đua', 'EMULATION_MOVEMENT', false],
  ['quỹ', 'FUND', true],
  ['tháng cao điểm', 'CAMPAIGN', true],
  ['tháng hành động', 'CAMPAIGN', true],
  ['chiến dịch', 'CAMPAIGN', false],
  ['chương trình', 'PROGRAM', false],
  ['chương trình mục tiêu quốc gia', 'PROGRAM', false],
  ['nhà', 'CAMPAIGN', false],
  ['mô hình', 'PROGRAM', false],
] as Array<[string, string, boolean]>) {
  ANNOUNCERS.add(p, { subtype, nameForming });
}

interface Programme {
  name: string;
  key: string;
  aliases: string[];
  /** PROGRAM unless said otherwise. */
  subtype?: string;
}
const NTM: Programme = {
  name: 'Chương trình xây dựng nông thôn mới',
  key: 'xay-dung-nong-thon-moi',
  aliases: ['xây dựng nông thôn mới', 'nông thôn mới', 'NTM', 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới'],
};
const GNBV: Programme = {
  name: 'Chương trình giảm nghèo bền vững',
  key: 'giam-ngheo-ben-vung',
  aliases: ['Chương trình mục tiêu quốc gia giảm nghèo bền vững'],
};
const PROGRAMMES = new PhraseIndex<Programme>('key');
for (const p of [
  'chương trình mục tiêu quốc gia xây dựng nông thôn mới',
  'chương trình mục tiêu quốc gia về xây dựng nông thôn mới',
  'chương trình xây dựng nông thôn mới',
  'chương trình nông thôn mới',
  'xây dựng nông thôn mới',
  'nông thôn mới',
  'ntm',
]) {
  PROGRAMMES.add(p, NTM);
}
for (const p of ['chương trình mục tiêu quốc gia giảm nghèo bền vững', 'chương trình MTQG giảm nghèo bền vững', 'chương trình giảm nghèo bền vững']) {
  PROGRAMMES.add(p, GNBV);
}
// the third national target programme (2021–2025), written in full or with "DTTS"
const DTTS: Programme = {
  name: 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
  key: 'phat-trien-vung-dong-bao-dan-toc-thieu-so-va-mien-nui',
  aliases: ['Chương trình mục tiêu quốc gia phát triển vùng đồng bào dân tộc thiểu số và miền núi'],
};
for (const head of ['chương trình mục tiêu quốc gia', 'chương trình MTQG']) {
  for (const what of ['phát triển kinh tế - xã hội', 'phát triển kinh tế – xã hội', 'phát triển']) {
    for (const who of ['dân tộc thiểu số', 'DTTS']) PROGRAMMES.add(`${head} ${what} vùng đồng bào ${who} và miền núi`, DTTS);
  }
}

// the national months of action, named without quotes ("Tháng Nhân đạo vận động trên 3,4 tỷ đồng")
for (const name of ['Tháng Nhân đạo', 'Tháng Công nhân', 'Tháng Thanh niên', 'Tháng hành động vì trẻ em', 'Tháng hành động vì an toàn thực phẩm']) {
  PROGRAMMES.add(name, { name, key: name, aliases: [], subtype: 'CAMPAIGN' });
}

/** Verbs that end an unquoted name ("Chiến dịch hè triển khai …"). */
const PHRASE_VERBS = new Set(['triển', 'khai', 'tổ', 'chức', 'diễn', 'thu', 'hút', 'mang', 'đạt', 'tiếp', 'tục', 'góp', 'giúp', 'tạo', 'lan', 'tỏa'].map(toneKey));
/** Announcers that name a campaign only with a quoted name (nhà “Mái ấm …”). */
const QUOTED_ONLY = new Set(['nhà', 'mô'].map(toneKey));
const CONNECTORS = new Set([',', ';', ':', 'và', 'như', 'là', '-', '–', 'cùng'].map(toneKey));
const OPEN = new Set(['“', '"', "'", '‘']);
const CLOSE_OF: Record<string, string> = { '“': '”', '"': '"', "'": "'", '‘': '’' };
const CLOSERS = [...new Set(Object.values(CLOSE_OF))];
const MAX_NAME_TOKENS = 30;

interface Quote {
  open: number;
  close: number;
}

function quotesOf(doc: Doc, s: SentenceInfo): Quote[] {
  const tk = doc.tokens;
  const out: Quote[] = [];
  let any = false;
  for (let k = s.tokStart; k < s.tokEnd && !any; k++) any = tk[k]!.kind === 'punct' && OPEN.has(tk[k]!.text);
  if (!any) return out;
  // next position of each closing mark, so pairing stays linear
  const next = new Map<string, number[]>();
  for (const closer of CLOSERS) {
    const arr = new Array<number>(s.tokEnd - s.tokStart + 1);
    let n = s.tokEnd;
    for (let c = s.tokEnd - 1; c >= s.tokStart; c--) {
      arr[c - s.tokStart + 1] = n;
      if (tk[c]!.text === closer) n = c;
    }
    arr[0] = n;
    next.set(closer, arr);
  }
  let k = s.tokStart;
  while (k < s.tokEnd) {
    const t = tk[k]!;
    if (OPEN.has(t.text)) {
      const closer = CLOSE_OF[t.text]!;
      const c = next.get(closer)![k - s.tokStart + 1]!;
      if (c < s.tokEnd && c > k + 1) {
        out.push({ open: k, close: c });
        k = c + 1;
        continue;
      }
    }
    k++;
  }
  return out;
}

/** Announcer ending at token `last` (possibly followed by a few modifiers like "yêu nước"). */
function announcerBefore(tk: Token[], last: number, floor: number): { value: Announcer; from: number; to: number } | null {
  for (let s = last; s >= Math.max(floor, last - 5); s--) {
    const m = ANNOUNCERS.starts(tk, s) ? ANNOUNCERS.match(tk, s, (_v, _f, to) => to <= last + 1) : null;
    if (m) {
      // the words between the announcer and the quote must be plain modifiers
      for (let k = s + m.length; k <= last; k++) if (tk[k]!.kind !== 'word' || FUNCTION_WORDS.has(tk[k]!.key)) return null;
      return { value: m.value, from: s, to: s + m.length };
    }
    if (tk[s]!.kind !== 'word') break;
  }
  return null;
}

function push(doc: Doc, out: CampaignMention[], from: number, to: number, c: Omit<CampaignMention, 'start' | 'end' | 'text' | 'sentence' | 'tokStart' | 'tokEnd'>): number {
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
    name: c.name,
    key: c.key,
    subtype: c.subtype,
    aliases: c.aliases,
    embedded: c.embedded,
  });
  claim(doc, from, to);
  return out.length - 1;
}

const fundName = (content: string) => `Quỹ “${content}”`;

export function recognizeCampaigns(doc: Doc, out: CampaignMention[]): void {
  const tk = doc.tokens;
  for (const s of doc.sentences) {
    if (s.role === 'byline') continue;
    // 1. quoted names after an announcing word, and lists of them
    const quotes = quotesOf(doc, s);
    const subtypeAtClose = new Map<number, string>();
    for (const q of quotes) {
      const first = tk[q.open + 1]!;
      if (q.close - q.open - 1 > MAX_NAME_TOKENS || !(first.cap || first.kind === 'num')) continue;
      const content = squash(doc.text.slice(first.start, tk[q.close - 1]!.end));
      let a = announcerBefore(tk, q.open - 1, s.tokStart);
      let adjacent = a !== null && a.to === q.open;
      let subtype = a?.value.subtype ?? null;
      if (!a) {
        let k = q.open - 1;
        while (k >= s.tokStart && CONNECTORS.has(tk[k]!.key)) k--;
        if (k < q.open - 1) {
          const inherited = subtypeAtClose.get(k);
          if (inherited) subtype = inherited;
          else {
            a = announcerBefore(tk, k, s.tokStart);
            subtype = a?.value.subtype ?? null;
            adjacent = false;
          }
        }
      }
      if (!subtype) continue;
      subtypeAtClose.set(q.close, subtype);
      for (let k = q.open; k <= q.close; k++) doc.inCampaignName[k] = 1;
      if (subtype === 'FUND') {
        const from = adjacent && a ? a.from : q.open + 1;
        const to = adjacent ? q.close + 1 : q.close;
        push(doc, out, from, to, {
          name: fundName(content),
          key: content,
          subtype,
          aliases: [content, `Quỹ ${content}`],
          embedded: false,
        });
      } else if (adjacent && a && a.value.nameForming) {
        const ann = squash(doc.text.slice(tk[a.from]!.start, tk[a.to - 1]!.end));
        const name = `${ann} ${content}`;
        push(doc, out, a.from, q.close + 1, { name, key: name, subtype, aliases: [`${ann} “${content}”`], embedded: false });
      } else {
        const aliases: string[] = [];
        if (adjacent && a) aliases.push(`${squash(doc.text.slice(tk[a.from]!.start, tk[a.to - 1]!.end))} “${content}”`);
        push(doc, out, q.open + 1, q.close, { name: content, key: content, subtype, aliases, embedded: false });
      }
    }
    // 2. known national programmes, and 3. unquoted names after a capitalised announcer
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (doc.claimed[i] || doc.inCampaignName[i]) continue;
      const t = tk[i]!;
      const p = !PROGRAMMES.starts(tk, i) ? null : PROGRAMMES.match(tk, i, (v, from, to) => {
        if (to > s.tokEnd) return false;
        if (v === NTM && to - from === 1) return tk[from]!.text === 'NTM';
        return true;
      });
      if (p) {
        push(doc, out, i, i + p.length, { name: p.value.name, key: p.value.key, subtype: p.value.subtype ?? 'PROGRAM', aliases: p.value.aliases, embedded: false });
        i += p.length - 1;
        continue;
      }
      if (!t.cap) continue;
      const a = !ANNOUNCERS.starts(tk, i) ? null : ANNOUNCERS.match(tk, i, (_v, from, to) => to < s.tokEnd && !QUOTED_ONLY.has(tk[from]!.key));
      if (!a) continue;
      let k = i + a.length;
      const phraseStart = k;
      while (k < s.tokEnd && k - phraseStart < 12) {
        const u = tk[k]!;
        if (u.kind !== 'word' || doc.claimed[k] || ((FUNCTION_WORDS.has(u.key) || PHRASE_VERBS.has(u.key)) && !u.cap)) break;
        k++;
      }
      const n = k - phraseStart;
      const fund = a.value.subtype === 'FUND';
      const properStart = !!tk[phraseStart]?.cap;
      // a lower-case phrase is a name only after an announcer that opens the sentence
      if (n === 0 || (fund ? !properStart : n < 2) || (!properStart && i !== s.tokStart)) continue;
      const phrase = squash(doc.text.slice(tk[phraseStart]!.start, tk[k - 1]!.end));
      const ann = squash(doc.text.slice(t.start, tk[i + a.length - 1]!.end));
      if (fund) {
        push(doc, out, i, k, { name: fundName(phrase), key: phrase, subtype: 'FUND', aliases: [phrase, `Quỹ ${phrase}`], embedded: false });
      } else if (a.value.nameForming) {
        const name = `${ann} ${phrase}`;
        push(doc, out, i, k, { name, key: name, subtype: a.value.subtype, aliases: [`${ann} “${phrase}”`], embedded: false });
      } else {
        push(doc, out, i, k, { name: `${ann} ${phrase}`, key: phrase, subtype: a.value.subtype, aliases: [phrase], embedded: false });
      }
      i = k - 1;
    }
  }
  for (const s of doc.sentences) if (s.role !== 'byline') programmeList(doc, s, out);
  for (const c of out) c.name = curlyQuotes(c.name);
}

const PLURAL = new Set(['các', 'những'].map(toneKey));
const MAX_ITEM_TOKENS = 20;

/**
 * "3 chương trình: Hỗ trợ nhà ở cho người có công …; Xóa nhà tạm, nhà dột nát …": a counted
 * (or "các") programme word, a colon, and names that each start with a capital, separated by
 * semicolons up to the end of the sentence. With a count, there must be as many names.
 */
function programmeList(doc: Doc, s: SentenceInfo, out: CampaignMention[]): void {
  const tk = doc.tokens;
  for (let i = s.tokStart + 1; i + 2 < s.tokEnd; i++) {
    if (tk[i]!.key !== toneKey('chương') || tk[i + 1]!.key !== toneKey('trình') || tk[i + 2]!.text !== ':') continue;
    const before = tk[i - 1]!;
    const count = before.kind === 'num' && /^\d$/.test(before.text) ? Number(before.text) : PLURAL.has(before.key) ? 0 : -1;
    if (count < 0) continue;
    const items: Array<[number, number]> = [];
    let k = i + 3;
    while (k < s.tokEnd) {
      let e = k;
      while (e < s.tokEnd && tk[e]!.text !== ';' && !(tk[e]!.text === '.' && e === s.tokEnd - 1) && e - k < MAX_ITEM_TOKENS) e++;
      if (e - k < 3 || !tk[k]!.cap || e - k >= MAX_ITEM_TOKENS) return;
      for (let c = k; c < e; c++) if (doc.claimed[c] || doc.inCampaignName[c]) return;
      items.push([k, e]);
      if (tk[e]?.text !== ';') break;
      k = e + 1;
    }
    if (items.length < 2 || (count > 0 && items.length !== count)) continue;
    for (const [from, to] of items) {
      const name = squash(doc.text.slice(tk[from]!.start, tk[to - 1]!.end));
      push(doc, out, from, to, { name, key: name, subtype: 'PROGRAM', aliases: [`chương trình ${name[0]!.toLowerCase()}${name.slice(1)}`], embedded: false });
    }
  }
}
