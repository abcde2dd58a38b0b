// What a figure measures, read from the words around its number: the verb or noun phrase that
// governs it in its clause ("vận động được 100 tỷ đồng" → RAISED), the predicate of the counted
// noun ("27 nghìn lao động được tạo việc làm" → BENEFICIARIES), or the counted noun itself
// ("434 tổ chức cơ sở đảng" → ORGANIZATIONS); whether the value is a rate ("36 triệu
// đồng/người", "mỗi hội viên 30 triệu đồng") and whether it is a level or a change of one
// ("tăng 9.428 đảng viên so với năm 2016"). Pure: tokens in, a reading per quantity out.
import { PhraseIndex, tokenize, type Token } from './tokens.ts';
import type { Quantity } from './numbers.ts';

/**
 * The controlled vocabulary of what a figure counts or pays. Sums are only meaningful within one
 * measure (and one unit): a province's loan capital, its loans and its donations are all VND.
 *
 * | measure | the value is … | typical words (→ after the counted noun) |
 * |---|---|---|
 * | `ADMITTED` | people admitted to the party or an association | kết nạp, phát triển (đảng viên), → được kết nạp; "đảng viên mới" |
 * | `RAISED` | money or help mobilised into a fund or campaign | vận động, quyên góp, huy động, ủng hộ (Quỹ …), tiếp nhận, đóng góp |
 * | `DONATED` | money or goods given out | trao tặng, trao, tặng, hỗ trợ, trợ giúp, chi, cứu trợ, hiến |
 * | `BUILT` | houses or works built or handed over | xây dựng mới, xây mới, cất mới, xây dựng, khởi công, bàn giao, → được xây mới |
 * | `REPAIRED` | houses or works repaired | sửa chữa, tu sửa |
 * | `LENT` | loans disbursed (a flow) | cho vay, giải ngân, doanh số cho vay |
 * | `OUTSTANDING` | loans outstanding (a stock) | dư nợ, tổng dư nợ (money only) |
 * | `CAPITAL` | a lender's funds | tổng nguồn vốn, nguồn vốn (money only) |
 * | `REPAID` | loans collected | thu nợ, doanh số thu nợ (money only) |
 * | `MEMBERS` | a membership level | tổng số / hiện có / nâng tổng số + đảng viên, hội viên, đoàn viên, thành viên |
 * | `BENEFICIARIES` | people or households that received help, loans or jobs | → được vay, vay vốn, được hỗ trợ, được trao, được tặng, hưởng lợi, được tạo việc làm, còn dư nợ; "cho N hộ"; a gift or loan verb counting people |
 * | `ESCAPED_POVERTY` | households that left poverty | thoát nghèo, giảm (được) N hộ nghèo |
 * | `RECOGNISED` | units or people that met a standard or won a title | đạt chuẩn, được công nhận, công nhận, đạt danh hiệu, được khen thưởng, được nhận bằng khen, hoàn thành xây dựng nông thôn mới; "xã nông thôn mới", "khu dân cư văn hóa" |
 * | `PARTICIPANTS` | people taking part | → tham gia, tham dự, đăng ký tham gia; "tình nguyện viên", "đại biểu" |
 * | `ORGANIZATIONS` | party and association bodies counted | "tổ chức cơ sở đảng", "đảng bộ", "chi bộ", "chi hội", "cơ sở hội", "câu lạc bộ" |
 * | `INCOME` | income (usually per person) | thu nhập, thu nhập bình quân (đầu người) |
 * | `SHARE` | a percentage of a whole | tỷ lệ / tỉ lệ …, chiếm (percentages only) |
 * | `TARGET_PROGRESS` | a percentage of a target reached | → chỉ tiêu, kế hoạch, so với nghị quyết / NQ (percentages only) |
 * | `OTHER` | anything else; `measurePhrase` keeps the governing words | |
 *
 * Beyond the suggested list: `INCOME`, `SHARE` and `TARGET_PROGRESS` name the three kinds of
 * value (per-person income, percentages of a whole, percentages of a plan) that the genre
 * reports most after the ones above, and that must never be added to amounts.
 */
export const FIGURE_MEASURES = [
  'ADMITTED',
  'RAISED',
  'DONATED',
  'BUILT',
  'REPAIRED',
  'LENT',
  'OUTSTANDING',
  'CAPITAL',
  'REPAID',
  'MEMBERS',
  'BENEFICIARIES',
  'ESCAPED_POVERTY',
  'RECOGNISED',
  'PARTICIPANTS',
  'ORGANIZATIONS',
  'INCOME',
  'SHARE',
  'TARGET_PROGRESS',
  'OTHER',
] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];

/** A level ("hiện có 49.300 đảng viên"), or a change of one ("tăng 9.428", "giảm 2%"). */
export const FIGURE_CHANGES = ['LEVEL', 'INCREASE', 'DECREASE'] as const;
export type FigureChange = (typeof FIGURE_CHANGES)[number];

export interface FigureReading {
  measure: FigureMeasure;
  /** The words of the text that decided the measure (or, for OTHER, that govern the number); null when there are none. */
  measurePhrase: string | null;
  /** What a rate is counted per ("người", "hộ", "năm", "người/năm"); null for an amount. */
  per: string | null;
  change: FigureChange;
}

/** When a cue applies: to money, to percentages, to counts, to member nouns, to poor households. */
type Condition = 'money' | 'percent' | 'count' | 'member' | 'poor';
/** WEAK: governs the number without saying what it measures ("có", "là", "đạt"); BLOCK: a phrase that only looks like a cue ("chi bộ"). */
type CueValue = { measure: FigureMeasure | 'WEAK' | 'BLOCK'; when?: Condition; total?: true };

const BEFORE = new PhraseIndex<CueValue>('key');
const AFTER = new PhraseIndex<CueValue>('key');

function cues(index: PhraseIndex<CueValue>, value: CueValue, phrases: string): void {
  for (const p of phrases.split(',')) index.add(p.trim(), value);
}

// Before the number, in its clause.
cues(BEFORE, { measure: 'ADMITTED' }, 'kết nạp, kết nạp được, kết nạp mới');
cues(BEFORE, { measure: 'ADMITTED', when: 'member' }, 'phát triển, phát triển được, phát triển mới');
cues(BEFORE, { measure: 'RAISED' }, 'vận động, vận động được, quyên góp, huy động, huy động được, ủng hộ, tiếp nhận, đóng góp, kêu gọi, xã hội hóa');
cues(BEFORE, { measure: 'DONATED' }, 'trao tặng, trao, tặng, tặng quà, trao quà, hỗ trợ, trao hỗ trợ, trợ giúp, chi, chi trả, chi hỗ trợ, cứu trợ, hiến, cấp thuốc, cấp phát, giúp đỡ');
cues(BEFORE, { measure: 'BUILT' }, 'xây dựng mới, xây mới, cất mới, làm mới, xây dựng, xây, khởi công, bàn giao, khánh thành, làm nhà, xây nhà');
cues(BEFORE, { measure: 'REPAIRED' }, 'sửa chữa, sữa chữa, tu sửa, sửa');
cues(BEFORE, { measure: 'LENT' }, 'cho vay, giải ngân, doanh số cho vay, cho vay mới, vay, vay vốn');
cues(BEFORE, { measure: 'OUTSTANDING', when: 'money' }, 'dư nợ, tổng dư nợ, dư nợ cho vay');
cues(BEFORE, { measure: 'CAPITAL', when: 'money' }, 'tổng nguồn vốn, nguồn vốn, tổng vốn');
cues(BEFORE, { measure: 'REPAID', when: 'money' }, 'thu nợ, doanh số thu nợ, thu hồi nợ');
cues(BEFORE, { measure: 'MEMBERS', when: 'member' }, 'tổng số, hiện có, nâng tổng số, đưa tổng số, có tổng số');
cues(BEFORE, { measure: 'ESCAPED_POVERTY', when: 'poor' }, 'giảm, giảm được');
cues(BEFORE, { measure: 'ESCAPED_POVERTY', when: 'count' }, 'thoát nghèo, giúp thoát nghèo, số hộ thoát nghèo');
cues(BEFORE, { measure: 'RECOGNISED' }, 'đạt chuẩn, được công nhận, công nhận, đạt danh hiệu, được khen thưởng, khen thưởng, được nhận bằng khen, được tặng bằng khen');
cues(BEFORE, { measure: 'PARTICIPANTS', when: 'count' }, 'thu hút sự tham gia của');
cues(BEFORE, { measure: 'INCOME' }, 'thu nhập, thu nhập bình quân, thu nhập bình quân đầu người');
cues(BEFORE, { measure: 'SHARE', when: 'percent' }, 'chiếm, tỷ lệ, tỉ lệ');
cues(BEFORE, { measure: 'WEAK' }, 'có, hiện có, còn, hiện còn, là, đạt, đạt được, với, gồm, lên, được, duy trì, thực hiện, thực hiện được');
// A total of a clause's list is governed by its first verb, not by the item next to it.
cues(BEFORE, { measure: 'WEAK', total: true }, 'tổng trị giá, tổng kinh phí, tổng số tiền, tổng giá trị, tổng cộng');
cues(BEFORE, { measure: 'WEAK' }, 'trị giá, kinh phí, số tiền, giá trị');
cues(BEFORE, { measure: 'BLOCK' }, 'chi bộ, chi hội, chi nhánh, chi đoàn, chi cục, chi ủy, chi tiết, chi phí, chi tiêu, trao đổi, sửa đổi, hỗ trợ cộng đồng, xây dựng nông thôn mới, xây dựng Đảng, có thể, có được');

// After the counted noun: the predicate of "N <noun> …".
cues(AFTER, { measure: 'BENEFICIARIES' }, 'được vay, được vay vốn, vay vốn, được hỗ trợ, được trao, được tặng, được nhận, được hưởng, hưởng lợi, được thụ hưởng, được tạo việc làm, có việc làm, được giải quyết việc làm, còn dư nợ, được giúp đỡ, được trợ giúp');
cues(AFTER, { measure: 'BUILT' }, 'được xây mới, được xây dựng, được xây dựng mới, được khởi công, được bàn giao');
cues(AFTER, { measure: 'REPAIRED' }, 'được sửa chữa');
cues(AFTER, { measure: 'RECOGNISED' }, 'được công nhận, công nhận, đạt chuẩn, đạt danh hiệu, được khen thưởng, được nhận bằng khen, được tặng bằng khen, hoàn thành xây dựng nông thôn mới, về đích nông thôn mới');
cues(AFTER, { measure: 'PARTICIPANTS' }, 'tham gia, tham dự, đăng ký tham gia');
cues(AFTER, { measure: 'ADMITTED' }, 'được kết nạp, đứng vào hàng ngũ, vinh dự đứng vào hàng ngũ, được vinh dự đứng vào hàng ngũ');
cues(AFTER, { measure: 'TARGET_PROGRESS', when: 'percent' }, 'chỉ tiêu, kế hoạch, so với nghị quyết, so với NQ, so với kế hoạch, so với chỉ tiêu, nghị quyết');

/** Counted nouns that name who receives (a gift or a loan counting them counts beneficiaries). */
const PEOPLE = new PhraseIndex<true>('key');
for (const p of (
  'người, hộ, lượt, học sinh, sinh viên, HSSV, hội viên, đoàn viên, đảng viên, thành viên, gia đình, trường hợp, ' +
  'đối tượng, bệnh nhân, cháu, em, trẻ em, lao động, khách hàng, địa chỉ, nạn nhân, cựu chiến binh, nông dân, phụ nữ, ' +
  'công nhân, thanh niên, đồng bào, thương binh, bệnh binh, giáo viên, ngư dân, cụ, đồng chí, người dân'
).split(',')) {
  PEOPLE.add(p.trim(), true);
}
/** Members of a party, union or association. */
const MEMBER_NOUNS = new PhraseIndex<true>('key');
// not "đồng chí": alone it counts people of any kind ("2 đồng chí Phó Bí thư")
for (const p of 'đảng viên, hội viên, đoàn viên, thành viên, công đoàn viên'.split(',')) MEMBER_NOUNS.add(p.trim(), true);
/** Bodies of the party and the associations, counted. */
const ORGANIZATION_NOUNS = new PhraseIndex<true>('key');
for (const p of (
  'tổ chức cơ sở đảng, tổ chức cơ sở, tổ chức đảng, đảng bộ, chi bộ, chi hội, cơ sở hội, tổ chức hội, tổ hội, ' +
  'chi đoàn, đoàn cơ sở, công đoàn cơ sở, câu lạc bộ'
).split(',')) {
  ORGANIZATION_NOUNS.add(p.trim(), true);
}
/** Counted nouns that are themselves a title or standard ("8 huyện nông thôn mới"). */
const RECOGNISED_IN_UNIT = ['nông thôn mới', 'văn hóa', 'văn hoá', 'kiểu mẫu', 'đạt chuẩn'];
const PARTICIPANT_NOUNS = ['tình nguyện viên', 'đại biểu', 'vận động viên', 'người tham gia', 'lượt người tham gia'];

/** Measures of giving or lending: counting people, they count who received. */
const GIVING = new Set<FigureMeasure>(['DONATED', 'LENT', 'BUILT', 'REPAIRED', 'RAISED']);
const CLAUSE_BREAKS = new Set([';', ':', '.', '!', '?']);
/** A preposition right before a count makes it a complement, not what the verb counts ("của 3 xã"). */
const COMPLEMENT_BEFORE = new Set(['của', 'tại', 'ở', 'thuộc']);
const MAX_POST_TOKENS = 14;
const MAX_PHRASE_TOKENS = 8;

const startsWith = (index: PhraseIndex<true>, phrase: string): boolean => {
  const tk = tokenize(phrase);
  return index.starts(tk, 0) && index.match(tk, 0) !== null;
};
const isMoney = (unit: string) => unit === 'VND' || unit === 'USD';

export interface ReadingInput {
  quantity: Quantity;
  /** The unit the figure is written with (the counted noun may have replaced a generic counter). */
  unit: string;
}

/**
 * Reads measure, per and change for the quantities of one sentence, in text order (a figure may
 * take the measure of the one it breaks down or compares: "603 đảng viên mới, trong đó: … 359
 * đồng chí", "25,125 tỷ đồng (tăng 5,02% …)").
 */
export function readFigures(
  text: string,
  tk: Token[],
  sentence: { tokStart: number; tokEnd: number },
  items: readonly ReadingInput[],
  blocked: (i: number) => boolean = () => false,
): FigureReading[] {
  const out: FigureReading[] = [];
  items.forEach((item, n) => {
    const earlier = items.slice(0, n).map((x, i) => ({ ...x, reading: out[i]! }));
    out.push(readOne(text, tk, sentence, item, earlier, blocked));
  });
  return out;
}

interface Earlier extends ReadingInput {
  reading: FigureReading;
}

function readOne(
  text: string,
  tk: Token[],
  sentence: { tokStart: number; tokEnd: number },
  { quantity: q, unit }: ReadingInput,
  earlier: readonly Earlier[],
  blocked: (i: number) => boolean,
): FigureReading {
  const span = (from: number, to: number) => text.slice(tk[from]!.start, tk[to - 1]!.end);
  const money = isMoney(unit);
  const percent = unit === '%';
  const member = startsWith(MEMBER_NOUNS, unit);
  const applies = (c: CueValue): boolean => {
    switch (c.when) {
      case undefined:
        return true;
      case 'money':
        return money;
      case 'percent':
        return percent;
      case 'count':
        return !money && !percent;
      case 'member':
        return member;
      case 'poor':
        return !money && !percent && unit.includes('nghèo') && !unit.includes('thoát');
    }
  };

  const sentenceClause = clauseStart(tk, sentence.tokStart, q.tokStart);
  // a percentage belongs to its own part of a list ("…, 100% thôn … đều có chi bộ")
  const lastBefore = earlier.filter((e) => e.quantity.tokEnd <= q.tokStart && e.quantity.tokEnd > sentenceClause).pop();
  const clause = percent && lastBefore ? lastBefore.quantity.tokEnd : sentenceClause;
  let change = changeBefore(tk, clause, q.tokStart);
  const per = perOf(text, tk, clause, q, unit, earlier, change);
  const done = (measure: FigureReading['measure'], measurePhrase: string | null, c: FigureChange = change): FigureReading => ({
    measure,
    measurePhrase,
    per,
    change: c,
  });

  // 1. The predicate of the counted noun: "N hộ được vay vốn", "N xã đạt chuẩn".
  if (!money) {
    const post = cueAfter(tk, q.tokEnd, sentence.tokEnd, applies);
    if (post) return done(post.value.measure as FigureMeasure, span(post.from, post.to));
    const next = tk[q.tokEnd];
    if (next?.key === 'thoát' && tk[q.tokEnd + 1]?.key === 'nghèo') return done('ESCAPED_POVERTY', span(q.tokEnd, q.tokEnd + 2));
  }
  // 2. A percentage of "tỷ lệ …" (the words after it say of what), or of a target ("… 52 ĐV mới, đạt 50,98%").
  if (percent) {
    for (let k = sentenceClause; k < q.tokStart; k++) {
      if ((tk[k]!.key === 'tỷ' || tk[k]!.key === 'tỉ') && tk[k + 1]?.key === 'lệ') return done('SHARE', shareOf(tk, span, k, q.tokStart));
    }
    const prev = tk[q.tokStart - 1];
    if (prev?.key === 'đạt' && lastBefore && lastBefore.unit !== '%') return done('TARGET_PROGRESS', span(q.tokStart - 1, q.tokStart));
  }
  // 3. Bodies counted.
  if (startsWith(ORGANIZATION_NOUNS, unit)) return done('ORGANIZATIONS', wordsBefore(tk, span, clause, q.tokStart, blocked));
  // 4. A complement ("của 3 xã", "tại 160 xã"): no verb counts it.
  const prev = tk[q.tokStart - 1];
  if (!money && prev && q.tokStart - 1 >= clause && COMPLEMENT_BEFORE.has(prev.key)) {
    return done('OTHER', wordsBefore(tk, span, clause, q.tokStart, blocked));
  }
  // 5. The governing verb or noun phrase before the number.
  const before = cueBefore(tk, clause, q.tokStart, applies, blocked);
  if (before.cue) {
    let measure = before.cue.value.measure as FigureMeasure;
    if (measure === 'ESCAPED_POVERTY') change = 'LEVEL'; // "giảm được 178 hộ nghèo": households that left poverty
    const forPeople = !money && !percent && startsWith(PEOPLE, unit);
    if (forPeople && (GIVING.has(measure) && (measure === 'DONATED' || measure === 'LENT' || prev?.key === 'cho'))) measure = 'BENEFICIARIES';
    return done(measure, span(before.cue.from, before.cue.to), change);
  }
  if (!money && !percent && prev?.key === 'cho' && startsWith(PEOPLE, unit)) return done('BENEFICIARIES', span(q.tokStart - 1, q.tokStart));
  // 6. A breakdown ("trong đó: …") or a comparison of an earlier figure takes its measure.
  const parent = breakdownParent(tk, clause, earlier) ?? (change !== 'LEVEL' || insideParenthesis(tk, clause, q.tokStart) ? modified(earlier, unit, tk, q) : null);
  if (parent) return done(parent.reading.measure, parent.reading.measurePhrase);
  // 7. The counted noun alone.
  const phrase = before.weak ? weakPhrase(tk, span, before.weak, clause, q.tokStart, blocked) : wordsBefore(tk, span, clause, q.tokStart, blocked);
  if (member) return done(/(^|\s)mới(\s|$)/.test(unit) ? 'ADMITTED' : 'MEMBERS', phrase);
  if (PARTICIPANT_NOUNS.some((p) => unit.startsWith(p))) return done('PARTICIPANTS', phrase);
  if (unit.includes('thoát nghèo')) return done('ESCAPED_POVERTY', phrase);
  if (RECOGNISED_IN_UNIT.some((p) => unit.includes(p))) return done('RECOGNISED', phrase);
  return done('OTHER', phrase ?? wordsAfter(tk, span, q.tokEnd, sentence.tokEnd));
}

/** First token of the clause that holds token `at`. */
function clauseStart(tk: Token[], from: number, at: number): number {
  for (let k = at - 1; k >= from; k--) if (CLAUSE_BREAKS.has(tk[k]!.text)) return k + 1;
  return from;
}

interface CueMatch {
  value: CueValue;
  from: number;
  to: number;
}

/**
 * The nearest cue that ends before the number (the first of the clause when the number is the
 * total of a list: "… với tổng trị giá 55,7 tỷ đồng", "… xây nhà tình thương… trên 10,3 tỷ
 * đồng"), and the nearest weak one, for the phrase.
 */
function cueBefore(
  tk: Token[],
  clause: number,
  limit: number,
  applies: (c: CueValue) => boolean,
  blocked: (i: number) => boolean,
): { cue: CueMatch | null; weak: CueMatch | null } {
  const found: CueMatch[] = [];
  const weaks: CueMatch[] = [];
  let total = tk[limit - 1]?.text === '…' || tk[limit - 1]?.text === '...';
  for (let k = limit - 1; k >= clause; k--) {
    if (blocked(k) || !BEFORE.starts(tk, k)) continue;
    const m = BEFORE.match(tk, k, (_v, _from, to) => to <= limit);
    if (!m) continue;
    const match = { value: m.value, from: k, to: k + m.length };
    if (m.value.measure === 'BLOCK') continue;
    if (m.value.measure === 'WEAK') {
      if (m.value.total && found.length === 0) total = true;
      if (found.length === 0) weaks.push(match);
      continue;
    }
    if (!applies(m.value)) continue;
    // a longer cue that ends here ("doanh số cho vay" around "cho vay")
    const longer = widen(tk, k, match.to, clause, applies, blocked);
    found.push(longer ?? match);
    if (!total) break;
  }
  // the run of such words right before the number: "duy trì được", "với tổng kinh phí là"
  let weak: CueMatch | null = weaks[0] ?? null;
  for (const w of weaks.slice(1)) {
    if (!weak || w.to < weak.from || w.from >= weak.from) break;
    weak = { value: weak.value, from: w.from, to: weak.to };
  }
  return { cue: found.length ? found[found.length - 1]! : null, weak };
}

function widen(tk: Token[], at: number, end: number, clause: number, applies: (c: CueValue) => boolean, blocked: (i: number) => boolean): CueMatch | null {
  for (let k = Math.max(clause, at - 3); k < at; k++) {
    if (blocked(k) || !BEFORE.starts(tk, k)) continue;
    const m = BEFORE.match(tk, k, (v, _from, to) => to === end && v.measure !== 'WEAK' && v.measure !== 'BLOCK' && applies(v));
    if (m) return { value: m.value, from: k, to: end };
  }
  return null;
}

/**
 * A predicate after the counted noun, before the next number or clause: commas and the nouns
 * of a list may come between ("2/15 phường, thị trấn đạt chuẩn"), and parentheses are skipped.
 */
function cueAfter(tk: Token[], from: number, to: number, applies: (c: CueValue) => boolean): CueMatch | null {
  let seen = 0;
  for (let k = from; k < to && seen < MAX_POST_TOKENS; k++, seen++) {
    const t = tk[k]!;
    if (t.text === '(') {
      while (k < to && tk[k]!.text !== ')') k++;
      continue;
    }
    if (CLAUSE_BREAKS.has(t.text) || t.text === ')' || t.kind === 'num') return null;
    if (!AFTER.starts(tk, k)) continue;
    const m = AFTER.match(tk, k, (v, _f, end) => end <= to && applies(v));
    if (m) return { value: m.value, from: k, to: k + m.length };
  }
  return null;
}

/** INCREASE after "tăng", DECREASE after "giảm"; "tăng lên", "giảm còn" name the new level. */
function changeBefore(tk: Token[], clause: number, at: number): FigureChange {
  const p1 = at - 1 >= clause ? tk[at - 1] : undefined;
  const p2 = at - 2 >= clause ? tk[at - 2] : undefined;
  const word = p1?.key === 'thêm' || p1?.key === 'được' ? p2 : p1;
  if (word?.key === 'tăng') return 'INCREASE';
  if (word?.key === 'giảm') return 'DECREASE';
  return 'LEVEL';
}

/**
 * What a rate is counted per: the unit after a slash in the quantity ("đồng/người",
 * "đồng/1 năm"), "mỗi <noun>" before it in its clause with no other number between, "đầu người";
 * a change of a rate is a rate of the same kind.
 */
function perOf(
  text: string,
  tk: Token[],
  clause: number,
  q: Quantity,
  unit: string,
  earlier: readonly Earlier[],
  change: FigureChange,
): string | null {
  const parts: string[] = [];
  const add = (p: string | null) => {
    if (p && !parts.includes(p)) parts.push(p);
  };
  let lastNumber = clause - 1;
  for (let k = clause; k < q.tokStart; k++) if (tk[k]!.kind === 'num') lastNumber = k;
  for (let k = clause; k < q.tokStart; k++) {
    if (tk[k]!.key === 'đầu' && tk[k + 1]?.key === 'người') add('người');
    if (tk[k]!.key === 'mỗi' && k > lastNumber && !NOT_PER.has(tk[k + 1]?.key ?? '')) add(nounAfter(text, tk, k + 1, q.tokStart));
  }
  for (let k = q.numTok + 1; k < q.tokEnd; k++) {
    if (tk[k]!.text !== '/' || tk[k - 1]!.key !== 'đồng') continue;
    const from = tk[k + 1]?.kind === 'num' ? k + 2 : k + 1;
    if (from < q.tokEnd) add(text.slice(tk[from]!.start, tk[q.tokEnd - 1]!.end));
  }
  if (parts.length === 0 && change !== 'LEVEL') {
    const parent = modified(earlier, unit, tk, q);
    if (parent?.reading.per && parent.unit === unit) return parent.reading.per;
  }
  return parts.length ? parts.join('/') : null;
}

/** "mỗi hội viên 30 triệu": the lower-case noun after "mỗi", up to three words. */
function nounAfter(text: string, tk: Token[], from: number, limit: number): string | null {
  let k = from;
  if (tk[k]?.key === 'một') k++;
  const start = k;
  while (k < limit && k - start < 3) {
    const t = tk[k]!;
    if (t.kind !== 'word' || t.cap || BEFORE.starts(tk, k) || STOP_AFTER_NOUN.has(t.key)) break;
    k++;
  }
  return k > start ? text.slice(tk[start]!.start, tk[k - 1]!.end) : null;
}
/** "mỗi khi", "mỗi lần": whenever, not per. */
const NOT_PER = new Set(['khi', 'lần', 'dịp', 'đợt', 'lúc', 'người']);
const STOP_AFTER_NOUN = new Set(['được', 'đã', 'sẽ', 'là', 'có', 'đạt', 'với', 'từ', 'khoảng', 'trên', 'hơn', 'gần', 'dưới', 'trung', 'bình']);

/** The figure a "trong đó: …" / "bao gồm: …" clause breaks down: the last figure before the marker. */
function breakdownParent(tk: Token[], clause: number, earlier: readonly Earlier[]): Earlier | null {
  const colon = tk[clause - 1];
  if (!colon || colon.text !== ':') return null;
  const a = tk[clause - 2]?.key;
  const b = tk[clause - 3]?.key;
  const marker = (b === 'trong' && a === 'đó') || a === 'gồm' || (b === 'bao' && a === 'gồm');
  if (!marker) return null;
  const at = tk[clause - 1]!.start;
  const before = earlier.filter((e) => e.quantity.end <= at);
  return before[before.length - 1] ?? null;
}

/** The earlier figure a change or a parenthesis refers to: the last one of the same unit, else (for a percentage) the last one. */
function modified(earlier: readonly Earlier[], unit: string, tk: Token[], q: Quantity): Earlier | null {
  const candidates = earlier.filter((e) => {
    for (let k = e.quantity.tokEnd; k < q.tokStart; k++) if (tk[k]!.text === ';') return false;
    return true;
  });
  const same = candidates.filter((e) => e.unit === unit);
  if (same.length) return same[same.length - 1]!;
  return unit === '%' ? (candidates[candidates.length - 1] ?? null) : null;
}

function insideParenthesis(tk: Token[], clause: number, at: number): boolean {
  for (let k = at - 1; k >= clause; k--) {
    if (tk[k]!.text === ')') return false;
    if (tk[k]!.text === '(') return true;
  }
  return false;
}

/** The words from `from` up to the number, at most `max` tokens (the last ones), without edge punctuation. */
function phraseFrom(tk: Token[], span: (a: number, b: number) => string, from: number, to: number, max: number): string | null {
  let a = Math.max(from, to - max);
  let b = to;
  while (a < b && tk[a]!.kind === 'punct') a++;
  while (b > a && tk[b - 1]!.kind === 'punct') b--;
  return b > a ? span(a, b) : null;
}

/** The words that lead to the number in its clause, after any name (for OTHER: what governs it, as written). */
function wordsBefore(tk: Token[], span: (a: number, b: number) => string, clause: number, to: number, blocked: (i: number) => boolean): string | null {
  let from = clause;
  for (let k = to - 1; k >= clause; k--) {
    if (blocked(k)) {
      from = k + 1;
      break;
    }
  }
  return phraseFrom(tk, span, from, to, MAX_PHRASE_TOKENS);
}

/**
 * The words of a weak cue up to the number; a lone copula ("là", "đạt", "có") takes the noun
 * phrase before it: "Tổng sản phẩm xã hội là", "toàn tỉnh có".
 */
function weakPhrase(tk: Token[], span: (a: number, b: number) => string, weak: CueMatch, clause: number, to: number, blocked: (i: number) => boolean): string | null {
  let from = weak.from;
  if (weak.to - weak.from === 1) {
    while (from > clause && weak.from - from < 6 && tk[from - 1]!.kind === 'word' && !blocked(from - 1)) from--;
  }
  return phraseFrom(tk, span, from, to, MAX_PHRASE_TOKENS);
}

/** Nothing leads to the number (a title, a list item): the words after it, up to the next number or clause. */
function wordsAfter(tk: Token[], span: (a: number, b: number) => string, from: number, to: number): string | null {
  let k = from;
  while (k < to && k - from < MAX_PHRASE_TOKENS && tk[k]!.kind !== 'num' && !CLAUSE_BREAKS.has(tk[k]!.text)) k++;
  return phraseFrom(tk, span, from, k, MAX_PHRASE_TOKENS);
}

/** "tỷ lệ hộ nghèo tại các xã": "tỷ lệ" and the words that say of what, up to the verb or the number. */
function shareOf(tk: Token[], span: (a: number, b: number) => string, from: number, to: number): string {
  let k = from + 2;
  while (k < to && k - from < 10) {
    const t = tk[k]!;
    if (t.kind !== 'word' || t.key === 'từ' || (BEFORE.starts(tk, k) && BEFORE.match(tk, k, (v, _f, end) => end <= to && v.measure !== 'BLOCK'))) break;
    k++;
  }
  return span(from, k);
}
