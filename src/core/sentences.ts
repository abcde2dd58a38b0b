// Sentence splitting with offsets. A sentence never crosses a line. Boundaries: . ! ? … (and
// "...") followed by a capitalised word, a digit or a quote; a full stop glued to the next
// capitalised word ("năm.Tốc độ"); a free-standing " . ". Not boundaries: thousands dots
// (49.300), decimal commas (6,3), abbreviations (TP. , ThS.), initials, "..." before lower case.
import type { Span } from './types.ts';

const ABBREVIATIONS = new Set([
  'tp', 'tx', 'tt', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'ls', 'nxb', 'st', 'mr', 'mrs', 'dr', 'q', 'p', 'h', 'x',
]);

const isUpper = (ch: string | undefined) => ch !== undefined && /\p{Lu}/u.test(ch);
const isLower = (ch: string | undefined) => ch !== undefined && /\p{Ll}/u.test(ch);
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || (ch !== undefined && ch > '\u007f' && /\s/.test(ch));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '★', '-', '–', '—', '«']);
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»']);

const END_MARK = /[.!?…]/g;

function hasLetterOrDigit(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) return LETTER_OR_DIGIT.test(text.slice(s, e));
  }
  return false;
}

function wordBefore(text: string, end: number, from: number): string {
  let s = end;
  while (s > from && /[\p{L}\p{M}]/u.test(text[s - 1]!)) s--;
  return text.slice(s, end);
}

/** Splits text[span] into trimmed sentence spans. */
export function splitSentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let sentStart = span.start;
  const push = (end: number) => {
    let s = sentStart;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s && hasLetterOrDigit(text, s, e)) out.push({ start: s, end: e });
    else if (e > s && out.length > 0) out[out.length - 1]!.end = e; // stray punctuation joins the previous one
  };
  for (let i = span.start; i < span.end; i++) {
    // the next . ! ? or … (found natively)
    END_MARK.lastIndex = i;
    const found = END_MARK.exec(text);
    if (!found || found.index >= span.end) break;
    i = found.index;
    const ch = text[i]!;
    // extent of the punctuation run, with closing quotes/brackets
    let j = i;
    while (j < span.end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    while (j < span.end && CLOSERS.has(text[j]!)) j++;
    const run = text.slice(i, j);
    const ellipsis = run.includes('…') || run.includes('...');
    const next = text[j];
    let boundary = false;
    if (j >= span.end) boundary = true;
    else if (isSpace(next)) {
      let k = j;
      while (k < span.end && isSpace(text[k])) k++;
      const after = text[k];
      const freeStanding = ch === '.' && run === '.' && isSpace(text[i - 1]);
      if (freeStanding) boundary = true;
      else if (isUpper(after) || (after !== undefined && /\d/.test(after)) || OPENERS.has(after ?? '')) {
        if (ch === '.' && !ellipsis && run[0] === '.' && run.length === 1) {
          const w = wordBefore(text, i, span.start);
          const abbreviation = ABBREVIATIONS.has(w.toLowerCase()) || (w.length === 1 && isUpper(w));
          boundary = !abbreviation;
        } else boundary = true;
      }
    } else if (ch === '.' && run === '.' && (isLower(text[i - 1]) || /\d/.test(text[i - 1] ?? '')) && isUpper(next) && isLower(text[j + 1])) {
      boundary = true; // "năm.Tốc độ": a missing space after a full stop
    }
    if (boundary) {
      push(j);
      sentStart = j;
    }
    i = j - 1;
  }
  push(span.end);
  return out;
}
