// Tokenizer: words (letters), numbers (digits with inner "." and ","), single punctuation.
// Recognisers work on this token stream; every token keeps its offsets into the NFC text.
import { fold, toneKey } from './text.ts';

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  /** Position in the token array. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Lower case with normalised tone placement (see `toneKey`). */
  key: string;
  /** Lower case without diacritics. */
  fold: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Every letter is upper case (and there are at least two letters). */
  allCaps: boolean;
  /** Whitespace (or the start of the text) precedes the token. */
  space: boolean;
  /** Index of the sentence that holds the token, -1 when none (e.g. the date line). */
  sentence: number;
}

const TOKEN_RE = /([\p{L}\p{M}]+)|(\d+(?:[.,]\d+)*)|[^\s\p{L}\p{M}\d]/gu;
const UPPER_RE = /^\p{Lu}/u;
const LOWER_ANY_RE = /\p{Ll}/u;

interface WordInfo {
  key: string;
  fold: string;
  cap: boolean;
  allCaps: boolean;
}
/** Per distinct word: its keys and case (the vocabulary of the genre is small). */
const WORDS = new Map<string, WordInfo>();
function wordInfo(w: string): WordInfo {
  let info = WORDS.get(w);
  if (!info) {
    const cap = UPPER_RE.test(w);
    info = { key: toneKey(w), fold: fold(w), cap, allCaps: cap && w.length > 1 && !LOWER_ANY_RE.test(w) };
    if (WORDS.size > 100_000) WORDS.clear();
    WORDS.set(w, info);
  }
  return info;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const t = m[0];
    const start = m.index;
    const kind: TokenKind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'num' : 'punct';
    const w = kind === 'word' ? wordInfo(t) : null;
    out.push({
      i: out.length,
      start,
      end: start + t.length,
      text: t,
      key: w ? w.key : t,
      fold: w ? w.fold : t,
      kind,
      cap: w ? w.cap : false,
      allCaps: w ? w.allCaps : false,
      space: start === 0 || start > prevEnd,
      sentence: -1,
    });
    prevEnd = start + t.length;
  }
  return out;
}

/** Tokens of a dictionary phrase, as keys comparable with `Token.key`. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}

/** Tokens of a dictionary phrase, folded (diacritics removed). */
export function phraseFolds(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.fold);
}

/** True when tokens[i..] spell `keys` (by `Token.key`). */
export function matchKeys(tokens: Token[], i: number, keys: readonly string[]): boolean {
  if (i < 0 || i + keys.length > tokens.length) return false;
  for (let k = 0; k < keys.length; k++) if (tokens[i + k]!.key !== keys[k]) return false;
  return true;
}

/**
 * A dictionary of multi-token phrases, looked up at a token position; longest match wins.
 * `by` chooses whether tokens compare by tone-normalised key or by folded form.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Array<{ seq: string[]; value: T }>>();
  constructor(private readonly by: 'key' | 'fold' = 'key') {}

  add(phrase: string, value: T): this {
    const seq = this.by === 'key' ? phraseKeys(phrase) : phraseFolds(phrase);
    if (seq.length === 0) return this;
    const list = this.byFirst.get(seq[0]!) ?? [];
    list.push({ seq, value });
    list.sort((a, b) => b.seq.length - a.seq.length);
    this.byFirst.set(seq[0]!, list);
    return this;
  }

  /** Longest phrase starting at token i that satisfies `accept`; returns it and its token length. */
  match(
    tokens: Token[],
    i: number,
    accept?: (value: T, from: number, to: number) => boolean,
  ): { value: T; length: number } | null {
    const t = tokens[i];
    if (!t) return null;
    const list = this.byFirst.get(this.by === 'key' ? t.key : t.fold);
    if (!list) return null;
    for (const { seq, value } of list) {
      if (i + seq.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < seq.length; k++) {
        const u = tokens[i + k]!;
        if ((this.by === 'key' ? u.key : u.fold) !== seq[k]) {
          ok = false;
          break;
        }
      }
      if (ok && (!accept || accept(value, i, i + seq.length))) return { value, length: seq.length };
    }
    return null;
  }
}
