// The number grammar of Vietnamese news: "49.300" = 49300 (dot groups thousands), "6,3" = 6.3
// (comma is the decimal mark), multipliers nghìn/ngàn (10³), triệu (10⁶), tỷ/tỉ (10⁹), money in
// đồng → unit "VND" with the full value, "%", qualifiers (hơn/trên → MORE_THAN, gần → NEARLY,
// khoảng/xấp xỉ/ước → ABOUT, dưới → LESS_THAN), fractions "23/23 xã", ranges "từ 500 đến 1.200
// con", per-unit money "36 triệu đồng/người". Years, dates, times, ordinals and identifiers
// ("số 05", "khóa XI", "Trung ương 4") are not quantities.
import { PhraseIndex, tokenize, type Token } from './tokens.ts';
import { toneKey } from './text.ts';
import type { Qualifier } from './types.ts';
import { TITLES, UNIT_STOP_WORDS } from './entities/lexicon.ts';

export interface Quantity {
  value: number;
  /** "VND", "USD", "%" or the counted noun phrase ("đảng viên", "héc ta"). */
  unit: string;
  qualifier: Qualifier;
  /** Offsets of the whole expression (qualifier … unit) in the text. */
  start: number;
  end: number;
  /** Token range of the expression and the token of the number itself. */
  tokStart: number;
  tokEnd: number;
  numTok: number;
}

/** "49.300" → 49300, "6,3" → 6.3, "25,125" → 25.125, "1.234,5" → 1234.5; null when not a number. */
export function parseVietNumber(s: string): number | null {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+\.\d{1,2}$/.test(s)) return Number(s); // an English-style decimal
  return null;
}

const MULTIPLIERS = new Map<string, number>([
  ['nghìn', 1e3], ['ngàn', 1e3], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9],
].map(([k, v]) => [toneKey(k as string), v as number]));

const QUALIFIERS = new PhraseIndex<Qualifier>('key');
for (const [p, q] of [
  ['hơn', 'MORE_THAN'], ['trên', 'MORE_THAN'], ['ngoài', 'MORE_THAN'],
  ['gần', 'NEARLY'], ['gần như', 'NEARLY'], ['suýt', 'NEARLY'],
  ['khoảng', 'ABOUT'], ['xấp xỉ', 'ABOUT'], ['ước', 'ABOUT'], ['ước tính', 'ABOUT'], ['ước đạt', 'ABOUT'],
  ['chừng', 'ABOUT'], ['khoảng chừng', 'ABOUT'], ['trung bình khoảng', 'ABOUT'],
  ['dưới', 'LESS_THAN'], ['chưa đến', 'LESS_THAN'], ['chưa tới', 'LESS_THAN'], ['không quá', 'LESS_THAN'],
  ['chưa đầy', 'LESS_THAN'], ['không đến', 'LESS_THAN'],
] as Array<[string, Qualifier]>) {
  QUALIFIERS.add(p, q);
}
const MAX_QUALIFIER_TOKENS = 2;

/** Units of measure: the counted noun ends right after them. */
const MEASURES = new PhraseIndex<string>('key');
for (const m of [
  'héc ta', 'hécta', 'ha', 'tấn', 'tạ', 'kg', 'km', 'm', 'm2', 'm3', 'mét', 'mét vuông', 'mét khối', 'lít', 'cây số',
  'con', 'ki-lô-mét', 'km2', 'MW', 'kWh', 'USD', 'ha/năm',
  // counted people of court news, whose first word is otherwise a function word
  'bị can', 'bị cáo', 'bị hại',
]) {
  MEASURES.add(m, m);
}

const DATE_CUES = new Set(['ngày', 'từ', 'đến', 'tới', 'hôm', 'sáng', 'chiều', 'tối', 'đêm', 'trưa', 'vào', 'đầu', 'cuối', 'mùng', 'mồng'].map(toneKey));
/** Words before a number that make it an ordinal, an identifier or a calendar item. */
const NOT_QUANTITY_BEFORE = new Set(
  ['số', 'thứ', 'khóa', 'lần', 'điều', 'khoản', 'chương', 'mục', 'tháng', 'ngày', 'năm', 'quý', 'kỳ', 'lúc', 'giờ',
    'phiên', 'đợt', 'tập', 'trang', 'hạng', 'cấp độ', 'level', 'mã', 'phòng', 'tổ', 'khu', 'lô', 'quốc lộ', 'tỉnh lộ',
    'đường', 'km', 'nghị định', 'quyết định', 'chỉ thị', 'nghị quyết', 'kết luận', 'thông tư', 'công văn', 'tờ trình',
    'khu phố', 'ấp', 'thôn', 'xóm', 'tổ dân phố', 'phường', 'quận', 'bản', 'mùng', 'mồng', 'top', 'covid'].map(toneKey),
);
/** First words of a "unit" that is really a duration or age. */
const DURATIONS = new Set(['năm', 'tháng', 'ngày', 'tuần', 'giờ', 'phút', 'giây', 'thập', 'kỳ', 'tuổi', 'lần', 'khóa', 'nhiệm', 'cấp'].map(toneKey));
const NOT_MONEY_AFTER_DONG = new Set(['chí', 'bào', 'bằng', 'đội', 'thời', 'hồ', 'nghiệp', 'ý', 'tâm', 'lòng', 'hành', 'tình', 'phục', 'loạt', 'minh', 'dao'].map(toneKey));

/**
 * Counted nouns the genre writes with a capital letter: titles ("33 Ủy viên", "3 Phó Bí thư")
 * and member nouns ("70 Đảng viên"). Other capitalised words after a number start a name.
 */
const CAPITALISED_COUNTED = new PhraseIndex<true>('key');
for (const [title] of TITLES) CAPITALISED_COUNTED.add(title, true);
for (const w of ['Đảng viên', 'Hội viên', 'Đoàn viên', 'Đại biểu', 'Ủy viên Ban Chấp hành', 'Cựu chiến binh']) CAPITALISED_COUNTED.add(w, true);
const HONORIFIC_TITLES = new Set(['đồng chí', 'ông', 'bà', 'anh', 'chị', 'cụ'].map(toneKey));
/** "cấp tỉnh", "cấp xã": the level of a counted thing, not part of its noun. */
const LEVEL_AFTER_CAP = new Set(['tỉnh', 'huyện', 'xã', 'cơ', 'thành', 'trung', 'phường', 'quận'].map(toneKey));

const isYear = (t: Token) => /^\d{4}$/.test(t.text) && Number(t.text) >= 1900 && Number(t.text) <= 2100;
const attached = (a: Token | undefined, b: Token | undefined) => !!a && !!b && !b.space && b.start === a.end;

export interface UnitParse {
  unit: string;
  end: number; // token index after the unit
}

/** Abbreviations of counted nouns common in the genre; articles may define more ("đảng viên (ĐV)"). */
export const UNIT_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['ĐV', 'đảng viên'], ['CCB', 'cựu chiến binh'], ['ĐVTN', 'đoàn viên thanh niên'], ['NLĐ', 'người lao động'],
]);

/** The unit after a number (after its multiplier), or null when there is none. */
export function unitAt(text: string, tk: Token[], k: number, limit: number, abbr: ReadonlyMap<string, string> = UNIT_ABBREVIATIONS): UnitParse | null {
  const t = tk[k];
  if (!t || k >= limit) return null;
  if (t.text === '%') return { unit: '%', end: k + 1 };
  if (t.key === 'phần' && tk[k + 1]?.key === 'trăm') return { unit: '%', end: k + 2 };
  if (t.key === 'đồng' && !NOT_MONEY_AFTER_DONG.has(tk[k + 1]?.key ?? '')) {
    let end = k + 1;
    // per-unit money: "đồng/người", "đồng/1 năm", "đồng/tháng"
    if (tk[end]?.text === '/' && attached(tk[end - 1], tk[end])) {
      let e = end + 1;
      if (tk[e]?.kind === 'num') e++;
      if (tk[e]?.kind === 'word') {
        e++;
        end = e;
      }
    }
    return { unit: 'VND', end };
  }
  if (t.text === 'USD' || (t.key === 'đô' && tk[k + 1]?.key === 'la')) return { unit: 'USD', end: t.text === 'USD' ? k + 1 : k + 2 };
  // "25 “Khu vui chơi thiếu nhi”": a counted thing named in quotes
  if (t.text === '“' || t.text === '"') {
    let c = k + 1;
    while (c < limit && c - k <= 8 && tk[c]!.kind === 'word') c++;
    if (c > k + 1 && c < limit && (tk[c]!.text === '”' || tk[c]!.text === '"')) return { unit: text.slice(tk[k + 1]!.start, tk[c - 1]!.end), end: c + 1 };
    return null;
  }
  if (t.kind === 'word' && t.cap && !t.allCaps) {
    const c = CAPITALISED_COUNTED.match(tk, k, (_v, _f, to) => to <= limit && !HONORIFIC_TITLES.has(tk[k]!.key));
    return c ? { unit: text.slice(t.start, tk[k + c.length - 1]!.end), end: k + c.length } : null;
  }
  if (t.kind !== 'word') return null;
  if (t.allCaps && tk[k + 1]?.kind === 'word' && !tk[k + 1]!.space) return null;
  const measure = MEASURES.starts(tk, k) ? MEASURES.match(tk, k, (_v, _f, to) => to <= limit) : null;
  if (measure) return { unit: text.slice(t.start, tk[k + measure.length - 1]!.end), end: k + measure.length };
  if (DURATIONS.has(t.key) || UNIT_STOP_WORDS.has(t.key)) return null;
  let e = k;
  const words: string[] = [];
  while (e < limit && e - k < 6) {
    const u = tk[e]!;
    if (u.kind !== 'word' || (u.cap && !u.allCaps) || UNIT_STOP_WORDS.has(u.key)) break;
    if (e > k && !u.space) break;
    if (e > k && u.key === 'cấp' && LEVEL_AFTER_CAP.has(tk[e + 1]?.key ?? '')) break;
    // "16 CCB", "178 hộ CCB nghèo": an abbreviation stands for its expansion
    words.push(u.allCaps ? (abbr.get(u.text) ?? u.text) : u.text);
    e++;
  }
  if (e === k) return null;
  return { unit: words.join(' '), end: e };
}

function qualifierBefore(tk: Token[], i: number, floor: number): { q: Qualifier; from: number } | null {
  for (let n = MAX_QUALIFIER_TOKENS; n >= 1; n--) {
    const from = i - n;
    if (from < floor) continue;
    const m = QUALIFIERS.starts(tk, from) ? QUALIFIERS.match(tk, from, (_v, _f, to) => to === i) : null;
    if (m) return { q: m.value, from };
  }
  return null;
}

export interface ScanOptions {
  /** Tokens that belong to names (e.g. "Công ty May 10"): numbers there are not quantities. */
  blocked?: (i: number) => boolean;
  /** Abbreviations of counted nouns (defaults to UNIT_ABBREVIATIONS). */
  abbreviations?: ReadonlyMap<string, string>;
}

/** Finds the quantities in tokens [from, to) (one sentence). */
export function scanQuantities(text: string, tk: Token[], from: number, to: number, opts: ScanOptions = {}): Quantity[] {
  const out: Quantity[] = [];
  let i = from;
  while (i < to) {
    const t = tk[i]!;
    if (t.kind !== 'num' || opts.blocked?.(i)) {
      i++;
      continue;
    }
    const prev = i > from ? tk[i - 1] : undefined;
    const next = tk[i + 1];
    // glued to a word: "COVID-19", "GMT+7", "F0", "1A" (but "khoảng150": a qualifier typed without its space)
    const gluedQualifier = !!prev && prev.kind === 'word' && !prev.cap && QUALIFIERS.match(tk, i - 1, (_v, _f, end) => end === i) !== null;
    if (prev && attached(prev, t) && !gluedQualifier && (prev.kind === 'word' || ((prev.text === '-' || prev.text === '+') && tk[i - 2]?.kind === 'word' && attached(tk[i - 2], prev)))) {
      i++;
      continue;
    }
    // "70m2", "5km": a unit of measure glued to its number
    const gluedMeasure = next && attached(t, next) && next.kind === 'word' && MEASURES.match(tk, i + 1, (_v, _f, to) => to === i + 2) !== null;
    if (next && attached(t, next) && next.kind === 'word' && !gluedMeasure) {
      i++;
      continue;
    }
    // times "19:57"
    if (next?.text === ':' && attached(t, next) && tk[i + 2]?.kind === 'num') {
      i += 3;
      continue;
    }
    if (prev && prev.kind === 'word') {
      // "số 5" names a number, "tổng số 9.825 căn" counts
      if (NOT_QUANTITY_BEFORE.has(prev.key) && !(prev.key === 'số' && tk[i - 2]?.key === 'tổng')) {
        i = skipCompound(tk, i);
        continue;
      }
      const p2 = tk[i - 2];
      if (p2 && i - 2 >= from && p2.kind === 'word' && NOT_QUANTITY_BEFORE.has(`${p2.key} ${prev.key}`)) {
        i = skipCompound(tk, i);
        continue;
      }
      // "Trung ương 4", "Chỉ thị 05": a number right after a name
      if (prev.cap && !prev.allCaps && i - 1 > from && !QUALIFIERS.match(tk, i - 1)) {
        i = skipCompound(tk, i);
        continue;
      }
    }
    // dates and year ranges: "18-11-2019", "17-10", "18/10", "2015-2020", "2015 - 2020"
    const sep = tk[i + 1];
    const b = tk[i + 2];
    const a = parseVietNumber(t.text);
    if (sep && b && b.kind === 'num' && (sep.text === '-' || sep.text === '–' || sep.text === '/')) {
      const tight = attached(t, sep) && attached(sep, b);
      const bv = parseVietNumber(b.text);
      if (isYear(t) && isYear(b)) {
        i += 3;
        continue;
      }
      if (tight && a !== null && bv !== null) {
        const third = tk[i + 4];
        const threePart = tk[i + 3] && attached(b, tk[i + 3]) && (tk[i + 3]!.text === sep.text) && third?.kind === 'num';
        const cue = !!prev && DATE_CUES.has(prev.key);
        const monthYear = sep.text === '/' && isYear(b);
        if (threePart || monthYear || (a >= 1 && a <= 31 && bv >= 1 && bv <= 12 && Number.isInteger(a) && Number.isInteger(bv) && (cue || sep.text !== '/'))) {
          if (sep.text !== '/' || threePart || monthYear || cue || !unitAt(text, tk, i + 3, to, opts.abbreviations)) {
            i += threePart ? 5 : 3;
            continue;
          }
        }
      }
    }
    if (isYear(t)) {
      const n = tk[i + 1];
      const keep = n && (n.text === '%' || MULTIPLIERS.has(n.key) || n.key === 'đồng');
      if (!keep) {
        i++;
        continue;
      }
    }
    if (a === null) {
      i++;
      continue;
    }
    const q = qualifierBefore(tk, i, from);
    const start = q ? tk[q.from]!.start : t.start;
    const tokStart = q ? q.from : i;
    // fraction "23/23 xã", "16/16 (100%) xã": the numerator counts the unit
    if (sep?.text === '/' && b?.kind === 'num' && attached(t, sep) && attached(sep, b)) {
      let k = i + 3;
      if (tk[k]?.text === '(') {
        let c = k + 1;
        while (c < to && c - k < 6 && tk[c]!.text !== ')') c++;
        if (tk[c]?.text === ')') {
          // the parenthesis may hold its own quantity ("(100%)")
          out.push(...scanQuantities(text, tk, k + 1, c, opts));
          k = c + 1;
        }
      }
      const u = unitAt(text, tk, k, to, opts.abbreviations);
      if (u) out.push({ value: a, unit: u.unit, qualifier: q?.q ?? 'EXACT', start, end: tk[u.end - 1]!.end, tokStart, tokEnd: u.end, numTok: i });
      i = Math.max(i + 3, u ? u.end : k);
      continue;
    }
    // multiplier(s): "12 nghìn", "1,5 nghìn tỷ"
    let k = i + 1;
    let mult = 1;
    while (k < to && MULTIPLIERS.has(tk[k]!.key)) {
      mult *= MULTIPLIERS.get(tk[k]!.key)!;
      k++;
    }
    // range: "từ 500 đến 1.200 con", "500-1.000 con"
    const rangeSep = tk[k];
    if (rangeSep && (rangeSep.key === 'đến' || rangeSep.key === 'tới' || rangeSep.text === '-' || rangeSep.text === '–') && tk[k + 1]?.kind === 'num') {
      const inner = scanQuantities(text, tk, k + 1, to, opts);
      const second = inner[0];
      if (second && second.numTok === k + 1) {
        const unitMult = mult === 1 ? secondMultiplier(tk, k + 1) : mult;
        out.push({ value: a * unitMult, unit: second.unit, qualifier: q?.q ?? 'EXACT', start, end: t.end, tokStart, tokEnd: i + 1, numTok: i });
        out.push(second);
        i = second.tokEnd;
        continue;
      }
    }
    let u = unitAt(text, tk, k, to, opts.abbreviations);
    // "hơn 26.400 (tăng 9,56% so với năm 2021) công trình": the unit after a parenthesis
    if (!u && tk[k]?.text === '(') {
      let c = k + 1;
      while (c < to && c - k < 14 && tk[c]!.text !== ')') c++;
      if (tk[c]?.text === ')') {
        u = unitAt(text, tk, c + 1, to, opts.abbreviations);
        if (u) out.push(...scanQuantities(text, tk, k + 1, c, opts));
      }
    }
    // "Số hội viên là Đảng viên có 213, hội viên dưới 60 tuổi có 126": a count that ends its clause
    // counts the member noun the clause opens with
    if (!u && mult === 1 && (prev?.key === 'có' || prev?.key === 'là') && (!tk[k] || tk[k]!.kind === 'punct')) u = clauseNoun(text, tk, from, i, opts.abbreviations);
    if (!u || (mult !== 1 && u.unit === '%')) {
      i = k;
      continue;
    }
    // "(4 m x 8m)": the sides of an area, not quantities of their own
    if (tk[u.end]?.key === 'x' && tk[u.end + 1]?.kind === 'num') {
      i = skipCompound(tk, u.end + 1);
      if (tk[i]?.kind === 'word' && attached(tk[i - 1], tk[i])) i++;
      else if (tk[i] && MEASURES.match(tk, i, (_v, _f, e) => e === i + 1)) i++;
      continue;
    }
    let end = u.end;
    let qualifier = q?.q ?? 'EXACT';
    if (tk[end]?.key === 'trở' && (tk[end + 1]?.key === 'lên' || tk[end + 1]?.key === 'xuống')) {
      if (!q) qualifier = tk[end + 1]!.key === 'lên' ? 'MORE_THAN' : 'LESS_THAN';
      end += 2;
    }
    out.push({ value: roundValue(a * mult), unit: u.unit, qualifier, start, end: tk[end - 1]!.end, tokStart, tokEnd: end, numTok: i });
    i = end;
  }
  return out;
}

/** Member nouns that may open a clause whose count follows without a unit. */
const CLAUSE_NOUNS = new Set(['hội viên', 'đảng viên', 'đoàn viên', 'thành viên', 'công nhân', 'người', 'hộ'].map(toneKey));

/** The member noun that opens the clause of the number at i ("[Số] hội viên … có 213"), with its end at i. */
function clauseNoun(text: string, tk: Token[], from: number, i: number, abbr: ReadonlyMap<string, string> | undefined): UnitParse | null {
  let c = i - 1;
  while (c > from && tk[c - 1]!.text !== ',' && tk[c - 1]!.text !== ';' && tk[c - 1]!.text !== ':') c--;
  if (tk[c]?.key === 'số') c++;
  const u = unitAt(text, tk, c, i, abbr);
  if (!u) return null;
  const noun = u.unit.split(' ').slice(0, 2).join(' ');
  return CLAUSE_NOUNS.has(toneKey(noun)) || CLAUSE_NOUNS.has(toneKey(u.unit.split(' ')[0]!)) ? { unit: noun.toLowerCase(), end: i + 1 } : null;
}

function secondMultiplier(tk: Token[], i: number): number {
  let m = 1;
  for (let k = i + 1; MULTIPLIERS.has(tk[k]?.key ?? ''); k++) m *= MULTIPLIERS.get(tk[k]!.key)!;
  return m;
}

/** Skips a number and anything glued to it ("05/2020", "4.0"). */
function skipCompound(tk: Token[], i: number): number {
  let k = i + 1;
  while (tk[k] && attached(tk[k - 1], tk[k]) && (tk[k]!.kind === 'num' || tk[k]!.text === '/' || tk[k]!.text === '-')) k++;
  return k;
}

/** Removes binary floating-point noise: 6.3 * 1e9 → 6300000000. */
function roundValue(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

/** Convenience for callers with a plain string (tests, tools). */
export function findQuantities(text: string): Quantity[] {
  const tk = tokenize(text);
  return scanQuantities(text, tk, 0, tk.length);
}
