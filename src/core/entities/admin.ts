// Administrative units: "tỉnh X", "thành phố X", "huyện/thị xã/quận X", "xã/phường/thị trấn X",
// "(District, Province)" parentheses, bare province names from the gazetteer, regions, and
// references by level word ("Toàn tỉnh", "của huyện") that point at the unit in focus.
import {
  canonicalUnitName,
  districtsNamed,
  DISTRICTS,
  nameKey,
  provinceByName,
  PROVINCES,
  REGIONS,
  type ProvinceEntry,
  type RegionEntry,
} from '../gazetteer.ts';
import { PhraseIndex, type Token } from '../tokens.ts';
import { toneKey } from '../text.ts';
import { FUNCTION_WORDS, LEVEL_WORDS, SURNAMES } from './lexicon.ts';
import { claim, type Doc, type SentenceInfo, type UnitLevel, type UnitMention } from './model.ts';

export { canonicalUnitName };

// Names compare by tone-normalised key: "Quang Bình" (a district) is not "Quảng Bình".
const PROVINCE_INDEX = new PhraseIndex<{ entry: ProvinceEntry; cityOnly: boolean }>('key');
/** Keys of every province spelling: such a name is never read as a bare district name. */
const PROVINCE_KEYS = new Set<string>();
for (const entry of PROVINCES) {
  for (const a of entry.aliases) PROVINCE_INDEX.add(a, { entry, cityOnly: false });
  for (const a of entry.cityOnly) PROVINCE_INDEX.add(a, { entry, cityOnly: true });
  for (const a of [...entry.aliases, ...entry.cityOnly]) PROVINCE_KEYS.add(nameKey(a));
}
/** Whether the region spelling needs no capital ("miền trung", "đồng bằng sông Cửu Long"). */
const REGION_INDEX = new PhraseIndex<{ entry: RegionEntry; multiword: boolean }>('key');
for (const r of REGIONS) for (const n of r.aliases) REGION_INDEX.add(n, { entry: r, multiword: /\s/.test(n) });
/** Every spelling of every district, so names capRun cannot read (M'Đrắk, Hoàng Su Phì) are found. */
const DISTRICT_INDEX = new PhraseIndex<true>('key');
for (const d of DISTRICTS) for (const a of d.aliases) DISTRICT_INDEX.add(a, true);
const LEVEL_INDEX = new PhraseIndex<{ phrase: string; level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'CITY' }>('key');
for (const l of LEVEL_WORDS) LEVEL_INDEX.add(l.phrase, l);

const MIEN = toneKey('miền');
const LOCATIVE = new Set(
  ['tại', 'ở', 'trong', 'ngoài', 'đến', 'tới', 'cho', 'về', 'từ', 'với', 'thuộc', 'giữa', 'khắp', 'sang', 'và'].map(toneKey),
);
/** Cues before a district named without its level word ("tại Nam Đàn"). */
const BARE_DISTRICT_CUES = new Set(['tại', 'ở'].map(toneKey));
const REFERENCE_VERBS = new Set(['có', 'đã', 'đạt', 'hiện', 'vừa', 'đang', 'luôn', 'còn', 'cũng', 'tiếp'].map(toneKey));
const REFERENCE_BEFORE = new Set(['toàn', 'cả', 'trong', 'của', 'khắp', 'toàn bộ'].map(toneKey));

const isWordCap = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.cap;

export function matchProvince(
  doc: Doc,
  i: number,
  end: number,
  afterCityWord: boolean,
): { entry: ProvinceEntry; length: number } | null {
  if (!PROVINCE_INDEX.starts(doc.tokens, i)) return null;
  const hit = PROVINCE_INDEX.match(doc.tokens, i, (v, from, to) => {
    if (to > end) return false;
    if (v.cityOnly && !afterCityWord) return false;
    for (let k = from; k < to; k++) {
      const t = doc.tokens[k]!;
      if (t.kind === 'word' && !t.cap) return false;
      if (doc.claimed[k]) return false;
    }
    return true;
  });
  return hit ? { entry: hit.value.entry, length: hit.length } : null;
}

/** End (exclusive) of a run of capitalised words starting at i; i when none. */
export function capRun(doc: Doc, i: number, end: number, max = 4, allowNumbers = false): number {
  const tk = doc.tokens;
  let k = i;
  while (k < end && k - i < max) {
    const t = tk[k]!;
    if (doc.claimed[k]) break;
    // "Quận 1", "Phường 3"
    if (t.kind === 'num' && allowNumbers && k === i && t.space && /^\d{1,2}$/.test(t.text) && (tk[k + 1]?.kind !== 'word' || tk[k + 1]!.key === 'và')) {
      k++;
      break;
    }
    if (!isWordCap(t) || t.allCaps) break;
    // "thành phố Lê Văn Đại": a full person's name is not a place name
    if (k === i && SURNAMES.has(t.key) && isWordCap(tk[k + 1]) && isWordCap(tk[k + 2]) && k + 2 < end) break;
    // a person's name after a place name: "huyện Nam Đàn Nguyễn Văn A"
    if (k - i >= 2 && SURNAMES.has(t.key) && isWordCap(tk[k + 1]) && k + 1 < end) break;
    if (k > i && !t.space) break;
    k++;
  }
  return k;
}

/** Length in tokens of a known district's name at i (0 when none). */
function knownDistrictAt(doc: Doc, i: number, end: number): number {
  const tk = doc.tokens;
  const t = tk[i];
  if (!t || t.kind !== 'word' || !t.cap || t.allCaps) return 0;
  if (!DISTRICT_INDEX.starts(tk, i)) return 0;
  const g = DISTRICT_INDEX.match(tk, i, (_v, from, to) => {
    if (to > end) return false;
    for (let k = from; k < to; k++) if (doc.claimed[k]) return false;
    return true;
  });
  return g ? g.length : 0;
}

/**
 * End (exclusive) of a unit's name after its level word: a run of capitalised words, or a known
 * district's name when that is at least as long; a known district followed by a province's name
 * ("huyện Nam Đàn Nghệ An") ends before the province.
 */
export function unitNameEnd(doc: Doc, i: number, end: number, max = 4, allowNumbers = false): number {
  const r = capRun(doc, i, end, max, allowNumbers);
  const known = knownDistrictAt(doc, i, end);
  if (known > 0 && i + known >= r) return i + known;
  for (let c = r - 1; c > i; c--) {
    const g = matchProvince(doc, c, r, false);
    if (g && c + g.length === r && (known === c - i || districtsNamed(doc.text.slice(doc.tokens[i]!.start, doc.tokens[c - 1]!.end), null).length > 0)) return c;
  }
  return r;
}

export interface LevelUnit {
  level: UnitLevel;
  levelWord: string;
  name: string | null;
  /** Token range of the whole mention (level word included). */
  from: number;
  to: number;
}

/** Parses "tỉnh Bắc Ninh", "thị xã Từ Sơn", "xã Nam Thanh", or a bare level word ("tỉnh"). */
export function parseLevelUnit(doc: Doc, i: number, end: number): LevelUnit | null {
  const tk = doc.tokens;
  if (!LEVEL_INDEX.starts(tk, i)) return null;
  const lv = LEVEL_INDEX.match(tk, i, (_v, from, to) => to <= end && (doc.claimed[from] ?? 0) === 0);
  if (!lv) return null;
  let j = i + lv.length;
  const levelWord = doc.text.slice(tk[i]!.start, tk[j - 1]!.end);
  if (lv.value.phrase === 'tp') {
    if (!tk[i]!.allCaps && tk[i]!.text !== 'Tp') return null;
    if (tk[j]?.text === '.') j++;
  }
  const lw = lv.value.phrase === 'tp' ? 'thành phố' : levelWord.toLowerCase();
  const kind = lv.value.level;
  if (kind === 'PROVINCE' || kind === 'CITY') {
    const g = matchProvince(doc, j, end, kind === 'CITY');
    // "thành phố Điện Biên Phủ": a city named longer than the province it starts with
    if (g && (kind === 'PROVINCE' || g.entry.city || knownDistrictAt(doc, j, end) <= g.length)) {
      const central = kind === 'PROVINCE' || g.entry.city;
      return {
        level: central ? 'PROVINCE' : 'DISTRICT',
        levelWord: central ? g.entry.levelWord : lw,
        name: central ? g.entry.name : `thành phố ${g.entry.name}`,
        from: i,
        to: j + g.length,
      };
    }
  }
  const level: UnitLevel = kind === 'PROVINCE' ? 'PROVINCE' : kind === 'COMMUNE' ? 'COMMUNE' : 'DISTRICT';
  // every province is in the gazetteer: "tỉnh" + another name is a reference followed by a name
  if (kind === 'PROVINCE') return { level, levelWord: lw, name: null, from: i, to: j };
  const numbered = lv.value.phrase === 'quận' || lv.value.phrase === 'phường';
  const r = unitNameEnd(doc, j, end, 4, numbered);
  if (r > j) {
    return { level, levelWord: lw, name: canonicalUnitName(doc.text.slice(tk[j]!.start, tk[r - 1]!.end)), from: i, to: r };
  }
  // a bare "thành phố" in a city's news is the city itself
  if (kind === 'CITY') return { level: 'PROVINCE', levelWord: lw, name: null, from: i, to: j };
  return { level, levelWord: lw, name: null, from: i, to: j };
}

function sentenceEnd(doc: Doc, i: number): number {
  const s = doc.sentences[doc.tokens[i]!.sentence];
  return s ? s.tokEnd : doc.tokens.length;
}

export function pushUnit(
  doc: Doc,
  units: UnitMention[],
  from: number,
  to: number,
  u: { level: UnitLevel; name: string | null; levelWord: string | null },
  opts: { focusable: boolean; inOrg?: boolean; parent?: number | null },
): number {
  const tk = doc.tokens;
  units.push({
    start: tk[from]!.start,
    end: tk[to - 1]!.end,
    text: doc.text.slice(tk[from]!.start, tk[to - 1]!.end),
    sentence: tk[from]!.sentence,
    tokStart: from,
    tokEnd: to,
    level: u.level,
    name: u.name,
    levelWord: u.levelWord,
    focusable: opts.focusable,
    parent: opts.parent ?? null,
    inOrg: opts.inOrg ?? false,
  });
  claim(doc, from, to);
  return units.length - 1;
}

/** Whether a unit mentioned at token i may be what the sentence is about. */
export function focusableAt(doc: Doc, i: number, s: SentenceInfo | undefined): boolean {
  if (!s || s.role === 'caption' || s.role === 'byline') return false;
  const prev = doc.tokens[i - 1];
  if (prev && prev.sentence === s.index) {
    if (LOCATIVE.has(prev.key) || prev.key === 'các' || prev.key === 'những' || prev.kind === 'num') return false;
    if (prev.text === '(') return false;
  }
  return true;
}

export interface UnitScan {
  /** Token index of "(" → unit mention index of the first place inside it. */
  parenPlace: Map<number, number>;
}

/** Parses "(Từ Sơn, Bắc Ninh)" / "(Nghệ An)" at token i (the "("). */
/** `childLevel`: the level of the units the parenthesis follows, so a bare name in it is their parent's. */
function parenthetical(doc: Doc, units: UnitMention[], i: number, end: number, scan: UnitScan, childLevel?: UnitLevel): number {
  const tk = doc.tokens;
  let close = -1;
  for (let k = i + 1; k < Math.min(end, i + 16); k++) {
    if (tk[k]!.text === ')') {
      close = k;
      break;
    }
  }
  if (close < 0) return i + 1;
  type Item = { from: number; to: number; level: UnitLevel | null; name: string; levelWord: string | null };
  const items: Item[] = [];
  let k = i + 1;
  while (k < close) {
    const lu = parseLevelUnit(doc, k, close);
    if (lu && lu.name) {
      items.push({ from: k, to: lu.to, level: lu.level, name: lu.name, levelWord: lu.levelWord });
      k = lu.to;
    } else {
      const g = matchProvince(doc, k, close, false);
      if (g && (k + g.length === close || tk[k + g.length]!.text === ',')) {
        items.push({ from: k, to: k + g.length, level: 'PROVINCE', name: g.entry.name, levelWord: null });
        k += g.length;
      } else {
        const r = unitNameEnd(doc, k, close, 4);
        if (r === k) return i + 1;
        items.push({ from: k, to: r, level: null, name: canonicalUnitName(doc.text.slice(tk[k]!.start, tk[r - 1]!.end)), levelWord: null });
        k = r;
      }
    }
    if (k < close) {
      if (tk[k]!.text !== ',' && tk[k]!.text !== '-') return i + 1;
      k++;
    }
  }
  if (items.length === 0) return i + 1;
  // the innermost item comes first; unknown names take the level below the next item's
  for (let n = items.length - 1; n >= 0; n--) {
    const it = items[n]!;
    if (it.level) continue;
    const next = items[n + 1];
    if (!next && childLevel && n === items.length - 1) {
      it.level = childLevel === 'COMMUNE' ? 'DISTRICT' : 'PROVINCE';
      continue;
    }
    if (!next || !next.level) return i + 1;
    it.level = next.level === 'PROVINCE' ? 'DISTRICT' : 'COMMUNE';
  }
  let parent: number | null = null;
  const idx: number[] = [];
  for (let n = items.length - 1; n >= 0; n--) {
    const it = items[n]!;
    parent = pushUnit(doc, units, it.from, it.to, { level: it.level!, name: it.name, levelWord: it.levelWord }, { focusable: false, parent });
    idx.unshift(parent);
  }
  scan.parenPlace.set(i, idx[0]!);
  return close + 1;
}

/** Finds unit mentions in every sentence, skipping tokens other recognisers claimed. */
export function recognizeUnits(doc: Doc, units: UnitMention[]): UnitScan {
  const tk = doc.tokens;
  const scan: UnitScan = { parenPlace: new Map() };
  for (const s of doc.sentences) {
    if (s.role === 'byline') continue;
    let i = s.tokStart;
    while (i < s.tokEnd) {
      const t = tk[i]!;
      if (doc.claimed[i] || doc.inCampaignName[i]) {
        i++;
        continue;
      }
      if (t.text === '(') {
        i = parenthetical(doc, units, i, s.tokEnd, scan);
        continue;
      }
      const lu = parseLevelUnit(doc, i, s.tokEnd);
      if (lu && lu.name) {
        const prev = tk[i - 1];
        const plural = !!prev && prev.sentence === s.index && (prev.key === 'các' || prev.key === 'những' || prev.kind === 'num');
        const first = pushUnit(doc, units, lu.from, lu.to, lu, { focusable: focusableAt(doc, i, s) });
        let k = lu.to;
        // "xã A, huyện B, tỉnh C": a chain names the parents
        let child = first;
        // (also without the comma: "xã Văn Xá huyện Kim Bảng")
        while (k + 1 < s.tokEnd && (tk[k]?.text === ',' || (tk[k]?.kind === 'word' && !doc.claimed[k]))) {
          const at = tk[k]!.text === ',' ? k + 1 : k;
          let up = parseLevelUnit(doc, at, s.tokEnd);
          // "phường Tân Khánh, TPHCM": a province named without its level word ends the chain
          if (!up && at === k + 1) {
            const g = matchProvince(doc, at, s.tokEnd, false);
            if (g) up = { level: 'PROVINCE', name: g.entry.name, levelWord: g.entry.levelWord, from: at, to: at + g.length };
          }
          if (!up || !up.name || rank(up.level) >= rank(units[child]!.level)) break;
          const p = pushUnit(doc, units, up.from, up.to, up, { focusable: false });
          units[child]!.parent = p;
          child = p;
          k = up.to;
        }
        // "các xã A, B, C": a list after a plural level word
        if (plural && child === first) {
          const items = [first];
          while (k < s.tokEnd && (tk[k]!.text === ',' || tk[k]!.key === 'và') && k + 1 < s.tokEnd) {
            const r = unitNameEnd(doc, k + 1, s.tokEnd, 4);
            if (r === k + 1 || parseLevelUnit(doc, k + 1, s.tokEnd)) break;
            items.push(pushUnit(doc, units, k + 1, r, { level: lu.level, name: canonicalUnitName(doc.text.slice(tk[k + 1]!.start, tk[r - 1]!.end)), levelWord: lu.levelWord }, { focusable: false }));
            k = r;
          }
          units[first]!.focusable = false;
          if (items.length > 1) for (const n of items) units[n]!.groupEnd = k;
        }
        i = k;
        continue;
      }
      if (lu && !lu.name && lu.level !== 'PROVINCE') {
        const end = countedList(doc, units, lu, s, scan) || pluralList(doc, units, lu, s, scan);
        if (end > 0) {
          i = end;
          continue;
        }
      }
      if (lu && !lu.name && (lu.level === 'PROVINCE' || lu.level === 'DISTRICT')) {
        const prev = tk[i - 1];
        const startOfSentence = i === s.tokStart && t.cap;
        const byContext = !!prev && prev.sentence === s.index && REFERENCE_BEFORE.has(prev.key);
        // "Đến nay, tỉnh có …": the level word as the subject of a clause
        const asSubject = !!prev && (prev.text === ',' || prev.text === ':') && REFERENCE_VERBS.has(tk[lu.to]?.key ?? '');
        if ((startOfSentence || byContext || asSubject) && lu.to - lu.from === 1) {
          const from = byContext && prev!.key === 'toàn' ? i - 1 : i;
          pushUnit(doc, units, from, lu.to, { level: lu.level, name: null, levelWord: lu.levelWord }, { focusable: s.role !== 'caption' });
          i = lu.to;
          continue;
        }
      }
      if (t.kind === 'word' && t.cap) {
        const g = matchProvince(doc, i, s.tokEnd, false);
        if (g) {
          const prev = tk[i - 1];
          const gluedToName = !!prev && prev.sentence === s.index && prev.kind === 'word' && prev.cap && !prev.allCaps && i - 1 !== s.tokStart;
          if (!gluedToName) {
            pushUnit(doc, units, i, i + g.length, { level: 'PROVINCE', name: g.entry.name, levelWord: null }, { focusable: focusableAt(doc, i, s) });
            i += g.length;
            continue;
          }
        }
      }
      if (t.kind === 'word' && REGION_INDEX.starts(tk, i)) {
        const r = REGION_INDEX.match(tk, i, (v, from, to) => {
          if (to > s.tokEnd) return false;
          for (let k = from + 1; k < to; k++) if (doc.claimed[k]) return false;
          const first = tk[from]!;
          if (first.cap || first.key === MIEN) return true;
          // "đồng bằng sông Cửu Long", "vùng Tây Bắc": a lower-case head before a proper name
          if (v.multiword) for (let k = from + 1; k < to; k++) if (tk[k]!.cap) return true;
          return false;
        });
        if (r) {
          pushUnit(doc, units, i, i + r.length, { level: 'REGION', name: r.value.entry.name, levelWord: null }, { focusable: false });
          i += r.length;
          continue;
        }
      }
      i++;
    }
  }
  recognizeBareDistricts(doc, units);
  return scan;
}

/** Words that introduce the names of counted units: "2 xã … là A và B", "3 huyện gồm: A, B, C". */
const LIST_CUES = new Set(['là', 'gồm'].map(toneKey));
const PLURAL_WORDS = new Set(['các', 'những'].map(toneKey));
const AND = toneKey('và');

/**
 * "2 xã được công nhận … là Phong Thạnh và Hòa Ân": a count of units of a level, then in the
 * same clause "là" / "gồm" / ":" and a list of as many capitalised names or fewer, ending the
 * clause. Each name is a unit of that level. Returns the token after the list, 0 when none.
 */
function countedList(doc: Doc, units: UnitMention[], lu: LevelUnit, s: SentenceInfo, scan: UnitScan): number {
  const tk = doc.tokens;
  const count = tk[lu.from - 1];
  if (!count || count.kind !== 'num' || count.sentence !== s.index || !/^\d{1,2}$/.test(count.text)) return 0;
  const n = Number(count.text);
  let k = lu.to;
  // the cue, within the clause
  for (; k < s.tokEnd && k - lu.to < 20; k++) {
    const t = tk[k]!;
    if (t.kind === 'num' || t.text === '.' || t.text === ';' || t.text === '(' || (!doc.claimed[k] && LEVEL_INDEX.starts(tk, k))) return 0;
    if (LIST_CUES.has(t.key) || t.text === ':') break;
  }
  if (k >= s.tokEnd || k - lu.to >= 20) return 0;
  k++;
  if (tk[k]?.text === ':' || tk[k]?.key === 'có') k++;
  const list = nameList(doc, units, k, s, scan, { max: n });
  if (!list) return 0;
  const { groups, stoppedAtUnit } = list;
  k = list.end;
  const after = tk[k];
  const listed = groups.reduce((c, g) => c + g.items.length, 0);
  // the list ends the clause, or a function word follows it ("3 xã: A, B, C với diện tích …")
  const ends = !after || after.kind === 'punct' || (listed === n && after.kind === 'word' && !after.cap && FUNCTION_WORDS.has(after.key));
  if (listed === 0 || listed > n || (!stoppedAtUnit && k < s.tokEnd && !ends)) return 0;
  pushGroups(doc, units, groups, lu);
  // a stop at a unit written in full leaves the separator before it to the caller
  return stoppedAtUnit ? k - (tk[k - 1]?.key === 'và' || tk[k - 1]?.text === ',' ? 1 : 0) : k;
}

/**
 * "tại các xã: Quan Sơn, Phú Lệ, Thiệu Tiến...": a plural level word, a colon and a list of
 * capitalised names that ends the clause. Each name is a unit of that level. Returns the token
 * after the list, 0 when none.
 */
function pluralList(doc: Doc, units: UnitMention[], lu: LevelUnit, s: SentenceInfo, scan: UnitScan): number {
  const tk = doc.tokens;
  const prev = tk[lu.from - 1];
  if (!prev || prev.sentence !== s.index || !PLURAL_WORDS.has(prev.key) || tk[lu.to]?.text !== ':') return 0;
  const list = nameList(doc, units, lu.to + 1, s, scan, { max: Infinity, childLevel: lu.level, semicolons: true });
  if (!list || list.stoppedAtUnit) return 0;
  const after = tk[list.end];
  const ends = !after || after.sentence !== s.index || after.kind === 'punct' || (after.kind === 'word' && !after.cap && FUNCTION_WORDS.has(after.key));
  if (!ends) return 0;
  pushGroups(doc, units, list.groups, lu);
  return list.end;
}

interface NameGroup {
  items: Array<[number, number]>;
  /** The token after the group, where a parenthesis names the parent of each item. */
  end: number;
}

/**
 * Capitalised names from k separated by "," / "và" (and ";" when `semicolons`), in groups each
 * maybe followed by a parenthesis naming their parent: "Đại Tân và Đại Chánh (huyện Đại Lộc), Tà
 * Bhing (Nam Giang)". At most `max` names; a unit written in full stops the list
 * (`stoppedAtUnit`), a lower-case word after a comma ends it before the comma. Null when no name
 * starts the list or a parenthesis is not a place.
 */
function nameList(
  doc: Doc,
  units: UnitMention[],
  k: number,
  s: SentenceInfo,
  scan: UnitScan,
  o: { max: number; childLevel?: UnitLevel; semicolons?: boolean },
): { groups: NameGroup[]; end: number; stoppedAtUnit: boolean } | null {
  const tk = doc.tokens;
  const groups: NameGroup[] = [];
  let items: Array<[number, number]> = [];
  let total = 0;
  let stoppedAtUnit = false;
  while (k < s.tokEnd && total <= o.max) {
    if (LEVEL_INDEX.starts(tk, k) && parseLevelUnit(doc, k, s.tokEnd)) {
      // "…, Tân Thành và xã Bình Xa là …": a unit written in full ends the list
      if (items.length === 0 && groups.length === 0) return null;
      stoppedAtUnit = true;
      break;
    }
    const r = unitNameEnd(doc, k, s.tokEnd, 4);
    if (r === k) {
      // "…, Thường Xuân và Lương Sơn, mỗi hộ …": the separator before a lower-case word ends the list
      if (items.length === 0 || tk[k - 1]!.text !== ',') return null;
      k--;
      break;
    }
    items.push([k, r]);
    total++;
    k = r;
    let sep = tk[k];
    if (sep?.text === '(' && sep.sentence === s.index) {
      groups.push({ items, end: k });
      items = [];
      const after = parenthetical(doc, units, k, s.tokEnd, scan, o.childLevel);
      if (after === k + 1) return null;
      k = after;
      sep = tk[k];
    }
    if (!sep || sep.sentence !== s.index || (sep.text !== ',' && sep.key !== AND && !(o.semicolons && sep.text === ';'))) break;
    k++;
    if (tk[k]?.key === AND) k++;
  }
  if (items.length > 0) groups.push({ items, end: k });
  if (groups.length === 0) return null;
  return { groups, end: k, stoppedAtUnit };
}

/** Each listed name is a unit of the list's level; a group's parenthesis names its parent. */
function pushGroups(doc: Doc, units: UnitMention[], groups: NameGroup[], lu: LevelUnit): void {
  const tk = doc.tokens;
  for (const g of groups) {
    for (const [from, to] of g.items) {
      const idx = pushUnit(doc, units, from, to, { level: lu.level, name: canonicalUnitName(doc.text.slice(tk[from]!.start, tk[to - 1]!.end)), levelWord: lu.levelWord }, { focusable: false });
      units[idx]!.groupEnd = g.end;
    }
  }
}

/**
 * "tại Nam Đàn": a district named without its level word, read only when the name is a known
 * district's and no other unit's (province or other district), a locative cue precedes it, it is
 * the whole run of capitalised words, and the article names the district's province.
 */
function recognizeBareDistricts(doc: Doc, units: UnitMention[]): void {
  const tk = doc.tokens;
  let provinces: Set<ProvinceEntry> | null = null;
  for (const s of doc.sentences) {
    if (s.role === 'byline') continue;
    for (let i = s.tokStart + 1; i < s.tokEnd; i++) {
      const t = tk[i]!;
      if (!t.cap || t.allCaps || t.kind !== 'word' || doc.claimed[i] || doc.inCampaignName[i]) continue;
      if (!BARE_DISTRICT_CUES.has(tk[i - 1]!.key) || doc.claimed[i - 1]) continue;
      const r = unitNameEnd(doc, i, s.tokEnd, 4);
      if (r === i || (tk[r] && tk[r]!.kind === 'word' && tk[r]!.cap)) continue;
      const name = canonicalUnitName(doc.text.slice(t.start, tk[r - 1]!.end));
      if (PROVINCE_KEYS.has(nameKey(name))) continue;
      const found = districtsNamed(name, null);
      if (found.length !== 1) continue;
      if (!provinces) {
        provinces = new Set();
        for (const u of units) {
          const p = u.level === 'PROVINCE' && u.name ? provinceByName(u.name) : undefined;
          if (p) provinces.add(p);
        }
      }
      const d = found[0]!;
      let named = provinces.has(d.province);
      if (!named && doc.afterReform) for (const p of provinces) if (p.continuedAs && p.continuedAs === d.province.successor) named = true;
      if (!named) continue;
      pushUnit(doc, units, i, r, { level: 'DISTRICT', name, levelWord: null }, { focusable: false });
      i = r - 1;
    }
  }
}

export function rank(level: UnitLevel): number {
  return level === 'REGION' ? 0 : level === 'PROVINCE' ? 1 : level === 'DISTRICT' ? 2 : 3;
}

export { sentenceEnd };
