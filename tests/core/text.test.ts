// `foldForSearch` moved from src/graph/search.ts to src/core/text.ts. The full-text index holds
// `searchText` built from its output, so it must fold every input exactly as before (or the
// stored forms would need a migration); and on Vietnamese it must agree with `fold`, which the
// recognisers use.
import { describe, expect, it } from 'vitest';
import { fold, foldForSearch } from '../../src/core/text.ts';

/** The definition that built every stored `searchForms`, as it stood in src/graph/search.ts. */
const storedFolding = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';

const TRICKY = [
  'Đắk Lắk',
  'ĐỒNG THÁP',
  'đồng tháp',
  'Thừa Thiên Huế',
  'Ủy ban nhân dân tỉnh Quảng Trị',
  'Uỷ ban', // old-style tone placement
  'hoà bình',
  'Ðồng Sơn', // Icelandic eth typed for Đ
  'ðồng',
  'Hồ Chí Minh'.normalize('NFD'), // decomposed input: base letters + combining marks
  'Đ'.normalize('NFD') + 'ắk', // Đ has no decomposition; the marks after it do
  'a\u0323\u0302', // marks in non-canonical order
  'x\u1dc4y\u20d7z\ufe20', // combining marks outside U+0300–U+036F
  'İstanbul ΣΟΦΟΣ Straße ǅ ﬁ', // special lower-casing: dotted I, final sigma, titlecase digraph, ligature
  '한국어 ガ パ', // Hangul and kana decompose under NFD
  'Lao Cai (\"Lào Cai\") AND *~[]',
  '',
  '   ',
];

describe('foldForSearch', () => {
  it('folds the tricky inputs exactly as the stored forms were folded', () => {
    for (const text of TRICKY) expect(foldForSearch(text), JSON.stringify(text)).toBe(storedFolding(text));
  });

  it('folds every code point, alone and after a letter, exactly as before', () => {
    const differing: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates are not text
      const c = String.fromCodePoint(cp);
      for (const text of [c, `A${c}`]) if (foldForSearch(text) !== storedFolding(text)) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('folds every Vietnamese letter, in either case and either normal form, as fold does', () => {
    const letters = [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()];
    for (const letter of letters) {
      for (const form of [letter.normalize('NFC'), letter.normalize('NFD')]) expect(foldForSearch(form), form).toBe(fold(form));
    }
    expect(foldForSearch('Đắk Lắk')).toBe('dak lak');
  });

  it('differs from fold only outside Vietnamese, which is why it is a function of its own', () => {
    expect([foldForSearch('Ðồng'), fold('Ðồng')]).toEqual(['ðong', 'dong']);
    expect([foldForSearch('x\u1dc4'), fold('x\u1dc4')]).toEqual(['x', 'x\u1dc4']);
  });
});
