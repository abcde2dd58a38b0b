// The period a figure refers to: "nhiệm kỳ 2015-2020" → "2015-2020", "năm 2020" → "2020",
// "so với năm 2016" → "2016-<reference year>", "hiện có"/"đến nay"/"nay" → the reference year
// (the sentence's own year, else the article's). The nearest marker before the figure wins;
// else the nearest one after it in the same clause.
import type { Token } from './tokens.ts';
import { toneKey } from './text.ts';

type Marker =
  | { kind: 'year'; at: number; value: string }
  | { kind: 'compare'; at: number; year: number }
  | { kind: 'now'; at: number }
  | { kind: 'term'; at: number };

const isYearTok = (t: Token | undefined) =>
  !!t && /^\d{4}$/.test(t.text) && Number(t.text) >= 1900 && Number(t.text) <= 2100;
const NOW_AFTER_HIEN = new Set(['nay', 'có', 'đang', 'tại', 'còn'].map(toneKey));
const NOT_NOW_BEFORE = new Set(['thực', 'thể', 'xuất', 'phát', 'biểu'].map(toneKey));

export interface PeriodContext {
  /** Year of publication, or the year the article is about when it has no date. */
  refYear: number | null;
  /** The term ("2015-2020") the article speaks of, for "trong nhiệm kỳ", "đầu nhiệm kỳ". */
  term: string | null;
}

function markers(tk: Token[], from: number, to: number): Marker[] {
  const out: Marker[] = [];
  for (let i = from; i < to; i++) {
    const t = tk[i]!;
    if (isYearTok(t)) {
      const sep = tk[i + 1];
      const b = tk[i + 2];
      if (sep && (sep.text === '-' || sep.text === '–') && isYearTok(b) && i + 2 < to) {
        out.push({ kind: 'year', at: i, value: `${t.text}-${b!.text}` });
        i += 2;
        continue;
      }
      const p1 = tk[i - 1];
      const p2 = tk[i - 2];
      const p3 = tk[i - 3];
      const compare =
        (p1?.key === 'năm' && p2?.key === 'với' && p3?.key === 'so') ||
        (p1?.key === 'với' && p2?.key === 'so') ||
        (p1?.key === 'năm' && p2?.key === 'kỳ' && tk[i - 3]?.key === 'cùng');
      if (compare) out.push({ kind: 'compare', at: i, year: Number(t.text) });
      else if (p1?.key === 'năm' || p1?.key === 'đến' || p1?.key === 'trong') out.push({ kind: 'year', at: i, value: t.text });
      continue;
    }
    // "nay", "đến nay", "hiện nay", "hiện có" (but not "thực hiện")
    if (t.key === 'nay' || (t.key === 'hiện' && NOW_AFTER_HIEN.has(tk[i + 1]?.key ?? '') && !NOT_NOW_BEFORE.has(tk[i - 1]?.key ?? ''))) {
      out.push({ kind: 'now', at: i });
      continue;
    }
    if (t.key === 'nhiệm' && tk[i + 1]?.key === 'kỳ' && !isYearTok(tk[i + 2])) out.push({ kind: 'term', at: i });
  }
  return out;
}

const clauseBreak = (t: Token) => t.text === ';' || t.text === '.';
const cache = new WeakMap<object, Marker[]>();

export function periodOf(
  tk: Token[],
  sentence: { tokStart: number; tokEnd: number },
  figure: { tokStart: number; tokEnd: number },
  ctx: PeriodContext,
): string | null {
  let ms = cache.get(sentence);
  if (!ms) {
    ms = markers(tk, sentence.tokStart, sentence.tokEnd);
    cache.set(sentence, ms);
  }
  const ownYear = ms.find((m) => m.kind === 'year' && /^\d{4}$/.test(m.value));
  const ref = ownYear && ownYear.kind === 'year' ? Number(ownYear.value) : ctx.refYear;
  const value = (m: Marker): string | null => {
    switch (m.kind) {
      case 'year':
        return m.value;
      case 'now':
        return ref !== null ? String(ref) : null;
      case 'term':
        return ctx.term;
      case 'compare':
        return ref !== null && ref > m.year ? `${m.year}-${ref}` : String(m.year);
    }
  };
  // a comparison right after the figure, in the same clause
  for (const m of ms) {
    if (m.kind !== 'compare' || m.at < figure.tokEnd || m.at - figure.tokEnd > 8) continue;
    let broken = false;
    for (let k = figure.tokEnd; k < m.at; k++) if (clauseBreak(tk[k]!) || tk[k]!.kind === 'num') broken = true;
    if (!broken) return value(m);
  }
  let before: Marker | null = null;
  for (const m of ms) if (m.kind !== 'compare' && m.at < figure.tokStart) before = m;
  if (before) {
    const v = value(before);
    if (v) return v;
  }
  for (const m of ms) {
    if (m.kind === 'compare' || m.kind === 'now' || m.at < figure.tokEnd) continue;
    let broken = false;
    for (let k = figure.tokEnd; k < m.at; k++) if (clauseBreak(tk[k]!)) broken = true;
    if (!broken) return value(m);
    break;
  }
  return null;
}

/** The article's reference year and term, from the date line or the text. */
export function periodContext(tk: Token[], publishedAt: string | null, leadEnd: number): PeriodContext {
  let refYear = publishedAt ? Number(publishedAt.slice(0, 4)) : null;
  let term: string | null = null;
  for (let i = 0; i < tk.length; i++) {
    const t = tk[i]!;
    if (refYear === null && i < leadEnd && isYearTok(t) && tk[i - 1]?.key === 'năm') refYear = Number(t.text);
    if (term === null && t.key === 'kỳ' && tk[i - 1]?.key === 'nhiệm' && isYearTok(tk[i + 1]) && isYearTok(tk[i + 3])) {
      term = `${tk[i + 1]!.text}-${tk[i + 3]!.text}`;
    }
  }
  return { refYear, term };
}
