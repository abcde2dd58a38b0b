// Tokenizer: words (letters), numbers (digits with inner "." and ","), single punctuation.
// Recognisers work on this token stream; every token keeps its offsets into the NFC text.
import { fold, toneKey } from './text.ts';

export type TokenKind = 'word' | 'num' | 'punct';

/** What every token of one spelling shares (one record per distinct word, number or mark). */
export interface Lexeme {
  /** The spelling (one shared string per distinct spelling). */
  text: string;
  /** Lower case with normalised tone placement (see `toneKey`). */
  key: string;
  /** Lower case without diacritics. */
  fold: string;
  /** Integer id of `key` (see `keyId`; -1 for a number no dictionary holds). */
  kid: number;
  /** Integer id of `fold` (see `foldId`; -1 for a number no dictionary holds). */
  fid: number;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Every letter is upper case (and there are at least two letters). */
  allCaps: boolean;
}

/**
 * One token: its offsets, whether white space precedes it, its sentence, and its lexeme, whose
 * fields it exposes (a token is small: the text of a typical article makes hundreds of them).
 */
export class Token {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly lex: Lexeme,
    /** Whitespace (or the start of the text) precedes the token. */
    readonly space: boolean,
    /** Index of the sentence that holds the token, -1 when none (e.g. the date line). */
    public sentence: number,
  ) {}
  get text(): string {
    return this.lex.text;
  }
  get key(): string {
    return this.lex.key;
  }
  get fold(): string {
    return this.lex.fold;
  }
  get kid(): number {
    return this.lex.kid;
  }
  get fid(): number {
    return this.lex.fid;
  }
  get kind(): TokenKind {
    return this.lex.kind;
  }
  get cap(): boolean {
    return this.lex.cap;
  }
  get allCaps(): boolean {
    return this.lex.allCaps;
  }
}

const UPPER_RE = /^\p{Lu}/u;
const LOWER_ANY_RE = /\p{Ll}/u;
const LETTER_OR_MARK_RE = /^[\p{L}\p{M}]+$/u;

// Integer ids of keys and folds, so dictionaries compare numbers instead of strings.
/** Lexemes of numbers seen (they change when a dictionary phrase gives a number an id). */
const NUMS = new Map<string, Lexeme>();
const KEY_IDS = new Map<string, number>();
const FOLD_IDS = new Map<string, number>();
/** Id of a tone-normalised key (`Token.key`); the same string always gets the same id. */
export function keyId(key: string): number {
  let id = KEY_IDS.get(key);
  if (id === undefined) {
    KEY_IDS.set(key, (id = KEY_IDS.size + 1));
    NUMS.delete(key); // a number a dictionary now holds gets its id
  }
  return id;
}
/** Id of a folded form (`Token.fold`). */
export function foldId(f: string): number {
  let id = FOLD_IDS.get(f);
  if (id === undefined) {
    FOLD_IDS.set(f, (id = FOLD_IDS.size + 1));
    NUMS.delete(f);
  }
  return id;
}

function makeLexeme(w: string): Lexeme {
  const cap = UPPER_RE.test(w);
  const key = toneKey(w);
  const f = fold(w);
  return { text: w, key, fold: f, kid: keyId(key), fid: foldId(f), kind: 'word', cap, allCaps: cap && w.length > 1 && !LOWER_ANY_RE.test(w) };
}

/**
 * Distinct words seen so far, found by a hash of their characters computed while scanning, so a
 * known word costs no substring and no string hashing (the vocabulary of the genre is small).
 */
let tableSize = 1 << 12;
let tableWords: Array<Lexeme | undefined> = new Array(tableSize);
let tableHashes = new Int32Array(tableSize);
let tableCount = 0;
const TABLE_MAX = 1 << 18;

function lookupWord(text: string, start: number, end: number, hash: number): Lexeme {
  const len = end - start;
  const mask = tableSize - 1;
  let slot = hash & mask;
  for (;;) {
    const w = tableWords[slot];
    if (w === undefined) break;
    if (tableHashes[slot] === hash && w.text.length === len) {
      const t = w.text;
      let k = 0;
      while (k < len && t.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return w;
    }
    slot = (slot + 1) & mask;
  }
  if (tableCount >= tableSize >> 1) {
    growTable();
    return lookupWord(text, start, end, hash);
  }
  const info = makeLexeme(text.slice(start, end));
  tableWords[slot] = info;
  tableHashes[slot] = hash;
  tableCount++;
  return info;
}

/** Doubles the table (small tables stay in the CPU cache); past its limit it starts over. */
function growTable(): void {
  const oldWords = tableWords;
  const oldHashes = tableHashes;
  const size = tableSize < TABLE_MAX ? tableSize * 2 : tableSize;
  tableSize = size;
  tableWords = new Array(size);
  tableHashes = new Int32Array(size);
  tableCount = 0;
  if (size === oldWords.length) return; // at the limit: forget every word
  for (let k = 0; k < oldWords.length; k++) {
    const w = oldWords[k];
    if (w === undefined) continue;
    let slot = oldHashes[k]! & (size - 1);
    while (tableWords[slot] !== undefined) slot = (slot + 1) & (size - 1);
    tableWords[slot] = w;
    tableHashes[slot] = oldHashes[k]!;
    tableCount++;
  }
}

/** Word info of a whole word (for dictionaries). */
export function wordInfo(w: string): Lexeme {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 16777619);
  return lookupWord(w, 0, w.length, h);
}

// Character classes of UTF-16 code units: 1 letter or mark, 2 digit, 3 white space, 0 other.
const C_OTHER = 0;
const C_WORD = 1;
const C_DIGIT = 2;
const C_SPACE = 3;
const CLASS = new Uint8Array(65536).fill(255);
function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === 255) {
    const ch = String.fromCharCode(c);
    k = c >= 0xd800 && c <= 0xdfff ? C_OTHER : /\s/u.test(ch) ? C_SPACE : c >= 48 && c <= 57 ? C_DIGIT : LETTER_OR_MARK_RE.test(ch) ? C_WORD : C_OTHER;
    CLASS[c] = k;
  }
  return k;
}
/** Class of the code point at text[i] (astral letters are words); `len` 1 or 2. */
function astralClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_MARK_RE.test(text.slice(i, i + 2)) ? C_WORD : C_OTHER;
  }
  return C_OTHER;
}
const isPair = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
};

const punctLexeme = (t: string): Lexeme => ({ text: t, key: t, fold: t, kid: keyId(t), fid: foldId(t), kind: 'punct', cap: false, allCaps: false });
const ASCII_PUNCT: Array<Lexeme | undefined> = new Array(128);
const PUNCT = new Map<string, Lexeme>();
function punctOf(text: string, start: number, end: number): Lexeme {
  const c = text.charCodeAt(start);
  if (end - start === 1 && c < 128) {
    let p = ASCII_PUNCT[c];
    if (p === undefined) ASCII_PUNCT[c] = p = punctLexeme(text[start]!);
    return p;
  }
  const s = text.slice(start, end);
  let p = PUNCT.get(s);
  if (p === undefined) {
    p = punctLexeme(s);
    if (PUNCT.size < 10_000) PUNCT.set(s, p);
  }
  return p;
}

function numOf(text: string, start: number, end: number): Lexeme {
  const s = text.slice(start, end);
  let p = NUMS.get(s);
  if (p === undefined) {
    // numbers get an id only when a dictionary phrase holds them ("Quận 1")
    const kid = KEY_IDS.get(s) ?? -1;
    p = { text: s, key: s, fold: s, kid, fid: kid === -1 ? -1 : (FOLD_IDS.get(s) ?? -1), kind: 'num', cap: false, allCaps: false };
    if (NUMS.size >= 20_000) NUMS.clear();
    NUMS.set(s, p);
  }
  return p;
}

/**
 * Tokens of a text: words (letters and marks), numbers (digits with inner "." and ","), and
 * single other characters; white space separates. Same as matching
 * /([\p{L}\p{M}]+)|(\d+(?:[.,]\d+)*)|[^\s\p{L}\p{M}\d]/gu, written out for speed.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let prevEnd = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let k = c < 128 ? ASCII_CLASS[c]! : classOf(c);
    if (k === C_SPACE) {
      i++;
      continue;
    }
    if (k === C_OTHER && c >= 0xd800 && c <= 0xdbff) k = astralClass(text, i);
    const start = i;
    if (k === C_WORD) {
      let h = 0x811c9dc5 | 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        let dk = d < 128 ? ASCII_CLASS[d]! : classOf(d);
        if (dk === C_OTHER && d >= 0xd800 && d <= 0xdbff) dk = astralClass(text, i);
        if (dk !== C_WORD) break;
        h = Math.imul(h ^ d, 16777619);
        if (d >= 0xd800 && d <= 0xdbff && isPair(text, i)) {
          h = Math.imul(h ^ text.charCodeAt(i + 1), 16777619);
          i += 2;
        } else i++;
      }
      out.push(new Token(start, i, lookupWord(text, start, i, h), start === 0 || start > prevEnd, -1));
    } else if (k === C_DIGIT) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 48 && d <= 57) i++;
        else if ((d === 46 || d === 44) && i + 1 < n && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i += 2;
        else break;
      }
      out.push(new Token(start, i, numOf(text, start, i), start === 0 || start > prevEnd, -1));
    } else {
      i += isPair(text, i) ? 2 : 1;
      out.push(new Token(start, i, punctOf(text, start, i), start === 0 || start > prevEnd, -1));
    }
    prevEnd = i;
  }
  return out;
}

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = classOf(c);

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

interface TrieNode<T> {
  next: Map<number, TrieNode<T>> | null;
  /** Values of the phrases that end here, in the order they were added. */
  values: T[] | null;
}

/**
 * A dictionary of multi-token phrases, looked up at a token position; longest match wins.
 * `by` chooses whether tokens compare by tone-normalised key or by folded form. A trie over
 * the integer ids of keys (`Token.kid`) or folds (`Token.fid`).
 */
export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: null };
  constructor(private readonly by: 'key' | 'fold' = 'key') {}

  add(phrase: string, value: T): this {
    const toks = tokenize(phrase);
    if (toks.length === 0) return this;
    let node = this.root;
    for (const t of toks) {
      const id = this.by === 'key' ? keyId(t.key) : foldId(t.fold);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = { next: null, values: null }));
      node = child;
    }
    (node.values ??= []).push(value);
    return this;
  }

  /** Whether some phrase starts with token i (a cheap test before `match`). */
  starts(tokens: Token[], i: number): boolean {
    const t = tokens[i];
    return t !== undefined && this.root.next!.has(this.by === 'key' ? t.kid : t.fid);
  }

  /** Longest phrase starting at token i that satisfies `accept`; returns it and its token length. */
  match(
    tokens: Token[],
    i: number,
    accept?: (value: T, from: number, to: number) => boolean,
  ): { value: T; length: number } | null {
    if (i < 0 || i >= tokens.length) return null;
    return this.walk(tokens, i, this.root, 0, accept);
  }

  private walk(
    tokens: Token[],
    i: number,
    node: TrieNode<T>,
    depth: number,
    accept: ((value: T, from: number, to: number) => boolean) | undefined,
  ): { value: T; length: number } | null {
    if (node.next !== null && i + depth < tokens.length) {
      const u = tokens[i + depth]!;
      const child = node.next.get(this.by === 'key' ? u.kid : u.fid);
      if (child !== undefined) {
        const r = this.walk(tokens, i, child, depth + 1, accept);
        if (r !== null) return r;
      }
    }
    if (node.values !== null && depth > 0) {
      for (const v of node.values) if (!accept || accept(v, i, i + depth)) return { value: v, length: depth };
    }
    return null;
  }
}
