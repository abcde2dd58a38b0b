// Small string helpers shared by the recognisers: diacritic folding, tone-mark placement,
// slugs. Pure functions; results of the per-token ones are memoised.

const FOLD_CACHE = new Map<string, string>();
const TONE_CACHE = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The Vietnamese letter for a look-alike some sites type: Ð/ð (eth) → Đ/đ. Keeps the length. */
export function vietnameseLetters(s: string): string {
  return /[Ðð]/.test(s) ? s.replace(/Ð/g, 'Đ').replace(/ð/g, 'đ') : s;
}

/** Lower case without diacritics, đ → d: "Đắk Lắk" → "dak lak". */
export function fold(s: string): string {
  let r = FOLD_CACHE.get(s);
  if (r === undefined) {
    r = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐðÐ]/g, 'd')
      .toLowerCase()
      .normalize('NFC');
    if (FOLD_CACHE.size > CACHE_LIMIT) FOLD_CACHE.clear();
    FOLD_CACHE.set(s, r);
  }
  return r;
}

/**
 * The form entity names are indexed and searched in: lower case, every combining mark removed,
 * đ → d. The write path stores it (`searchForms`, joined into the full-text indexed `searchText`)
 * and search folds the user's words with it, so the two always agree. Folding happens here rather
 * than in a Lucene analyzer because the folding analyzers also drop English stop words, which
 * Vietnamese syllables collide with.
 *
 * On Vietnamese text it equals `fold`, but it is not `fold`: stored `searchForms` hold exactly
 * this output, so changing it for any input means re-folding them all (a migration). It differs
 * from `fold` only outside Vietnamese: ð/Ð stay (fold: d), combining marks beyond U+0300–U+036F
 * go (fold keeps them), and nothing is recomposed (fold ends with NFC). tests/core/text.test.ts
 * pins both.
 */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// Old-style ("hoà", "thuỷ") and new-style ("hòa", "thủy") tone placement are both common.
const TONE_PAIRS: Array<[RegExp, string]> = [
  [/oà/g, 'òa'], [/oá/g, 'óa'], [/oả/g, 'ỏa'], [/oã/g, 'õa'], [/oạ/g, 'ọa'],
  [/oè/g, 'òe'], [/oé/g, 'óe'], [/oẻ/g, 'ỏe'], [/oẽ/g, 'õe'], [/oẹ/g, 'ọe'],
  [/uỳ/g, 'ùy'], [/uý/g, 'úy'], [/uỷ/g, 'ủy'], [/uỹ/g, 'ũy'], [/uỵ/g, 'ụy'],
];

/** Lower case with one tone-mark placement, so "Uỷ ban" and "Ủy ban" compare equal. */
export function toneKey(s: string): string {
  let r = TONE_CACHE.get(s);
  if (r === undefined) {
    r = s.toLowerCase();
    // "Ðồng Sơn": the Icelandic eth some sites type for Đ
    if (r.includes('ð')) r = r.replace(/ð/g, 'đ');
    if (/[ou][àáảãạèéẻẽẹỳýỷỹỵ]/.test(r)) for (const [re, to] of TONE_PAIRS) r = r.replace(re, to);
    if (TONE_CACHE.size > CACHE_LIMIT) TONE_CACHE.clear();
    TONE_CACHE.set(s, r);
  }
  return r;
}

const SLUG_CACHE = new Map<string, string>();

/** URL/id-safe slug: diacritics folded, đ → d, non-alphanumerics → "-". */
export function slug(s: string): string {
  let r = SLUG_CACHE.get(s);
  if (r === undefined) {
    r = fold(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (SLUG_CACHE.size > CACHE_LIMIT) SLUG_CACHE.clear();
    SLUG_CACHE.set(s, r);
  }
  return r;
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(s: string): string {
  // most names need nothing: single ASCII spaces inside, none at the ends
  const n = s.length;
  let clean = n === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32);
  for (let i = 0; clean && i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 33 ? c !== 32 || s.charCodeAt(i + 1) === 32 : c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) clean = false;
  }
  return clean ? s : s.replace(/\s+/g, ' ').trim();
}

/** "THANH PHONG" → "Thanh Phong". */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** Straight quotes → curly quotes, so canonical names are spelled one way. */
export function curlyQuotes(s: string): string {
  if (!s.includes('"')) return s;
  let open = true;
  return s.replace(/"/g, () => {
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
}
