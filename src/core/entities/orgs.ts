// Organizations, found by their head words (Tỉnh ủy, Ban Thường vụ …, Đảng bộ, Ủy ban MTTQ,
// UBND, HĐND, Sở …, Bộ …, Hội …, Công ty …). A body may be followed by "các cấp" (collective:
// the same body at all levels) and by its place ("tỉnh Bắc Ninh", "trong tỉnh", "Lào Cai");
// without a place it takes the unit in focus when the references are resolved.
import { PhraseIndex, type Token } from '../tokens.ts';
import { squash, toneKey } from '../text.ts';
import { canonicalUnitName, focusableAt, matchProvince, parseLevelUnit, pushUnit, rank, unitNameEnd } from './admin.ts';
import { FUNCTION_WORDS, LEVEL_KEYS, TITLES } from './lexicon.ts';
import { claim, dominantBody, isFree, type CampaignMention, type Doc, type OrgMention, type PlaceNeed, type UnitMention } from './model.ts';

/**
 * How far the name goes after the head word: 'fixed' (the head is the name), 'proper' (a
 * capitalised name follows), 'domain' (a state-management domain follows: Sở Tài chính), 'fund'
 * (a fund's name follows: Ban vận động Quỹ “…”), 'descriptive' (a lower-case description follows,
 * up to the body's place or the verb of its clause: Ban Chỉ đạo xây dựng nông thôn mới tỉnh).
 */
type Extent = 'fixed' | 'proper' | 'domain' | 'fund' | 'descriptive';

interface HeadDef {
  base: string;
  variants: string[];
  subtype: string;
  need: PlaceNeed;
  style: 'bare' | 'level';
  extent: Extent;
  parentBase?: string;
  /** Length in tokens of the parent body's name at the end of the head. */
  parentTokens?: number;
  /** The head's first word must be capitalised. */
  capFirst?: boolean;
  /** Drop the mention when no place is written. */
  requirePlace?: boolean;
  /** With requirePlace: a bare head (no place, no name after it) is the body of this level in focus ("Phó Bí thư Đảng ủy"). */
  bareNeed?: PlaceNeed;
  /** For 'descriptive' names: accept one that starts with a capital whatever ends it (Câu lạc bộ Cựu chiến binh …). */
  properStart?: boolean;
  /** For 'descriptive' names: accept only a name that starts with a capital and ends at its place (Trung tâm Bảo trợ xã hội tỉnh). */
  placeOnly?: boolean;
  /** With placeOnly: the field after the head may start in lower case. */
  lowerField?: boolean;
}

const HEADS = new PhraseIndex<HeadDef>('key');
const VIEN = toneKey('viên');
const TRUONG = toneKey('trưởng');
const upperFirst = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
function head(phrases: string[], def: Partial<HeadDef> & { base: string; subtype: string }): void {
  const full: HeadDef = { variants: [], need: 'ANY', style: 'level', extent: 'fixed', ...def };
  for (const p of phrases) HEADS.add(p, full);
}

// Party committees and their standing committees/departments, at each level.
const COMMITTEES: Array<[string, PlaceNeed]> = [
  ['Tỉnh', 'PROVINCE'], ['Huyện', 'DISTRICT'], ['Thành', 'CITY'], ['Quận', 'DISTRICT'], ['Thị', 'DISTRICT'],
];
for (const [x, need] of COMMITTEES) {
  const c = `${x} ủy`;
  head([c], { base: c, subtype: 'PARTY', need, style: 'bare' });
  head([`Ban Thường vụ ${c}`, `BTV ${c}`, `Thường vụ ${c}`], {
    base: `Ban Thường vụ ${c}`, variants: [`BTV ${c}`], subtype: 'PARTY', need, style: 'bare', parentBase: c, parentTokens: 2,
  });
  head([`Ban Chấp hành Đảng bộ ${x.toLowerCase()}`], { base: `Ban Chấp hành Đảng bộ ${x.toLowerCase()}`, subtype: 'PARTY', need, style: 'bare' });
  for (const d of ['Tổ chức', 'Tuyên giáo', 'Dân vận', 'Nội chính', 'Kinh tế']) {
    head([`Ban ${d} ${c}`], { base: `Ban ${d} ${c}`, subtype: 'PARTY', need, style: 'bare', parentBase: c, parentTokens: 2 });
  }
  head([`Ủy ban Kiểm tra ${c}`, `UBKT ${c}`], { base: `Ủy ban Kiểm tra ${c}`, variants: [`UBKT ${c}`], subtype: 'PARTY', need, style: 'bare', parentBase: c, parentTokens: 2 });
  head([`Văn phòng ${c}`], { base: `Văn phòng ${c}`, subtype: 'PARTY', need, style: 'bare', parentBase: c, parentTokens: 2 });
}
head(['Đảng ủy'], { base: 'Đảng ủy', subtype: 'PARTY', requirePlace: true, bareNeed: 'COMMUNE' });
// "Chi bộ Các cơ quan Đảng xã Hữu Liên", "Chi bộ thôn Bản Piềng": the grassroots cell, named by what it gathers
head(['Chi bộ'], { base: 'Chi bộ', subtype: 'PARTY', need: 'COMMUNE', extent: 'descriptive', capFirst: true, properStart: true });
head(['Ban Thường vụ Đảng ủy', 'BTV Đảng ủy'], { base: 'Ban Thường vụ Đảng ủy', subtype: 'PARTY', requirePlace: true, parentBase: 'Đảng ủy', parentTokens: 2 });
head(['Đảng bộ'], { base: 'Đảng bộ', subtype: 'PARTY', capFirst: true });
for (const [p, base] of [
  ['Bộ Chính trị', 'Bộ Chính trị'], ['Ban Bí thư', 'Ban Bí thư'],
  ['Ban Chấp hành Trung ương Đảng', 'Ban Chấp hành Trung ương Đảng'],
  ['Trung ương Đảng', 'Ban Chấp hành Trung ương Đảng'], ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Việt Nam'],
] as Array<[string, string]>) {
  head([p], { base, subtype: 'PARTY', need: 'NONE', capFirst: true });
}

// The Fatherland Front.
head(
  ['Ủy ban Trung ương MTTQ Việt Nam', 'Ủy ban Trung ương MTTQ', 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
    'Trung ương Ủy ban MTTQ Việt Nam', 'Trung ương Ủy ban Mặt trận Tổ quốc Việt Nam', 'Trung ương MTTQ Việt Nam',
    'Trung ương Mặt trận Tổ quốc Việt Nam', 'UBTƯ MTTQ Việt Nam', 'UBTW MTTQ Việt Nam', 'UBTƯ MTTQ', 'UBTW MTTQ'],
  { base: 'Ủy ban Trung ương MTTQ Việt Nam', variants: ['Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'UBTƯ MTTQ Việt Nam'], subtype: 'FRONT', need: 'NONE' },
);
head(
  ['Ủy ban MTTQ Việt Nam', 'Ủy ban MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'Ủy ban Mặt trận Tổ quốc', 'Ủy ban Mặt trận',
    'UBMTTQ Việt Nam', 'UBMTTQ', 'UBMTTQVN', 'Ủy ban MTTQVN', 'MTTQ Việt Nam', 'MTTQ', 'MTTQVN', 'Mặt trận Tổ quốc Việt Nam',
    'Mặt trận Tổ quốc'],
  { base: 'Ủy ban MTTQ', variants: ['Ủy ban Mặt trận Tổ quốc Việt Nam', 'Ủy ban MTTQ Việt Nam', 'MTTQ'], subtype: 'FRONT' },
);
head(['Ban vận động'], { base: 'Ban vận động', subtype: 'FRONT', extent: 'fund' });
// Steering committees: "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh", "Ban chỉ đạo vận động hiến máu tình nguyện các cấp".
head(['Ban Chỉ đạo', 'BCĐ'], { base: 'Ban Chỉ đạo', subtype: 'STATE', need: 'PROVINCE', extent: 'descriptive', capFirst: true });
// Clubs: "Câu lạc bộ Cựu chiến binh sản xuất, kinh doanh giúp nhau phát triển kinh tế".
head(['Câu lạc bộ', 'CLB'], { base: 'Câu lạc bộ', subtype: 'OTHER', extent: 'descriptive', capFirst: true, properStart: true });
// Public service centres: "Trung tâm Bảo trợ xã hội tỉnh", "Trung tâm Văn hóa - Thể thao huyện …".
head(['Trung tâm'], { base: 'Trung tâm', subtype: 'STATE', extent: 'descriptive', capFirst: true, placeOnly: true });
// Other boards named by their field up to their place: "Ban Công tác nông dân tỉnh Phú Thọ", "Ban Dân tộc tỉnh"
head(['Ban'], { base: 'Ban', subtype: 'STATE', extent: 'descriptive', capFirst: true, placeOnly: true });
// "Ban Quản lý dự án các công trình giao thông tỉnh": management boards, whose field is written in lower case
head(['Ban Quản lý', 'BQL'], { base: 'Ban Quản lý', subtype: 'STATE', extent: 'descriptive', capFirst: true, placeOnly: true, lowerField: true });

// State bodies.
head(['Ủy ban nhân dân', 'UBND'], { base: 'Ủy ban nhân dân', variants: ['UBND'], subtype: 'STATE' });
head(['Hội đồng nhân dân', 'HĐND'], { base: 'Hội đồng nhân dân', variants: ['HĐND'], subtype: 'STATE' });
head(['Sở'], { base: 'Sở', subtype: 'STATE', need: 'PROVINCE', extent: 'domain', capFirst: true });
head(['Phòng'], { base: 'Phòng', subtype: 'STATE', need: 'DISTRICT', extent: 'domain', capFirst: true });
head(['Bộ'], { base: 'Bộ', subtype: 'STATE', need: 'NONE', extent: 'domain', capFirst: true });
for (const [p, base] of [
  ['Chính phủ', 'Chính phủ'], ['Quốc hội', 'Quốc hội'], ['Văn phòng Chính phủ', 'Văn phòng Chính phủ'],
] as Array<[string, string]>) {
  head([p], { base, subtype: 'STATE', need: 'NONE', capFirst: true });
}
head(['Ngân hàng Chính sách xã hội', 'Ngân hàng CSXH', 'NHCSXH'], {
  base: 'Ngân hàng Chính sách xã hội', variants: ['NHCSXH'], subtype: 'STATE', need: 'EXPLICIT', capFirst: true,
});
head(['Phòng giao dịch Ngân hàng Chính sách xã hội', 'Phòng giao dịch Ngân hàng CSXH', 'Phòng giao dịch NHCSXH', 'PGD Ngân hàng CSXH', 'PGD NHCSXH'], {
  base: 'Phòng giao dịch Ngân hàng Chính sách xã hội', variants: ['Phòng giao dịch Ngân hàng CSXH', 'Phòng giao dịch NHCSXH'], subtype: 'STATE', need: 'DISTRICT', style: 'bare', capFirst: true,
});
head(['Đoàn đại biểu Quốc hội', 'Đoàn ĐBQH'], { base: 'Đoàn đại biểu Quốc hội', variants: ['Đoàn ĐBQH'], subtype: 'STATE', need: 'PROVINCE' });
head(['Thanh tra'], { base: 'Thanh tra', subtype: 'STATE', need: 'PROVINCE', capFirst: true, requirePlace: true });
head(['Kho bạc Nhà nước'], { base: 'Kho bạc Nhà nước', subtype: 'STATE', need: 'EXPLICIT', capFirst: true });
// courts and procuracies: at a unit, of a region ("khu vực 9 – Phú Thọ") or supreme ("tối cao"); often in lower case
head(['Tòa án nhân dân', 'TAND', 'Tòa án'], { base: 'Tòa án nhân dân', variants: ['TAND'], subtype: 'STATE', requirePlace: true });
head(['Viện Kiểm sát nhân dân', 'VKSND', 'Viện KSND'], { base: 'Viện Kiểm sát nhân dân', variants: ['VKSND', 'Viện KSND'], subtype: 'STATE', requirePlace: true });
head(['Trung tâm Y tế'], { base: 'Trung tâm Y tế', subtype: 'STATE', requirePlace: true, capFirst: true });

// Armed forces and police.
head(['Bộ Chỉ huy Quân sự', 'Bộ CHQS'], { base: 'Bộ Chỉ huy Quân sự', subtype: 'MILITARY_POLICE', need: 'PROVINCE', capFirst: true });
head(['Ban Chỉ huy Quân sự', 'Ban CHQS'], { base: 'Ban Chỉ huy Quân sự', subtype: 'MILITARY_POLICE', need: 'DISTRICT', capFirst: true });
head(['Bộ Chỉ huy Bộ đội Biên phòng', 'Bộ đội Biên phòng', 'BĐBP'], { base: 'Bộ Chỉ huy Bộ đội Biên phòng', subtype: 'MILITARY_POLICE', need: 'PROVINCE', capFirst: true, requirePlace: true });
head(['Công an'], { base: 'Công an', subtype: 'MILITARY_POLICE', requirePlace: true, capFirst: true });

// Mass organizations.
for (const [phrases, base, variants] of [
  [['Hội Nông dân', 'Hội ND'], 'Hội Nông dân', []],
  [['Hội Liên hiệp Phụ nữ', 'Hội LHPN', 'Hội Phụ nữ'], 'Hội Liên hiệp Phụ nữ', ['Hội LHPN']],
  [['Hội Cựu chiến binh', 'Hội CCB'], 'Hội Cựu chiến binh', ['Hội CCB']],
  [['Hội Chữ thập đỏ', 'Hội CTĐ'], 'Hội Chữ thập đỏ', []],
  [['Hội Người cao tuổi', 'Hội NCT'], 'Hội Người cao tuổi', []],
  [['Hội Khuyến học'], 'Hội Khuyến học', []],
  [['Hội Cựu thanh niên xung phong'], 'Hội Cựu thanh niên xung phong', []],
  [['Hội Liên hiệp Thanh niên Việt Nam', 'Hội Liên hiệp Thanh niên'], 'Hội Liên hiệp Thanh niên Việt Nam', []],
  [['Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Đoàn TNCS Hồ Chí Minh', 'Đoàn Thanh niên'], 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', ['Đoàn Thanh niên']],
  [['Liên đoàn Lao động', 'LĐLĐ'], 'Liên đoàn Lao động', ['LĐLĐ']],
  [['Liên minh Hợp tác xã', 'Liên minh HTX'], 'Liên minh Hợp tác xã', []],
] as Array<[string[], string, string[]]>) {
  // "các cấp hội liên hiệp phụ nữ trong tỉnh": the full names are distinctive in lower case too
  for (const p of phrases) head([p], { base, variants, subtype: 'MASS_ORGANIZATION', capFirst: p.split(' ').length < 3 || /[A-Z]{2}/.test(p) });
}
// "Đoàn xã Đại Lai", "Đoàn phường …": the youth union of a unit, written with its place
head(['Đoàn'], { base: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', variants: ['Đoàn Thanh niên'], subtype: 'MASS_ORGANIZATION', capFirst: true, requirePlace: true });
// the youth union's central committee and its secretariat
head(['Ban Bí thư Trung ương Đoàn'], { base: 'Ban Bí thư Trung ương Đoàn', subtype: 'MASS_ORGANIZATION', need: 'NONE', capFirst: true });
head(['Trung ương Đoàn'], { base: 'Trung ương Đoàn', subtype: 'MASS_ORGANIZATION', need: 'NONE', capFirst: true });
head(['Tỉnh đoàn'], { base: 'Tỉnh đoàn', subtype: 'MASS_ORGANIZATION', need: 'PROVINCE', style: 'bare', capFirst: true });
head(['Huyện đoàn'], { base: 'Huyện đoàn', subtype: 'MASS_ORGANIZATION', need: 'DISTRICT', style: 'bare', capFirst: true });
head(['Thành đoàn'], { base: 'Thành đoàn', subtype: 'MASS_ORGANIZATION', need: 'CITY', style: 'bare', capFirst: true });
head(['Hội'], { base: 'Hội', subtype: 'MASS_ORGANIZATION', extent: 'proper', capFirst: true });

// Enterprises and other named institutions: the name follows the head word.
for (const p of ['Nhà máy', 'Công ty', 'Tổng công ty', 'Tập đoàn', 'Hợp tác xã', 'HTX', 'Ngân hàng', 'Xí nghiệp']) {
  head([p], { base: p, subtype: 'ENTERPRISE', need: 'EXPLICIT', extent: 'proper', capFirst: true });
}
for (const p of [
  'Trường Đại học', 'Trường Cao đẳng', 'Trường THPT', 'Trường THCS', 'Trường Tiểu học', 'Trường Mầm non',
  'Trường Trung học cơ sở', 'Trường Trung học phổ thông', 'Trường Phổ thông', 'Đại học', 'Bệnh viện', 'Viện', 'Báo',
]) {
  head([p], { base: p, subtype: 'OTHER', need: 'EXPLICIT', extent: 'proper', capFirst: true });
}

// Names of state-management domains, shared by Bộ (ministry), Sở (department), Phòng (office).
const DOMAINS = new PhraseIndex<string>('key');
for (const [canon, ...variants] of [
  ['Nội vụ'], ['Tư pháp'], ['Kế hoạch và Đầu tư', 'KH&ĐT', 'KH-ĐT', 'KHĐT'], ['Tài chính'], ['Công Thương'],
  ['Nông nghiệp và Phát triển nông thôn', 'NN&PTNT', 'NN-PTNT', 'NNPTNT', 'NN và PTNT'], ['Nông nghiệp và Môi trường', 'NN&MT'],
  ['Giao thông vận tải', 'GTVT'], ['Xây dựng'], ['Tài nguyên và Môi trường', 'TN&MT', 'TN-MT', 'TNMT'],
  ['Thông tin và Truyền thông', 'TT&TT', 'TTTT'], ['Lao động - Thương binh và Xã hội', 'Lao động, Thương binh và Xã hội', 'Lao động Thương binh và Xã hội', 'LĐ-TB&XH', 'LĐTB&XH', 'LĐTBXH'],
  ['Văn hóa, Thể thao và Du lịch', 'Văn hóa - Thể thao và Du lịch', 'VH-TT&DL', 'VHTT&DL', 'VHTTDL'], ['Văn hóa và Thể thao'],
  ['Khoa học và Công nghệ', 'KH&CN', 'KHCN'], ['Giáo dục và Đào tạo', 'GD&ĐT', 'GD-ĐT', 'GDĐT'], ['Y tế'], ['Ngoại vụ'],
  ['Ngoại giao'], ['Quốc phòng'], ['Công an'], ['Du lịch'], ['Dân tộc'], ['Dân tộc và Tôn giáo'], ['Tài chính - Kế hoạch'],
  ['Kinh tế'], ['Kinh tế - Hạ tầng'], ['Văn hóa - Thông tin', 'Văn hóa và Thông tin'],
] as string[][]) {
  for (const v of [canon!, ...variants]) DOMAINS.add(v, canon!);
}
const MILITARY_MINISTRIES = new Set(['Quốc phòng', 'Công an']);

/** Last words of level words ("thành phố", "thị xã", "huyện" …). */
const LEVEL_ENDS = new Set(['tỉnh', 'phố', 'tp', 'huyện', 'xã', 'quận', 'phường', 'trấn'].map(toneKey));

const isCap = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.cap;

/** Every word of tk[from, to) is in capitals. */
function allCapsRun(tk: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tk[k]!.kind === 'word' && !tk[k]!.allCaps) return false;
  return true;
}

/** Verbs of the genre's actions that never continue a body's name ("Công ty X tặng 20 suất quà"). */
const ACTION_VERBS = new Set(['tặng', 'trao', 'ủng', 'hỗ', 'phối', 'triển', 'tổ', 'phát', 'vận', 'kêu', 'quyên', 'thăm'].map(toneKey));

/** End of a proper name after a head word ("Vật liệu chịu lửa … Việt Nam"); `from` when none. */
function properName(doc: Doc, from: number, end: number): number {
  const tk = doc.tokens;
  const first = tk[from];
  if (!first || first.kind !== 'word' || !first.cap || doc.claimed[from]) return from;
  let k = from;
  let lastCap = from;
  while (k < end && k - from < 12) {
    const t = tk[k]!;
    if (doc.claimed[k]) break;
    if (t.kind === 'punct') {
      const glued = t.text === '-' && tk[k - 1]?.kind === 'num' && tk[k + 1]?.kind === 'num' && !t.space && !tk[k + 1]!.space;
      if (((t.text === '-' || t.text === '&') && isCap(tk[k + 1])) || glued) {
        k++;
        continue;
      }
      break;
    }
    if (t.kind === 'word' && !t.cap && (FUNCTION_WORDS.has(t.key) || LEVEL_KEYS.has(t.key) || ACTION_VERBS.has(t.key))) break;
    if (t.cap || t.kind === 'num') lastCap = k;
    k++;
  }
  // a long lower-case tail is a verb phrase, not part of the name
  return k - lastCap - 1 > 2 ? lastCap + 1 : k;
}

/** Words after a body's name that begin the rest of its clause ("Ban Chỉ đạo … đã …"). */
const SUBJECT_FOLLOWERS = new Set(['đã', 'đang', 'sẽ', 'vừa', 'cũng', 'được', 'luôn', 'là', 'có', 'chưa', 'thì', 'cần', 'phải'].map(toneKey));
const OPEN_QUOTES = new Set(['“', '"', '‘', "'"]);

interface Descriptive {
  end: number;
  /** Why the name ended: at its place, before the verb of its clause, or elsewhere. */
  stop: 'place' | 'subject' | 'other';
  /** Campaign mentions inside the name. */
  campaigns: number[];
}

/**
 * A lower-case description after a head word: words, numbers, "phòng, chống", "A và B", and
 * campaigns named inside; it ends at a place ("tỉnh …", "các cấp", "các xã", a province's name),
 * at another body's head word, at a function word or at other punctuation.
 */
function descriptiveName(doc: Doc, j: number, end: number, campaignAt: Map<number, number>, campaigns: CampaignMention[]): Descriptive {
  const tk = doc.tokens;
  const found: number[] = [];
  let k = j;
  const done = (stop: Descriptive['stop']): Descriptive => ({ end: k, stop, campaigns: found });
  const startsBody = (at: number) =>
    HEADS.starts(tk, at) && tk[at]!.cap && HEADS.match(tk, at, (def, _from, to) => to <= end && !def.properStart && !def.placeOnly) !== null;
  while (k < end && k - j < 30) {
    const t = tk[k]!;
    const c = campaignAt.get(k) ?? (OPEN_QUOTES.has(t.text) ? campaignAt.get(k + 1) : undefined);
    if (c !== undefined) {
      found.push(c);
      k = campaigns[c]!.tokEnd;
      if (k < end && doc.inCampaignName[k] && tk[k]!.kind === 'punct') k++; // the closing quote
      continue;
    }
    if (doc.claimed[k]) return done('other');
    if (t.kind === 'punct') {
      const next = tk[k + 1];
      const lowerNext = !!next && k + 1 < end && next.kind === 'word' && !next.cap && !FUNCTION_WORDS.has(next.key);
      if (k > j && ((t.text === ',' && lowerNext) || ((t.text === '-' || t.text === '–') && next?.kind === 'word'))) {
        k++;
        continue;
      }
      return done('other');
    }
    if (t.kind === 'num') {
      k++;
      continue;
    }
    if (t.key === 'các' && tk[k + 1]?.key === 'cấp') return done('place');
    if (t.key === 'các' && parseLevelUnit(doc, k + 1, end)) return done('place');
    if (k > j) {
      const lu = parseLevelUnit(doc, k, end);
      // "xã hội" is not a commune
      if (lu && (lu.name || lu.level !== 'COMMUNE' || tk[lu.to]?.kind !== 'word')) return done('place');
      if (t.cap && matchProvince(doc, k, end, false)) return done('place');
      if (startsBody(k)) return done('other');
    }
    if (FUNCTION_WORDS.has(t.key)) {
      const next = tk[k + 1];
      // "dự án các công trình giao thông": a plural inside the field, before a lower-case noun
      if (t.key === 'các' && (k === j || (next && k + 1 < end && next.kind === 'word' && !next.cap && !FUNCTION_WORDS.has(next.key) && !parseLevelUnit(doc, k + 1, end)))) {
        k++;
        continue;
      }
      if (t.key === 'và' && k > j && next && k + 1 < end && next.kind === 'word' && !FUNCTION_WORDS.has(next.key) && !parseLevelUnit(doc, k + 1, end) && !startsBody(k + 1)) {
        k++;
        continue;
      }
      if (t.key === 'trong' && parseLevelUnit(doc, k + 1, end)) return done('place');
      return done(SUBJECT_FOLLOWERS.has(t.key) ? 'subject' : 'other');
    }
    k++;
  }
  return done('other');
}

/** "Theo (báo cáo của) X": the body is where the information comes from. */
function citedAsSource(doc: Doc, i: number, floor: number): boolean {
  const tk = doc.tokens;
  for (let k = i - 1; k >= floor && k >= i - 6; k--) {
    const t = tk[k]!;
    if (t.key === THEO) return true;
    if (t.kind !== 'word' || doc.claimed[k] || t.cap) return false;
  }
  return false;
}
const THEO = toneKey('theo');

interface PlaceSpec {
  end: number;
  place: number | null;
  collective: boolean;
}

function placeSpec(doc: Doc, units: UnitMention[], orgStart: number, j: number, end: number, def: HeadDef): PlaceSpec {
  const tk = doc.tokens;
  let k = j;
  let collective = false;
  if (tk[k]?.key === 'các' && tk[k + 1]?.key === 'cấp' && k + 1 < end) {
    collective = true;
    k += 2;
  }
  let probe = k;
  // "(gọi tắt là Ủy ban MTTQ)" between the name and its place
  const abbreviation = tk[probe + 1]?.allCaps && tk[probe + 2]?.text === ')';
  if (tk[probe]?.text === '(' && (tk[probe + 1]?.key === 'gọi' || tk[probe + 1]?.key === 'viết' || abbreviation)) {
    let c = probe + 1;
    while (c < end && tk[c]!.text !== ')') c++;
    if (c < end) probe = c + 1;
    // "Ủy ban Mặt trận Tổ quốc (UBMTTQ) Việt Nam tỉnh"
    if (tk[probe]?.key === 'việt' && tk[probe + 1]?.key === 'nam' && probe + 1 < end) probe += 2;
  }
  if (tk[probe]?.key === 'chi' && tk[probe + 1]?.key === 'nhánh') probe += 2;
  let viaWord = probe;
  if ((tk[probe]?.key === 'trong' || tk[probe]?.key === 'của') && probe + 1 < end) viaWord = probe + 1;
  const lu = parseLevelUnit(doc, viaWord, end);
  if (lu) {
    if (lu.name) {
      const idx = pushUnit(doc, units, lu.from, lu.to, lu, { focusable: focusableAt(doc, orgStart, sentence(doc, orgStart)), inOrg: true });
      // "Đảng bộ xã Văn Xá huyện Kim Bảng": the place's own parent may follow
      const up = tk[lu.to]?.kind === 'word' ? parseLevelUnit(doc, lu.to, end) : null;
      if (up && up.name && rank(up.level) < rank(lu.level)) {
        units[idx]!.parent = pushUnit(doc, units, up.from, up.to, up, { focusable: false, inOrg: true });
        return { end: up.to, place: idx, collective };
      }
      // "Đảng bộ xã Thới Hưng, thành phố Cần Thơ": a higher unit after a comma
      const upAfterComma = tk[lu.to]?.text === ',' ? parseLevelUnit(doc, lu.to + 1, end) : null;
      if (upAfterComma && upAfterComma.name && rank(upAfterComma.level) < rank(lu.level)) {
        units[idx]!.parent = pushUnit(doc, units, upAfterComma.from, upAfterComma.to, upAfterComma, { focusable: false, inOrg: true });
        return { end: upAfterComma.to, place: idx, collective };
      }
      // "Ủy ban MTTQ Việt Nam phường Tân Khánh, TPHCM": the province after a comma
      const g = lu.level !== 'PROVINCE' && tk[lu.to]?.text === ',' ? matchProvince(doc, lu.to + 1, end, false) : null;
      if (g) {
        const p = lu.to + 1;
        units[idx]!.parent = pushUnit(doc, units, p, p + g.length, { level: 'PROVINCE', name: g.entry.name, levelWord: null }, { focusable: false, inOrg: true });
        return { end: p + g.length, place: idx, collective };
      }
      return { end: lu.to, place: idx, collective };
    }
    // "HĐND tỉnh", "Ban Chỉ huy Quân sự xã": the level alone, the unit in focus ("xã hội" is society)
    if (lu.level === 'PROVINCE' || lu.level === 'DISTRICT' || (lu.level === 'COMMUNE' && tk[lu.to]?.key !== HOI)) {
      const idx = pushUnit(doc, units, lu.from, lu.to, lu, { focusable: false, inOrg: true });
      return { end: lu.to, place: idx, collective };
    }
  }
  if (probe === viaWord) {
    const g = matchProvince(doc, probe, end, false);
    if (g) {
      const idx = pushUnit(doc, units, probe, probe + g.length, { level: 'PROVINCE', name: g.entry.name, levelWord: null }, {
        focusable: focusableAt(doc, orgStart, sentence(doc, orgStart)),
        inOrg: true,
      });
      return { end: probe + g.length, place: idx, collective };
    }
    if (def.style === 'bare' && (def.need === 'DISTRICT' || def.need === 'CITY')) {
      const r = unitNameEnd(doc, probe, end, 3);
      if (r > probe) {
        const idx = pushUnit(doc, units, probe, r, { level: 'DISTRICT', name: canonicalUnitName(doc.text.slice(tk[probe]!.start, tk[r - 1]!.end)), levelWord: null }, {
          focusable: true,
          inOrg: true,
        });
        return { end: r, place: idx, collective };
      }
    }
  }
  return { end: collective ? k : j, place: null, collective };
}

const DASH_WORDS = new Set(['-', '–']);
const sentence = (doc: Doc, i: number) => doc.sentences[doc.tokens[i]!.sentence];

export function recognizeOrgs(doc: Doc, orgs: OrgMention[], units: UnitMention[], campaigns: CampaignMention[]): void {
  const tk = doc.tokens;
  const campaignAt = new Map<number, number>();
  campaigns.forEach((c, idx) => campaignAt.set(c.tokStart, idx));
  for (const s of doc.sentences) {
    if (s.role === 'byline') continue;
    let i = s.tokStart;
    while (i < s.tokEnd) {
      if (doc.claimed[i] || doc.inCampaignName[i] || tk[i]!.kind !== 'word') {
        i++;
        continue;
      }
      const m = !HEADS.starts(tk, i) ? null : HEADS.match(tk, i, (def, from, to) => {
        // "Phó Trưởng ban Công tác nông dân tỉnh": after a head's title, "ban" starts the board's name
        const afterTitle = def.base === 'Ban' && tk[from - 1]?.key === TRUONG && isCap(tk[to]);
        // a board every body has ("Ban Chấp hành", "Ban Thường vụ"), or a board of a body ("Ban … HĐND"), is read elsewhere
        if (def.base === 'Ban' && (SUB_BODY_HEADS.match(tk, from) !== null || tk[to]?.allCaps)) return false;
        // "ngân hàng Chính sách xã hội": a long head with a capital inside is a name in any case
        const capInside = to - from >= 3 && tk.slice(from + 1, to).some((t) => t.cap);
        if (to > s.tokEnd || (def.capFirst && !tk[from]!.cap && !afterTitle && !capInside)) return false;
        // "Tỉnh ủy viên", "Đảng ủy viên": a member's title, not the committee
        if (tk[to]?.key === VIEN && !tk[to]!.cap) return false;
        // "thành phố Hội An": after a level word a name is a unit's, not a body's
        if (def.extent === 'proper' && from > s.tokStart && LEVEL_ENDS.has(tk[from - 1]!.key)) return false;
        // an all-capitals headline ("ĐẢNG BỘ HUYỆN …") is not read for names
        if (to - from > 1 && allCapsRun(tk, from, to)) return false;
        if (tk[from]!.allCaps && tk[to]?.kind === 'word' && tk[to]!.allCaps && allCapsRun(tk, from, to + 1) && !tk[from]!.text.match(/^(UB|HĐ|MTTQ|NHCSXH|LĐLĐ|TAND|VKSND)/)) return false;
        for (let k = from; k < to; k++) if (doc.claimed[k]) return false;
        return true;
      });
      if (!m) {
        i++;
        continue;
      }
      const def = m.value;
      const headEnd = i + m.length;
      let j = headEnd;
      let base = def.base;
      const variants = [...def.variants];
      let subtype = def.subtype;
      let campaign: number | null = null;
      let embedded: number[] = [];
      if (def.extent === 'proper') {
        const e = properName(doc, j, s.tokEnd);
        if (e === j) {
          i++;
          continue;
        }
        base = squash(doc.text.slice(tk[i]!.start, tk[e - 1]!.end));
        j = e;
      } else if (def.extent === 'domain') {
        const d = DOMAINS.match(tk, j, (_v, _f, to) => to <= s.tokEnd);
        if (!d) {
          i++;
          continue;
        }
        base = `${def.base} ${d.value}`;
        const written = squash(doc.text.slice(tk[i]!.start, tk[j + d.length - 1]!.end));
        if (written !== base) variants.push(written);
        if (def.base === 'Bộ' && MILITARY_MINISTRIES.has(d.value)) subtype = 'MILITARY_POLICE';
        j += d.length;
      } else if (def.extent === 'descriptive') {
        const d = descriptiveName(doc, j, s.tokEnd, campaignAt, campaigns);
        const properStart = !!def.properStart && isCap(tk[j]);
        const rejected = def.placeOnly ? (!isCap(tk[j]) && !def.lowerField) || d.stop !== 'place' : d.stop === 'other' && !properStart;
        if (d.end === j || rejected) {
          i++;
          continue;
        }
        base = upperFirst(squash(doc.text.slice(tk[i]!.start, tk[d.end - 1]!.end)));
        for (const c of d.campaigns) campaigns[c]!.embedded = true;
        embedded = d.campaigns;
        j = d.end;
      } else if (def.extent === 'fund') {
        const c = campaignAt.get(j);
        if (c === undefined || campaigns[c]!.subtype !== 'FUND') {
          // "Ban Vận động cứu trợ tỉnh Thanh Hóa": a board named by its cause, up to its place
          const d = descriptiveName(doc, j, s.tokEnd, campaignAt, campaigns);
          if (d.end === j || d.stop !== 'place' || !tk[i]!.cap) {
            i++;
            continue;
          }
          base = squash(doc.text.slice(tk[i]!.start, tk[d.end - 1]!.end));
          j = d.end;
        } else {
          campaign = c;
          campaigns[c]!.embedded = true;
          base = `Ban vận động ${campaigns[c]!.name}`;
          variants.push(`Ban vận động ${campaigns[c]!.aliases[1] ?? campaigns[c]!.name}`);
          j = campaigns[c]!.tokEnd;
        }
      }
      let need = def.need;
      // "Đảng bộ Công an tỉnh", "Đảng bộ Quân sự tỉnh": the party organization of a body
      if (def.base === 'Đảng bộ' && isCap(tk[j]) && !matchProvince(doc, j, s.tokEnd, false)) {
        const e = properName(doc, j, s.tokEnd);
        if (e > j) {
          base = `Đảng bộ ${squash(doc.text.slice(tk[j]!.start, tk[e - 1]!.end))}`;
          j = e;
        }
      }
      // "Trung ương Hội Chữ thập đỏ", "Hội Nông dân Việt Nam": the national body
      const central = tk[i - 1]?.key === 'ương' && tk[i - 2]?.key === 'trung' && i - 2 >= s.tokStart && !doc.claimed[i - 2];
      const vietNam = tk[j]?.key === 'việt' && tk[j + 1]?.key === 'nam' && j + 1 < s.tokEnd;
      let from = i;
      if (need !== 'NONE' && def.extent !== 'proper' && (central || (vietNam && !parseLevelUnit(doc, j + 2, s.tokEnd)))) {
        if (vietNam) j += 2;
        if (central) from = i - 2;
        base = def.subtype === 'FRONT' && def.base === 'Ủy ban MTTQ' ? 'Ủy ban Trung ương MTTQ Việt Nam' : `${central ? 'Trung ương ' : ''}${base}${vietNam ? ' Việt Nam' : ''}`;
        need = 'NONE';
      } else if (vietNam && need !== 'NONE') {
        j += 2;
      }
      let region = false;
      let supreme = false;
      if (def.extent === 'fixed' && need !== 'NONE') {
        // "Viện Kiểm sát nhân dân (VKSND) khu vực 9": skip the abbreviation the text defines
        const paren = tk[j]?.text === '(' && tk[j + 1]?.allCaps && tk[j + 2]?.text === ')' ? 3 : 0;
        const a = tk[j + paren];
        const b = tk[j + paren + 1];
        const c = tk[j + paren + 2];
        if (a?.key === 'tối' && b?.key === 'cao' && j + paren + 1 < s.tokEnd) {
          base = `${base} tối cao`;
          j += paren + 2;
          need = 'NONE';
          supreme = true;
        } else if (a?.key === 'khu' && b?.key === 'vực' && c && j + paren + 2 < s.tokEnd && (c.kind === 'num' || /^[IVXL]+$/.test(c.text))) {
          base = `${base} khu vực ${c.text}`;
          j += paren + 3;
          region = true;
        }
      }
      i = from;
      claim(doc, i, j);
      const spec: PlaceSpec =
        need === 'NONE' ? { end: j, place: null, collective: false } : placeSpec(doc, units, i, j + (region && DASH_WORDS.has(tk[j]?.text ?? '') ? 1 : 0), s.tokEnd, def);
      const bare = !!def.bareNeed && spec.place === null && !isCap(tk[spec.end]);
      if (bare) need = def.bareNeed!;
      if (def.requirePlace && spec.place === null && !region && !bare && !supreme) {
        for (let k = i; k < j; k++) doc.claimed[k] = 0;
        // past the head word ("Trung ương Đoàn …" started two words before it)
        i = headEnd - m.length + 1;
        continue;
      }
      claim(doc, i, spec.end);
      orgs.push({
        start: tk[i]!.start,
        end: tk[spec.end - 1]!.end,
        text: doc.text.slice(tk[i]!.start, tk[spec.end - 1]!.end),
        sentence: s.index,
        tokStart: i,
        tokEnd: spec.end,
        base,
        baseVariants: variants,
        subtype,
        need,
        style: def.style,
        place: spec.place,
        locatedIn: null,
        campaign,
        embeddedCampaigns: embedded,
        source: citedAsSource(doc, i, s.tokStart),
        partOfTok: null,
        parentBase: def.parentBase ?? null,
        parentSpan:
          def.parentBase && def.parentTokens
            ? { start: tk[headEnd - def.parentTokens]!.start, end: tk[headEnd - 1]!.end }
            : null,
      });
      i = spec.end;
    }
  }
  departmentLists(doc, orgs);
  subBodies(doc, orgs);
  unionsOfBodies(doc, orgs);
}

/** Adds mentions found by a later pass where they belong: in text order. */
function insertInTextOrder(orgs: OrgMention[], added: OrgMention[]): void {
  for (const a of added) {
    const at = orgs.findIndex((o) => o.tokStart > a.tokStart);
    orgs.splice(at < 0 ? orgs.length : at, 0, a);
  }
}

const SO = toneKey('sở');
const LIST_OPENERS = new Set(['như', 'gồm', 'là'].map(toneKey));
const PLURALS = new Set(['các', 'những'].map(toneKey));

/**
 * "các sở như Nội vụ, Tư pháp, …, Văn hóa, Thể thao và Du lịch": departments named by their field
 * alone after a plural "sở". Each is the Sở of that field of the province in focus.
 */
function departmentLists(doc: Doc, orgs: OrgMention[]): void {
  const tk = doc.tokens;
  const found: OrgMention[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokStart + 1; i < s.tokEnd; i++) {
      if (tk[i]!.key !== SO || (!PLURALS.has(tk[i - 1]!.key) && tk[i - 1]!.kind !== 'num')) continue;
      let k = i + 1;
      if (LIST_OPENERS.has(tk[k]?.key ?? '')) k++;
      if (tk[k]?.text === ':') k++;
      const items: Array<[number, number, string]> = [];
      while (k < s.tokEnd) {
        const d = DOMAINS.match(tk, k, (_v, from, to) => to <= s.tokEnd && isFree(doc, from, to));
        if (!d) break;
        items.push([k, k + d.length, d.value]);
        k += d.length;
        if (tk[k]?.text !== ',' && tk[k]?.key !== AND_WORD) break;
        k++;
      }
      if (items.length < 2) continue;
      for (const [from, to, field] of items) {
        claim(doc, from, to);
        found.push({
          start: tk[from]!.start,
          end: tk[to - 1]!.end,
          text: doc.text.slice(tk[from]!.start, tk[to - 1]!.end),
          sentence: s.index,
          tokStart: from,
          tokEnd: to,
          base: `Sở ${field}`,
          baseVariants: [],
          subtype: 'STATE',
          need: 'PROVINCE',
          style: 'level',
          place: null,
          locatedIn: null,
          campaign: null,
          embeddedCampaigns: [],
          source: false,
          partOfTok: null,
          parentBase: null,
          parentSpan: null,
        });
      }
    }
  }
  insertInTextOrder(orgs, found);
}

/** Boards, standing committees and offices that every body of the genre has. */
const SUB_BODY_HEADS = new PhraseIndex<string>('key');
for (const [canon, ...variants] of [
  ['Ban Chấp hành', 'BCH'], ['Ban Thường vụ', 'BTV'], ['Ban Thường trực', 'BTT'], ['Thường trực'], ['Ủy ban Kiểm tra', 'UBKT'],
  ['Ban Kiểm tra'], ['Đoàn Chủ tịch'], ['Văn phòng'], ['Cơ quan'], ['Đảng đoàn'], ['Ban cán sự đảng'], ['Chi bộ'], ['Đảng bộ'],
  ['Ban Giám đốc'], ['Ban Chỉ huy'],
] as string[][]) {
  for (const v of [canon!, ...variants]) SUB_BODY_HEADS.add(v, canon!);
}
const BAN_WORD = toneKey('ban');
const HOI = toneKey('hội');
const AGENT_SUBTYPES = new Set(['PARTY', 'FRONT', 'STATE', 'MASS_ORGANIZATION']);
/** Head words that stand for the body itself after a board's name ("Ban Chấp hành Hội", "Ban Thường vụ Đoàn"). */
const BARE_PARENT_WORDS = new Set(['hội', 'đoàn', 'mặt'].map(toneKey));
const TITLE_ENDS = new Set(['tịch', 'thư', 'ban', 'đốc', 'trưởng', 'nhiệm'].map(toneKey));
const AND_WORD = toneKey('và');

/**
 * The head of a sub-body written right before body `o` ("Ban Chấp hành" + "Hội Nông dân tỉnh",
 * "Ban Kinh tế - Ngân sách" + "HĐND tỉnh", "Ban xã hội" + "Trung ương Hội Nông dân Việt Nam"):
 * its first token, or -1.
 */
function subBodyHeadBefore(doc: Doc, o: OrgMention, floor: number): { from: number; head: string } | null {
  const tk = doc.tokens;
  for (let len = 4; len >= 1; len--) {
    const from = o.tokStart - len;
    if (from < floor) continue;
    let free = true;
    for (let k = from; k < o.tokStart; k++) if (doc.claimed[k] || tk[k]!.kind === 'num') free = false;
    if (!free) continue;
    const m = SUB_BODY_HEADS.match(tk, from, (_v, _f, to) => to === o.tokStart);
    // "Phó Chủ tịch Thường trực Ủy ban MTTQ": part of a title, not a board
    if (m && m.value === 'Thường trực' && TITLE_ENDS.has(tk[from - 1]?.key ?? '')) return null;
    if (m) return { from, head: m.value };
  }
  // "Ban" and a few words naming its field: "Ban Tổ chức", "Ban Kinh tế - Ngân sách", "Ban xã hội"
  for (let from = o.tokStart - 2; from >= Math.max(floor, o.tokStart - 6); from--) {
    if (tk[from]!.key !== BAN_WORD || !tk[from]!.cap || doc.claimed[from]) continue;
    let ok = true;
    for (let k = from + 1; k < o.tokStart; k++) {
      const t = tk[k]!;
      const dash = t.kind === 'punct' && (t.text === '-' || t.text === '–') && k > from + 1 && k < o.tokStart - 1;
      const society = t.key === 'xã' && tk[k + 1]?.key === 'hội'; // "Ban xã hội", "Ban Văn hóa - Xã hội"
      if (doc.claimed[k] || (t.kind !== 'word' && !dash) || (FUNCTION_WORDS.has(t.key) && t.key !== AND_WORD) || (LEVEL_KEYS.has(t.key) && !society)) ok = false;
    }
    // "Ban Chấp Trung ương Đảng" (a typo) is not a board of "Ban Chấp hành Trung ương Đảng"
    if (ok && !o.base.startsWith('Ban ')) return { from, head: squash(doc.text.slice(tk[from]!.start, tk[o.tokStart - 1]!.end)) };
  }
  return null;
}

/** Sub-bodies named by a head before their parent body; each is PART_OF it and shares its place. */
function subBodies(doc: Doc, orgs: OrgMention[]): void {
  const tk = doc.tokens;
  const found: OrgMention[] = [];
  orgs.forEach((o) => {
    const s = doc.sentences[o.sentence];
    if (!s) return;
    const h = subBodyHeadBefore(doc, o, s.tokStart);
    if (!h) return;
    claim(doc, h.from, o.tokStart);
    found.push({
      ...o,
      start: tk[h.from]!.start,
      text: doc.text.slice(tk[h.from]!.start, o.end),
      tokStart: h.from,
      base: `${h.head} ${o.base}`,
      baseVariants: o.baseVariants.map((v) => `${h.head} ${v}`),
      campaign: null,
      embeddedCampaigns: [],
      parentBase: null,
      parentSpan: null,
      partOfTok: o.tokStart,
    });
  });
  insertInTextOrder(orgs, found);
  boardsOfTheBodyInFocus(doc, orgs);
}

/**
 * "Ban Chấp hành Hội Nông dân tỉnh khóa mới đã bầu Ban Thường vụ, Chủ tịch, … Ủy ban Kiểm tra":
 * a board named without its body is a board of the body the sentence is about, the body named
 * before it in the sentence (the parent, when that is itself a board).
 */
function boardsOfTheBodyInFocus(doc: Doc, orgs: OrgMention[]): void {
  const tk = doc.tokens;
  const bySentence = new Map<number, number[]>();
  orgs.forEach((o, idx) => bySentence.set(o.sentence, [...(bySentence.get(o.sentence) ?? []), idx]));
  const atToken = new Map<number, number>();
  orgs.forEach((o, idx) => atToken.set(o.tokStart, idx));
  const added: OrgMention[] = [];
  for (const s of doc.sentences) {
    if (s.role === 'byline') continue;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (doc.claimed[i] || !tk[i]!.cap || !SUB_BODY_HEADS.starts(tk, i)) continue;
      const m = SUB_BODY_HEADS.match(tk, i, (_v, from, to) => to <= s.tokEnd && isFree(doc, from, to));
      if (!m || m.value === 'Cơ quan' || m.value === 'Văn phòng' || m.value === 'Chi bộ' || m.value === 'Đảng bộ') continue;
      // "(Phó chủ tịch Thường trực)": part of a title, not a board
      if (m.value === 'Thường trực' && TITLE_ENDS.has(tk[i - 1]?.key ?? '')) continue;
      let end = i + m.length;
      // "Ban Chấp hành Hội gồm 31 đồng chí": the parent written by its head word alone
      const headWord = tk[end]?.cap && !doc.claimed[end] && BARE_PARENT_WORDS.has(tk[end]!.key) ? tk[end]!.key : null;
      if (headWord) end++;
      const next = tk[end];
      if (next && next.kind === 'word' && (next.cap || !FUNCTION_WORDS.has(next.key))) continue;
      // "chỉ định Ban Chấp hành, Ban Thường vụ, Bí thư, các Phó Bí thư Tỉnh ủy": a list of boards
      // and posts ends with the body they belong to
      const listEnd = boardListEnd(doc, end, s.tokEnd);
      const ahead = listEnd === null ? undefined : atToken.get(listEnd);
      if (ahead !== undefined && orgs[ahead]!.base.startsWith(`${m.value} `)) continue; // the body itself, written in full
      const before = ahead !== undefined ? [ahead] : (bySentence.get(s.index) ?? []).filter((idx) => orgs[idx]!.tokEnd <= i);
      // "Theo đó, Ban Chấp hành Hội gồm 31 đồng chí": with no body in the sentence, a board of
      // "Hội" is a board of the body the article is about
      const after = (bySentence.get(s.index) ?? []).some((idx) => orgs[idx]!.tokStart >= end);
      const fallback = before.length === 0 && !after && headWord ? dominantBody(orgs, AGENT_SUBTYPES, false, true) : null;
      const last = before.length > 0 ? orgs[before[before.length - 1]!]! : fallback !== null ? orgs[fallback]! : undefined;
      if (!last) continue;
      const parent = last.partOfTok !== null ? (orgs[atToken.get(last.partOfTok) ?? -1] ?? last) : last;
      if (!['PARTY', 'FRONT', 'MASS_ORGANIZATION', 'STATE'].includes(parent.subtype)) continue;
      // central organs (Ban Bí thư, Bộ Chính trị) and boards have no boards of their own
      if (parent.need === 'NONE' || SUB_BODY_HEADS.match(tk, parent.tokStart, (_v, _f, to) => to <= parent.tokEnd)) continue;
      // the executive committee of a party organization is its party committee (Tỉnh ủy …)
      if (m.value === 'Ban Chấp hành' && parent.subtype === 'PARTY' && / ủy$/u.test(parent.base)) continue;
      if (headWord && toneKey(parent.base.split(' ')[0]!) !== headWord) continue;
      claim(doc, i, end);
      added.push({
        ...parent,
        start: tk[i]!.start,
        end: tk[end - 1]!.end,
        text: doc.text.slice(tk[i]!.start, tk[end - 1]!.end),
        sentence: s.index,
        tokStart: i,
        tokEnd: end,
        base: `${m.value} ${parent.base}`,
        baseVariants: [],
        campaign: null,
        embeddedCampaigns: [],
        parentBase: null,
        parentSpan: null,
        source: false,
        partOfTok: parent.tokStart,
      });
      i += m.length - 1;
    }
  }
  insertInTextOrder(orgs, added);
}

const TITLE_INDEX = new PhraseIndex<true>('key');
for (const [t] of TITLES) TITLE_INDEX.add(t, true);
const LIST_GLUE = new Set([',', 'và', 'các'].map(toneKey));

/** The token after a list of boards and titles that starts at k ("…, Bí thư, các Phó Bí thư Tỉnh ủy"), null when the list has no end there. */
function boardListEnd(doc: Doc, k: number, end: number): number | null {
  const tk = doc.tokens;
  let sawGlue = false;
  for (let n = 0; k < end && n < 12; n++) {
    const t = tk[k]!;
    if (LIST_GLUE.has(t.key)) {
      sawGlue = true;
      k++;
      continue;
    }
    const b = SUB_BODY_HEADS.match(tk, k, (_v, from, to) => to <= end && isFree(doc, from, to));
    const ti = TITLE_INDEX.match(tk, k, (_v, from, to) => to <= end && isFree(doc, from, to));
    const len = Math.max(b?.length ?? 0, ti?.length ?? 0);
    if (len > 0 && sawGlue) {
      k += len;
      sawGlue = false;
      continue;
    }
    return sawGlue || n === 0 ? null : doc.claimed[k] ? k : null;
  }
  return null;
}

const UNION_HEADS = new PhraseIndex<string>('key');
for (const p of ['Công đoàn cơ sở', 'Công đoàn', 'CĐCS']) UNION_HEADS.add(p, p === 'CĐCS' ? 'Công đoàn cơ sở' : p);

/**
 * "Công đoàn cơ sở Công ty CP Dệt may 29-3": the trade union of an enterprise or institution
 * named right after it; it is part of that body.
 */
function unionsOfBodies(doc: Doc, orgs: OrgMention[]): void {
  const tk = doc.tokens;
  const found: OrgMention[] = [];
  orgs.forEach((o) => {
    if (o.subtype !== 'ENTERPRISE' && o.subtype !== 'OTHER') return;
    for (let len = 4; len >= 1; len--) {
      const from = o.tokStart - len;
      const s = doc.sentences[o.sentence];
      if (!s || from < s.tokStart || !tk[from]!.cap) continue;
      const m = UNION_HEADS.match(tk, from, (_v, _f, to) => to === o.tokStart);
      if (!m) continue;
      let free = true;
      for (let k = from; k < o.tokStart; k++) if (doc.claimed[k]) free = false;
      if (!free) continue;
      claim(doc, from, o.tokStart);
      const base = `${m.value} ${o.base}`;
      found.push({
        start: tk[from]!.start,
        end: o.end,
        text: doc.text.slice(tk[from]!.start, o.end),
        sentence: o.sentence,
        tokStart: from,
        tokEnd: o.tokEnd,
        base,
        baseVariants: [],
        subtype: 'MASS_ORGANIZATION',
        need: 'EXPLICIT',
        style: 'level',
        place: null,
        locatedIn: null,
        campaign: null,
        embeddedCampaigns: [],
        source: o.source,
        parentBase: null,
        parentSpan: null,
        partOfTok: o.tokStart,
      });
      return;
    }
  });
  insertInTextOrder(orgs, found);
}
