// A reproducible synthetic corpus of Vietnamese provincial news (the genre of seeds/ and
// /work/shared/docs/domain.md), for benchmarks. Same seed → the same articles, byte for byte;
// article i does not depend on how many articles are asked for (a corpus of 200 is the prefix of
// one of 10,000). Entities recur across articles (63 provinces weighted Zipf-like, their
// districts, their bodies and office holders, a fixed pool of campaigns) so ingest exercises the
// MERGE of shared nodes; numbers, dates and template choices make every text distinct (checked).
//
// PRNG: mulberry32, written out below — ten lines, a 32-bit state, fast, well-distributed enough
// for test data, and identical on every platform and Node version. A dependency (seedrandom,
// pure-rand) would buy nothing here and touch package.json's dependencies, which others share.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface BenchArticle {
  title: string;
  /** The whole article as a file would hold it: title line, date line, caption, paragraphs. */
  text: string;
  /** Unique per article (the article id is derived from it). */
  url: string;
  /** ISO-8601 with +07:00, the instant of the date line. */
  publishedAt: string;
}

// --- PRNG ---------------------------------------------------------------------------------

/** mulberry32: a 32-bit seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks by cumulative weights (ascending, last = total). */
  pickWeighted<T>(items: readonly T[], cumulative: readonly number[]): T {
    const r = this.next() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** k distinct items (k clamped to the list length). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.min(k, items.length));
  }
}

// --- Geography from data/admin-units/units.json ---------------------------------------------

interface RawDistrict {
  name: string;
  fullName: string;
  kind: string;
}
interface RawProvince {
  code: string;
  name: string;
  kind: string;
  formerNames?: Array<{ name?: string; kind?: string }>;
  districts: RawDistrict[];
}
interface RawRegion {
  name: string;
  level: string;
}

export interface District {
  /** "Nam Đàn" */
  name: string;
  /** "huyện Nam Đàn" */
  full: string;
}

export interface Province {
  code: string;
  /** The name as articles of 2016–2024 write it alone: "Lào Cai", "Thừa Thiên Huế", "TP.HCM". */
  name: string;
  /** "tỉnh" or "thành phố". */
  level: string;
  /** "tỉnh Lào Cai", "thành phố Hà Nội", "Thành phố Hồ Chí Minh". */
  full: string;
  /** "Tỉnh ủy" or "Thành ủy". */
  committee: string;
  slug: string;
  districts: District[];
}

export interface Geography {
  provinces: Province[];
  regions: string[];
}

const UNITS_URL = new URL('../../data/admin-units/units.json', import.meta.url);

let geographyCache: Geography | undefined;

/** Provinces (as before 1 July 2025) with their named districts, and the region names. */
export function loadGeography(): Geography {
  if (geographyCache) return geographyCache;
  const raw = JSON.parse(readFileSync(UNITS_URL, 'utf8')) as { provinces2008: RawProvince[]; regions: RawRegion[] };
  const provinces = raw.provinces2008.map((p): Province => {
    // Huế became a centrally-run city on 2025-01-01; the corpus's articles (2016–2024) say "tỉnh Thừa Thiên Huế".
    const former = p.formerNames?.find((f) => f.name && f.kind === 'tỉnh');
    const city = !former && p.kind !== 'tỉnh';
    const name = former?.name ?? (p.name === 'Hồ Chí Minh' ? 'TP.HCM' : p.name);
    const level = city ? 'thành phố' : 'tỉnh';
    const full = p.name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : `${level} ${former?.name ?? p.name}`;
    const districts = p.districts
      .filter((d) => !/\d/.test(d.name) && /^(huyện|thị xã|quận|thành phố)\s/.test(d.fullName))
      .map((d) => ({ name: d.name, full: d.fullName }));
    return { code: p.code, name, level, full, committee: city ? 'Thành ủy' : 'Tỉnh ủy', slug: slugify(former?.name ?? p.name), districts };
  });
  const regions = raw.regions.filter((r) => r.level === 'miền').map((r) => r.name);
  geographyCache = { provinces: provinces.filter((p) => p.districts.length >= 2), regions };
  return geographyCache;
}

export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const capFirst = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

// --- Vocabulary ----------------------------------------------------------------------------

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lương', 'Đoàn'];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Công', 'Đình', 'Tiến', 'Thanh', 'Ngọc', 'Trọng'];
const FEMALE_MIDDLE = ['Thị', 'Thị Thu', 'Thị Thanh', 'Thị Hồng', 'Thị Minh', 'Thị Ngọc'];
const MALE_GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Trung', 'Khánh', 'Lợi', 'Thành', 'Vinh', 'Kiên', 'Hiếu', 'Toàn', 'Đạt', 'Hưng'];
const FEMALE_GIVEN = ['Hà', 'Hương', 'Lan', 'Mai', 'Thảo', 'Hạnh', 'Hiền', 'Hoa', 'Nga', 'Yến', 'Trang', 'Huyền', 'Loan', 'Dung', 'Tâm', 'Vân'];
const PHOTOGRAPHERS = [
  'THANH PHONG', 'KIM HỒNG', 'DUY TUẤN', 'MINH HÀ', 'QUANG HUY', 'VIỆT HÙNG', 'TRẦN HẢI', 'NGỌC THÀNH', 'ĐỨC ANH', 'HOÀNG LONG',
  'THU HƯƠNG', 'MẠNH HÙNG', 'TRỌNG ĐẠT', 'BẢO TRÂM', 'ANH TUẤN', 'PHƯƠNG LINH', 'HỒNG NHUNG', 'XUÂN TRƯỜNG', 'NGUYỄN ĐĂNG', 'LÊ HIẾU',
  'TRUNG KIÊN', 'VĂN TOÀN', 'THÙY DƯƠNG', 'HẢI NAM', 'MINH KHÔI', 'QUỲNH ANH', 'TUẤN MINH', 'HỮU VIỆT', 'ĐÌNH TRỌNG', 'KHÁNH HÒA',
];
const BYLINES = ['PV', 'THANH HÀ', 'MINH ANH', 'HOÀNG VIỆT', 'Ngọc Lan', 'Văn Thắng', 'Thu Trang', 'Quang Minh', 'Hồng Vân', 'BÍCH NGỌC'];
const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

const DEPARTMENTS = [
  'Lao động - Thương binh và Xã hội', 'Nông nghiệp và Phát triển nông thôn', 'Giáo dục và Đào tạo', 'Y tế', 'Tài chính',
  'Kế hoạch và Đầu tư', 'Công Thương', 'Xây dựng', 'Tài nguyên và Môi trường', 'Văn hóa, Thể thao và Du lịch', 'Nội vụ',
];
const PRODUCTS = ['May mặc', 'Chế biến chè', 'Xi măng', 'Gạch ngói', 'Chế biến thủy sản', 'Thức ăn chăn nuôi', 'Phân bón', 'Chế biến gỗ', 'Đường', 'Cao su', 'Dược phẩm', 'Nước sạch', 'Chế biến nông sản', 'Giày da', 'Cơ khí'];
const BRANDS = ['Thành Công', 'Hưng Thịnh', 'Phúc Lộc', 'An Phát', 'Minh Long', 'Tân Tiến', 'Đại Dương', 'Hoàng Long', 'Việt Hưng', 'Sao Mai', 'Bình Minh', 'Trường Sơn', 'Hồng Hà', 'Phú Cường', 'Kim Long', 'Tiến Đạt'];

const CAMPAIGNS = [
  'Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh', 'Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư',
  'Người Việt Nam ưu tiên dùng hàng Việt Nam', 'Xây dựng gia đình 5 không, 3 sạch', 'Ngày vì người nghèo', 'Vì biển, đảo quê hương',
];
const MOVEMENTS = [
  'Nông dân sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững', 'Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc',
  'Thanh niên tình nguyện', 'Tuổi trẻ sáng tạo', 'Cựu chiến binh gương mẫu', 'Toàn dân bảo vệ an ninh Tổ quốc', 'Ngày Chủ nhật xanh', 'Nông dân thi đua xây dựng nông thôn mới',
];
const EMULATIONS = [
  'Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau', 'Đoàn kết sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế',
  'Dân vận khéo', 'Chung sức xây dựng nông thôn mới', 'Lao động giỏi, lao động sáng tạo', 'Doanh nghiệp giỏi, doanh nhân tiêu biểu',
];
const FUNDS = ['Vì người nghèo', 'Đền ơn đáp nghĩa', 'Vì biển, đảo Việt Nam', 'Bảo trợ trẻ em', 'Nghĩa tình đồng đội', 'Phòng, chống thiên tai', 'Khuyến học'];
const COUNTED = ['hộ nghèo', 'hộ cận nghèo', 'gia đình chính sách', 'hội viên', 'lượt hộ', 'học sinh', 'người cao tuổi', 'trẻ em có hoàn cảnh đặc biệt'];

// --- The world: who holds which office, which firms exist, how often each province is in the news.

type Role = 'BT' | 'PBT' | 'CT_UBND' | 'PCT_UBND' | 'CT_MTTQ' | 'CT_HND' | 'BT_DOAN' | 'GD_NHCS' | 'TB_TC' | 'GD_SO';

interface Person {
  name: string;
  female: boolean;
}

interface ProvinceWorld {
  province: Province;
  people: Record<Role, Person>;
  /** Department the GD_SO person heads. */
  department: string;
  enterprises: string[];
}

interface World {
  geo: Geography;
  provinces: ProvinceWorld[];
  cumulative: number[];
}

const ROLES: Role[] = ['BT', 'PBT', 'CT_UBND', 'PCT_UBND', 'CT_MTTQ', 'CT_HND', 'BT_DOAN', 'GD_NHCS', 'TB_TC', 'GD_SO'];

function buildWorld(seed: number): World {
  const geo = loadGeography();
  const rng = new Rng((seed ^ 0x9e3779b9) >>> 0);
  const order = rng.shuffle(geo.provinces);
  const person = (): Person => {
    const female = rng.chance(0.3);
    return female
      ? { name: `${rng.pick(SURNAMES)} ${rng.pick(FEMALE_MIDDLE)} ${rng.pick(FEMALE_GIVEN)}`, female }
      : { name: `${rng.pick(SURNAMES)} ${rng.pick(MALE_MIDDLE)} ${rng.pick(MALE_GIVEN)}`, female };
  };
  const provinces = order.map((province): ProvinceWorld => {
    const people = Object.fromEntries(ROLES.map((r) => [r, person()])) as Record<Role, Person>;
    const enterprises = [
      `Công ty cổ phần ${rng.pick(PRODUCTS)} ${province.name}`,
      `Nhà máy ${rng.pick(PRODUCTS)} ${rng.pick(BRANDS)}`,
      `Công ty TNHH ${rng.pick(BRANDS)}`,
      `Hợp tác xã ${rng.pick(['Nông nghiệp', 'Dịch vụ nông nghiệp', 'Chè', 'Rau an toàn'])} ${rng.pick(province.districts).name}`,
    ];
    return { province, people, department: rng.pick(DEPARTMENTS), enterprises };
  });
  // Zipf-like: the province at rank r is in the news about 1/(r+4) as often.
  const cumulative: number[] = [];
  let total = 0;
  provinces.forEach((_, r) => cumulative.push((total += 1 / (r + 4))));
  return { geo, provinces, cumulative };
}

// --- One section's context: the province it is about and the number grammar. -----------------

class Section {
  readonly P: Province;
  readonly D: District;
  readonly D2: District;
  constructor(
    readonly rng: Rng,
    readonly world: World,
    readonly pw: ProvinceWorld,
    /** Publication year. */
    readonly Y: number,
  ) {
    this.P = pw.province;
    [this.D, this.D2] = rng.sample(this.P.districts, 2) as [District, District];
  }

  n(lo: number, hi: number): number {
    return this.rng.int(lo, hi);
  }
  /** Integer with "." thousands separators: 49300 → "49.300". */
  num(lo: number, hi: number): string {
    return fmtInt(this.rng.int(lo, hi));
  }
  /** Decimal with "," as the decimal mark: "6,3". */
  dec(lo: number, hi: number, digits = 1): string {
    const scale = 10 ** digits;
    const v = this.rng.int(lo * scale, hi * scale) / scale;
    return fmtDec(v, digits);
  }
  /** A qualifier word and space, or nothing (half the time). */
  q(): string {
    return this.rng.chance(0.5) ? '' : this.rng.pick(['hơn ', 'trên ', 'gần ', 'khoảng ', 'xấp xỉ ', 'ước ', 'hơn ', 'gần ']);
  }
  pct(): string {
    return this.rng.chance(0.6) ? `${this.dec(1, 99, 2)}%` : `${this.n(1, 99)}%`;
  }
  /** Money in the genre's forms; `scale` picks the magnitude. */
  money(scale: 'small' | 'mid' | 'big' = 'mid'): string {
    const ty = this.rng.chance(0.85) ? 'tỷ' : 'tỉ';
    const r = this.rng.float();
    if (scale === 'small') {
      return r < 0.6 ? `${this.n(20, 950)} triệu đồng` : r < 0.85 ? `${this.dec(1, 9, 1)} ${ty} đồng` : `${this.n(2, 30)} ${ty} đồng`;
    }
    if (scale === 'big') {
      return r < 0.5 ? `${this.num(1000, 9999)} ${ty} đồng` : r < 0.8 ? `${this.dec(100, 999, 1)} ${ty} đồng` : `${this.dec(1, 9, 2)} nghìn ${ty} đồng`;
    }
    return r < 0.35 ? `${this.n(2, 300)} ${ty} đồng` : r < 0.75 ? `${this.dec(1, 99, this.rng.int(1, 3))} ${ty} đồng` : `${this.num(100, 999)} triệu đồng`;
  }
  /** "2015-2020" or "2020-2025", the party term of the publication year. */
  get term(): string {
    return this.Y <= 2020 ? '2015-2020' : '2020-2025';
  }
  /** "tỉnh"/"thành phố" */
  get lvl(): string {
    return this.P.level;
  }

  // Bodies of the section's province (the variants exercise alias merging).
  front(): string {
    return this.rng.pick([`Ủy ban MTTQ ${this.P.full}`, `Ủy ban MTTQ Việt Nam ${this.P.full}`, `Ủy ban Mặt trận Tổ quốc Việt Nam ${this.P.full}`, `Ủy ban MTTQ ${this.P.full}`]);
  }
  ubnd(): string {
    return this.rng.pick([`UBND ${this.P.full}`, `Ủy ban nhân dân ${this.P.full}`, `UBND ${this.P.full}`]);
  }
  committee(): string {
    return this.rng.chance(0.5) ? `${this.P.committee} ${this.P.name}` : this.P.committee;
  }
  standing(): string {
    return `Ban Thường vụ ${this.P.committee}`;
  }
  farmers(): string {
    return `Hội Nông dân ${this.P.full}`;
  }
  women(): string {
    return `Hội Liên hiệp Phụ nữ ${this.P.full}`;
  }
  veterans(): string {
    return `Hội Cựu chiến binh ${this.P.full}`;
  }
  labor(): string {
    return `Liên đoàn Lao động ${this.P.full}`;
  }
  youth(): string {
    return this.rng.pick([`Đoàn Thanh niên ${this.P.full}`, `Tỉnh đoàn ${this.P.name}`, `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${this.P.full}`]);
  }
  bank(): string {
    return this.rng.pick([
      `Chi nhánh Ngân hàng Chính sách xã hội ${this.P.full}`,
      `Ngân hàng Chính sách xã hội ${this.P.full}`,
      `Ngân hàng Chính sách xã hội`,
      `NHCSXH ${this.P.full}`,
    ]);
  }
  dept(name?: string): string {
    const d = name ?? this.rng.pick(DEPARTMENTS);
    return this.rng.chance(0.5) ? `Sở ${d} ${this.P.full}` : `Sở ${d}`;
  }
  enterprise(): string {
    return this.rng.pick(this.pw.enterprises);
  }
  campaign(): string {
    const r = this.rng.float();
    if (r < 0.3) return `cuộc vận động “${this.rng.pick(CAMPAIGNS)}”`;
    if (r < 0.55) return `phong trào “${this.rng.pick(MOVEMENTS)}”`;
    if (r < 0.8) return `phong trào thi đua “${this.rng.pick(EMULATIONS)}”`;
    return `Quỹ “${this.rng.pick(FUNDS)}”`;
  }
  /** A list in the genre's shape: names in curly quotes joined by "," and ";". */
  campaignList(): string {
    const own = `${this.P.name} ${this.rng.pick(['hành động vì môi trường sạch', 'chung tay vì người nghèo', 'sáng - xanh - sạch - đẹp'])}`;
    const names = this.rng.sample([...CAMPAIGNS, own], this.n(2, 3)).map((c) => `“${c}”`);
    const parts = [names.join(', ')];
    if (this.rng.chance(0.7)) parts.push(`phong trào thi đua “${this.rng.pick(EMULATIONS)}”`);
    if (this.rng.chance(0.6)) parts.push(`ủng hộ Quỹ “${this.rng.pick(FUNDS)}”`);
    return parts.join('; ');
  }
  role(role: Role): string {
    const lv = this.lvl;
    switch (role) {
      case 'BT': return `Bí thư ${this.P.committee}`;
      case 'PBT': return `Phó Bí thư Thường trực ${this.P.committee}`;
      case 'CT_UBND': return `Chủ tịch UBND ${lv}`;
      case 'PCT_UBND': return `Phó Chủ tịch UBND ${lv}`;
      case 'CT_MTTQ': return `Chủ tịch Ủy ban MTTQ ${lv}`;
      case 'CT_HND': return `Chủ tịch Hội Nông dân ${lv}`;
      case 'BT_DOAN': return `Bí thư Tỉnh đoàn`;
      case 'GD_NHCS': return `Giám đốc Chi nhánh Ngân hàng Chính sách xã hội ${lv}`;
      case 'TB_TC': return `Trưởng Ban Tổ chức ${this.P.committee}`;
      case 'GD_SO': return `Giám đốc Sở ${this.pw.department}`;
    }
  }
  /** A person with their role, in one of the genre's orders. */
  person(role?: Role): string {
    const r = role ?? this.rng.pick(ROLES);
    const p = this.pw.people[r];
    const form = this.rng.int(0, 3);
    if (form === 0) return `đồng chí ${p.name}, ${this.role(r)}`;
    if (form === 1) return `${p.female ? 'bà' : 'ông'} ${p.name}, ${this.role(r)}`;
    if (form === 2) return `${this.role(r)} ${p.name}`;
    return `đồng chí ${p.name}, Ủy viên Ban Thường vụ ${this.P.committee}, ${this.role(r)}`;
  }
  region(): string {
    return this.rng.pick(this.world.geo.regions);
  }
}

export function fmtInt(n: number): string {
  const s = String(Math.trunc(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function fmtDec(v: number, digits: number): string {
  const [int, frac] = v.toFixed(digits).split('.') as [string, string | undefined];
  const f = (frac ?? '').replace(/0+$/, '');
  return f ? `${fmtInt(Number(int))},${f}` : fmtInt(Number(int));
}

// --- Sentence templates ------------------------------------------------------------------------

type Topic = 'party' | 'front' | 'farmers' | 'bank' | 'ntm' | 'youth' | 'mass' | 'economy' | 'social';
const TOPICS: Topic[] = ['party', 'front', 'farmers', 'bank', 'ntm', 'youth', 'mass', 'economy', 'social'];

interface Template {
  topic: Topic | 'any';
  /** Names the section's province in full: may open a ★ section. */
  anchor?: boolean;
  /** States at least one figure. */
  fig?: boolean;
  make(c: Section): string;
}

const T = (topic: Template['topic'], flags: string, make: (c: Section) => string): Template => ({
  topic,
  anchor: flags.includes('a'),
  fig: flags.includes('f'),
  make,
});

export const TEMPLATES: readonly Template[] = [
  // party building
  T('party', 'f', (c) => `Nhiệm kỳ ${c.term}, trung bình mỗi năm ${c.P.name} phát triển ${c.num(300, 4000)} đảng viên.`),
  T('party', 'f', (c) => `Toàn ${c.lvl} hiện có ${c.q()}${c.num(20000, 160000)} đảng viên, tăng ${c.num(800, 12000)} đảng viên so với năm ${c.Y - c.n(3, 5)}.`),
  T('party', 'af', (c) => `Theo báo cáo của Ban Tổ chức ${c.P.committee} ${c.P.name}, tính đến ngày 30-6, các đảng bộ trực thuộc ${c.P.committee} kết nạp được ${c.num(100, 1500)} đảng viên mới, đạt ${c.pct()} chỉ tiêu đề ra trong năm ${c.Y}.`),
  T('party', '', (c) => `${c.standing()} chỉ đạo tập trung giải pháp làm tốt công tác phát triển đảng viên trong toàn Đảng bộ, nhất là ở ${c.D.full} và ${c.D2.full}.`),
  T('party', 'f', (c) => `Đảng bộ ${c.D.full} kết nạp ${c.n(20, 300)} đảng viên mới, đạt ${c.pct()} chỉ tiêu được giao; ${c.n(2, 40)} chi bộ thôn, bản được củng cố, kiện toàn.`),
  T('party', '', (c) => `Phát biểu chỉ đạo, ${c.person('BT')} đề nghị cấp ủy các cấp tiếp tục nâng cao chất lượng sinh hoạt chi bộ, tạo nguồn đảng viên trong lực lượng dân quân tự vệ, công an, giáo viên.`),
  T('party', 'af', (c) => `Đảng bộ ${c.P.full} hiện có ${c.num(300, 1200)} tổ chức cơ sở đảng với ${c.num(1000, 5000)} chi bộ trực thuộc và ${c.q()}${c.num(20000, 150000)} đảng viên.`),
  T('party', '', () => `Gắn liền với đó, việc phân công nhiệm vụ cho đảng viên cũng được cấp ủy các cấp thực hiện nghiêm túc, kết quả làm căn cứ đánh giá mức độ hoàn thành nhiệm vụ hằng năm.`),
  // the Front and its funds
  T('front', 'a', (c) => `Những năm qua, ${c.front()} tập trung đẩy mạnh các cuộc vận động, phong trào thi đua yêu nước như: ${c.campaignList()}.`),
  T('front', 'f', (c) => `${c.rng.pick(['Ủy ban MTTQ', 'MTTQ các cấp'])}, Ban vận động Quỹ “Vì người nghèo” các cấp trong ${c.lvl} đã vận động được ${c.q()}${c.money()}; hỗ trợ xây dựng mới ${c.num(100, 3000)} nhà đại đoàn kết trị giá ${c.q()}${c.money()}.`),
  T('front', 'f', (c) => `Tặng ${c.q()}${c.n(2, 60)} nghìn suất quà trị giá ${c.q()}${c.money()}, hỗ trợ ${c.num(1000, 20000)} học sinh nghèo với số tiền ${c.money('small')}.`),
  T('front', 'af', (c) => `Trong năm ${c.Y - 1}, các tổ chức, cá nhân trong và ngoài ${c.P.full} đã tích cực hưởng ứng, ủng hộ Quỹ “${c.rng.pick(FUNDS)}” được ${c.money()} (tăng ${c.pct()} so với năm ${c.Y - 2}).`),
  T('front', 'f', (c) => `Mới đây, MTTQ các cấp trong ${c.lvl} đã vận động các tầng lớp nhân dân quyên góp ủng hộ đồng bào các tỉnh ${c.region()} bị thiệt hại do bão, lũ với tổng số tiền ${c.q()}${c.money('small')}.`),
  T('front', 'f', (c) => `${capFirst(c.person('CT_MTTQ'))} trao Bằng khen của ${c.ubnd()} cho ${c.n(10, 90)} tập thể, cá nhân có thành tích xuất sắc trong ${c.campaign()}.`),
  T('front', '', () => `Theo đó, MTTQ các cấp đã tích cực tuyên truyền, vận động nhân dân đóng góp, hoàn thành các tiêu chí nông thôn mới; xây dựng các mô hình nhân dân tự quản, khu dân cư kiểu mẫu.`),
  // farmers
  T('farmers', 'af', (c) => `Năm ${c.Y - 1}, đã có ${c.q()}${c.num(5000, 90000)} hội viên ${c.farmers()} đăng ký tham gia phong trào “${MOVEMENTS[0]}”.`),
  T('farmers', 'f', (c) => `Qua bình xét đã có ${c.num(2000, 40000)} hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp, trong đó ${c.num(100, 3000)} hộ có thu nhập ${c.q()}${c.n(1, 3)} tỷ đồng mỗi năm.`),
  T('farmers', 'f', (c) => `${c.farmers()} phối hợp với ${c.bank()} giải ngân ${c.q()}${c.money('big')} cho ${c.num(3000, 30000)} hộ vay vốn phát triển sản xuất.`),
  T('farmers', 'f', (c) => `Quỹ Hỗ trợ nông dân các cấp hiện có tổng nguồn vốn ${c.money()}, hỗ trợ ${c.n(100, 900)} dự án với ${c.num(1000, 6000)} hộ tham gia.`),
  T('farmers', 'f', (c) => `Hội Nông dân ${c.D.full} đã xây dựng ${c.n(5, 60)} mô hình kinh tế tập thể, ${c.n(2, 20)} hợp tác xã nông nghiệp với tổng doanh thu ${c.q()}${c.money()}.`),
  T('farmers', '', (c) => `${capFirst(c.person('CT_HND'))} cho biết, thời gian qua, Hội luôn chủ động phối hợp với các ban, ngành, đoàn thể hỗ trợ vốn, đào tạo nghề cho nông dân.`),
  // social policy credit
  T('bank', 'af', (c) => `Đến hết tháng ${c.n(3, 12)} năm ${c.Y}, tổng nguồn vốn của Chi nhánh Ngân hàng Chính sách xã hội ${c.P.full} đạt ${c.q()}${c.money('big')}.`),
  T('bank', 'f', (c) => `Tổng dư nợ ${c.n(10, 19)} chương trình tín dụng chính sách đạt ${c.q()}${c.money('big')}, với ${c.num(20000, 120000)} khách hàng còn dư nợ, tăng ${c.money()} so với năm ${c.Y - c.n(1, 10)}.`),
  T('bank', 'f', (c) => `Toàn ${c.lvl} có ${c.q()}${c.n(20, 300)} nghìn lượt hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được vay vốn; ${c.q()}${c.dec(2, 30, 1)} nghìn lượt hộ đồng bào dân tộc thiểu số được vay vốn phát triển trồng trọt, chăn nuôi.`),
  T('bank', 'f', (c) => `Nợ quá hạn chỉ chiếm ${c.dec(0, 1, 2)}% tổng dư nợ; ${c.num(1000, 9000)} tổ tiết kiệm và vay vốn hoạt động hiệu quả.`),
  T('bank', 'f', (c) => `Gần ${c.n(10, 60)} nghìn lao động được tạo việc làm; ${c.num(1000, 8000)} căn nhà ở cho hộ nghèo được xây mới từ nguồn vốn của ${c.bank()}.`),
  T('bank', '', (c) => `${capFirst(c.person('GD_NHCS'))} khẳng định, nguồn vốn tín dụng chính sách đã trở thành “đòn bẩy” giúp hộ nghèo ở ${c.D.full} vươn lên thoát nghèo.`),
  // new rural development
  T('ntm', 'af', (c) => `Đến nay, ${c.P.name} có ${c.rng.chance(0.4) ? '100%' : c.pct()} xã được công nhận đạt chuẩn nông thôn mới; toàn bộ ${c.n(5, 12)} đơn vị cấp huyện hoàn thành xây dựng nông thôn mới.`),
  T('ntm', 'f', (c) => {
    const k = c.n(10, 30);
    return `${capFirst(c.D.full)} có ${k}/${k} xã (100%) đã được ${c.ubnd()} công nhận đạt chuẩn nông thôn mới.`;
  }),
  T('ntm', 'f', (c) => `Thu nhập bình quân đầu người khu vực nông thôn của huyện năm ${c.Y - 1} đạt ${c.n(25, 70)} triệu đồng/người, tăng ${c.dec(3, 20, 1)} triệu đồng so với năm ${c.Y - 5}.`),
  T('ntm', 'f', (c) => `Tỷ lệ hộ nghèo tại các xã đều dưới ${c.n(3, 8)}% và trên địa bàn toàn huyện còn ${c.dec(0, 5, 2)}%.`),
  T('ntm', 'f', (c) => `Nhân dân ${c.D.full} đã hiến ${c.q()}${c.num(10000, 300000)} m2 đất, đóng góp ${c.q()}${c.money()} và ${c.num(5000, 90000)} ngày công để làm ${c.dec(10, 300, 1)} km đường giao thông nông thôn.`),
  T('ntm', 'f', (c) => `Hiện ${c.P.name} có ${c.n(2, 40)} xã đạt chuẩn nông thôn mới nâng cao và ${c.n(1, 15)} xã đạt chuẩn nông thôn mới kiểu mẫu; ${c.n(5, 80)} sản phẩm đạt chuẩn OCOP từ 3 sao trở lên.`),
  // youth
  T('youth', 'af', (c) => `Hưởng ứng phong trào “Thanh niên tình nguyện”, Đoàn Thanh niên ${c.P.full} đã thực hiện ${c.n(20, 300)} công trình thanh niên với tổng trị giá ${c.q()}${c.money()}.`),
  T('youth', 'f', (c) => `Trong ${c.n(2, 3)} tháng hè năm ${c.Y}, ${c.q()}${c.num(2000, 50000)} lượt đoàn viên, thanh niên tham gia Chiến dịch Thanh niên tình nguyện hè, sửa chữa ${c.dec(5, 120, 1)} km đường giao thông nông thôn.`),
  T('youth', 'f', (c) => `${capFirst(c.person('BT_DOAN'))} cho biết, phong trào “Tuổi trẻ sáng tạo” đã thu hút ${c.q()}${c.num(1000, 20000)} đoàn viên tham gia với ${c.n(50, 900)} sáng kiến được công nhận.`),
  T('youth', 'f', (c) => `${c.youth()} trao ${c.n(20, 500)} suất học bổng trị giá ${c.money('small')} cho học sinh nghèo vượt khó học giỏi ở ${c.D.full}.`),
  // women, veterans, trade unions
  T('mass', 'af', (c) => `${c.women()} đã giúp ${c.num(1000, 9000)} hội viên phụ nữ thoát nghèo, xây dựng ${c.n(20, 400)} “Mái ấm tình thương” trị giá ${c.q()}${c.money()}.`),
  T('mass', 'af', (c) => `Hưởng ứng phong trào “Cựu chiến binh gương mẫu”, ${c.veterans()} đã vận động hội viên hiến ${c.num(2000, 60000)} m2 đất, đóng góp ${c.q()}${c.money('small')} xây dựng nông thôn mới.`),
  T('mass', 'af', (c) => `${c.labor()} đã trao ${c.n(50, 600)} suất quà Tết cho đoàn viên, người lao động có hoàn cảnh khó khăn với tổng trị giá ${c.money('small')}; hỗ trợ xây dựng ${c.n(5, 80)} “Mái ấm công đoàn”.`),
  T('mass', 'f', (c) => `Hội Liên hiệp Phụ nữ ${c.D.full} duy trì ${c.n(20, 200)} tổ tiết kiệm với ${c.num(1000, 6000)} thành viên, tổng số tiền tiết kiệm ${c.q()}${c.money('small')}.`),
  // enterprises and the economy
  T('economy', 'f', (c) => `${c.enterprise()} hiện giải quyết việc làm cho ${c.q()}${c.num(200, 9000)} lao động với thu nhập bình quân ${c.dec(5, 15, 1)} triệu đồng/người/tháng.`),
  T('economy', 'f', (c) => `Năm ${c.Y - 1}, doanh thu của ${c.enterprise()} đạt ${c.q()}${c.money('big')}, nộp ngân sách nhà nước ${c.money()}, tăng ${c.pct()} so với năm ${c.Y - 2}.`),
  T('economy', 'f', (c) => `${c.enterprise()} (${c.D.name}, ${c.P.name}) đã ủng hộ Quỹ “${c.rng.pick(FUNDS)}” ${c.money('small')} và trao ${c.n(50, 800)} suất quà cho hộ nghèo.`),
  T('economy', 'af', (c) => `Tổng vốn đầu tư toàn xã hội trên địa bàn ${c.P.full} năm ${c.Y - 1} ước đạt ${c.money('big')}, tăng ${c.pct()} so với cùng kỳ.`),
  // employment and welfare
  T('social', 'f', (c) => `${c.dept('Lao động - Thương binh và Xã hội')} cho biết, trong năm ${c.Y - 1} toàn ${c.lvl} đã giải quyết việc làm cho ${c.q()}${c.num(10000, 40000)} lao động, trong đó ${c.num(1000, 9000)} người đi làm việc ở nước ngoài theo hợp đồng.`),
  T('social', 'af', (c) => `Tỷ lệ hộ nghèo của ${c.P.full} giảm từ ${c.dec(5, 20, 2)}% xuống còn ${c.dec(1, 5, 2)}%, vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ ${c.lvl} nhiệm kỳ ${c.term}.`),
  T('social', 'f', (c) => `Dịp Tết Nguyên đán, ${c.ubnd()} đã trao ${c.q()}${c.n(10, 200)} nghìn suất quà cho các gia đình chính sách, hộ nghèo với tổng trị giá ${c.q()}${c.money()}.`),
  T('social', 'f', (c) => `${c.dept('Giáo dục và Đào tạo')} đã trao ${c.num(1000, 9000)} suất học bổng với số tiền ${c.money()} cho học sinh nghèo vượt khó.`),
  T('social', 'f', (c) => `Toàn ${c.lvl} hiện có ${c.num(2000, 40000)} ${c.rng.pick(COUNTED)} được hưởng trợ cấp xã hội hằng tháng, tăng ${c.n(2, 30)}% so với năm ${c.Y - c.n(2, 4)}.`),
  // any topic
  T('any', '', (c) => `Phát biểu tại hội nghị, ${c.person()} ghi nhận, biểu dương những kết quả đạt được và đề nghị các cấp, các ngành tiếp tục phát huy vai trò, trách nhiệm trong thời gian tới.`),
  T('any', 'f', (c) => `Dịp này, ${c.person('CT_UBND')} đã trao Bằng khen cho ${c.n(10, 80)} tập thể và ${c.n(10, 120)} cá nhân có thành tích xuất sắc.`),
  T('any', '', (c) => `Tham dự có ${c.person('PBT')} và đại diện lãnh đạo các sở, ban, ngành, đoàn thể của ${c.lvl}.`),
  T('any', 'a', (c) => `Đó là những số liệu được báo cáo tại hội nghị tổng kết năm ${c.Y - 1} do ${c.rng.pick([c.front(), c.ubnd(), c.farmers(), c.women()])} tổ chức ngày ${c.n(1, 28)}-${c.n(1, 12)}.`),
  T('any', 'f', (c) => `${c.ubnd()} đã ban hành ${c.n(3, 20)} kế hoạch, ${c.n(2, 10)} chương trình hành động nhằm thực hiện mục tiêu giảm nghèo bền vững giai đoạn ${c.Y}-${c.Y + 4}.`),
  T('any', 'f', (c) => `Các địa phương như ${c.D.full}, ${c.D2.full} là những đơn vị dẫn đầu với ${c.pct()} hộ gia đình đạt danh hiệu gia đình văn hóa.`),
  T('any', '', (c) => `${c.dept()} phối hợp chặt chẽ với ${c.rng.pick([c.front(), c.farmers(), c.youth()])} triển khai ${c.campaign()} tới từng thôn, bản, tổ dân phố.`),
];

const TITLES: ReadonlyArray<{ topic: Topic; make(c: Section): string }> = [
  { topic: 'party', make: (c) => `${c.P.name} xây dựng tổ chức cơ sở đảng gắn với nâng cao chất lượng đảng viên` },
  { topic: 'party', make: (c) => `Toàn ${c.lvl} kết nạp ${c.n(100, 900)} đảng viên, đạt ${c.pct()} chỉ tiêu năm ${c.Y}` },
  { topic: 'party', make: (c) => `Nâng cao chất lượng sinh hoạt chi bộ ở ${c.P.name}` },
  { topic: 'front', make: (c) => `Hơn ${c.n(10, 200)} tỷ đồng cho Quỹ “Vì người nghèo”` },
  { topic: 'front', make: (c) => `Mặt trận ${c.P.name} chung tay vì người nghèo` },
  { topic: 'farmers', make: (c) => `${c.num(2000, 40000)} nông dân sản xuất, kinh doanh giỏi` },
  { topic: 'farmers', make: (c) => `Nông dân ${c.P.name} làm giàu trên quê hương` },
  { topic: 'bank', make: (c) => `Tín dụng chính sách tiếp sức hộ nghèo ${c.D.full}` },
  { topic: 'bank', make: (c) => `Vốn chính sách ở ${c.P.name}: “đòn bẩy” giảm nghèo` },
  { topic: 'ntm', make: (c) => `${c.P.name}: ${c.n(2, 9)} huyện đạt chuẩn nông thôn mới` },
  { topic: 'ntm', make: (c) => `${capFirst(c.D.full)} về đích nông thôn mới` },
  { topic: 'youth', make: (c) => `Tuổi trẻ ${c.P.name} xung kích tình nguyện vì cộng đồng` },
  { topic: 'mass', make: (c) => `Phụ nữ ${c.P.name} giúp nhau thoát nghèo` },
  { topic: 'mass', make: (c) => `Cựu chiến binh ${c.P.name} gương mẫu, đi đầu` },
  { topic: 'economy', make: (c) => `Doanh nghiệp ${c.P.name} đồng hành cùng an sinh xã hội` },
  { topic: 'social', make: (c) => `${c.P.name} giải quyết việc làm cho hơn ${c.num(10000, 40000)} lao động` },
  { topic: 'social', make: (c) => `${c.P.name} trao ${c.n(10, 200)} nghìn suất quà Tết cho hộ nghèo` },
];

const CAPTIONS: ReadonlyArray<(c: Section) => string> = [
  (c) => `Công nhân ${c.enterprise()} (${c.D.name}, ${c.P.name}) kiểm tra chất lượng sản phẩm.`,
  (c) => `${capFirst(c.person(c.rng.pick(['BT', 'CT_UBND', 'CT_MTTQ'] as const)))} trao quà cho hộ nghèo ${c.D.full}.`,
  (c) => `Lãnh đạo ${c.front()} trao Bằng khen cho các tập thể, cá nhân.`,
  (c) => `Đoàn viên, thanh niên ${c.D.full} ra quân Chiến dịch Thanh niên tình nguyện hè.`,
  (c) => `Nông dân ${c.D.full} (${c.P.name}) thu hoạch lúa.`,
  (c) => `Cán bộ ${c.bank()} giải ngân vốn vay cho hộ nghèo.`,
  (c) => `Một góc nông thôn mới ở ${c.D.full}, ${c.P.full}.`,
  (c) => `Bàn giao nhà đại đoàn kết cho hộ nghèo ở ${c.D.full}.`,
];

// --- Articles --------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);
const pad = (n: number) => String(n).padStart(2, '0');

function paragraph(c: Section, topic: Topic, used: Set<Template>, first: Template | null, sentences: number): string {
  const pool = TEMPLATES.filter((t) => (t.topic === topic || t.topic === 'any') && !used.has(t));
  const out: string[] = [];
  if (first) {
    used.add(first);
    out.push(first.make(c));
  }
  while (out.length < sentences) {
    const fresh = pool.filter((t) => !used.has(t));
    const t = c.rng.pick(fresh.length ? fresh : TEMPLATES.filter((x) => x.topic === topic || x.topic === 'any'));
    used.add(t);
    out.push(t.make(c));
  }
  return out.join(' ');
}

/** Paragraphs of one section; its first sentence names the province and states a figure where one exists. */
function section(c: Section, topic: Topic, paragraphs: number): string[] {
  const used = new Set<Template>();
  const mine = TEMPLATES.filter((t) => t.topic === topic);
  const opener = c.rng.pick(mine.filter((t) => t.anchor && t.fig).length ? mine.filter((t) => t.anchor && t.fig) : mine.filter((t) => t.anchor));
  const figs = mine.filter((t) => t.fig && t !== opener);
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const first = i === 0 ? opener : i === 1 && figs.length ? c.rng.pick(figs) : null;
    out.push(paragraph(c, topic, used, first, c.rng.int(2, 5)));
  }
  return out;
}

function generateOne(rng: Rng, world: World, index: number): BenchArticle {
  const pw = rng.pickWeighted(world.provinces, world.cumulative);
  const day = FIRST_DAY + rng.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS;
  const date = new Date(day);
  const [Y, M, D] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const [h, m] = [rng.int(0, 23), rng.int(0, 59)];
  const c = new Section(rng, world, pw, Y);
  const topic = rng.pick(TOPICS);
  const titles = TITLES.filter((t) => t.topic === topic);
  const title = (titles.length ? rng.pick(titles) : rng.pick(TITLES)).make(c);

  const dateStyle = rng.float();
  const weekday = WEEKDAYS[date.getUTCDay()]!;
  const dateLine =
    dateStyle < 0.6
      ? `${weekday}, ${pad(D)}-${pad(M)}-${Y}, ${pad(h)}:${pad(m)}`
      : dateStyle < 0.85
        ? `${weekday}, ${pad(D)}/${pad(M)}/${Y}, ${pad(h)}:${pad(m)} (GMT+7)`
        : `Cập nhật: ${pad(h)}:${pad(m)}, ${pad(D)}/${pad(M)}/${Y} (GMT+7)`;

  const blocks: string[] = [title, dateLine];
  if (rng.chance(0.55)) blocks.push(`${rng.pick(CAPTIONS)(c)} Ảnh: ${rng.pick(PHOTOGRAPHERS)}`);
  const body = section(c, topic, rng.int(2, 6));

  // Sometimes a ★ report about another province follows.
  if (rng.chance(0.4)) {
    let other = rng.pickWeighted(world.provinces, world.cumulative);
    if (other === pw) other = world.provinces[(world.provinces.indexOf(pw) + 1) % world.provinces.length]!;
    const s = new Section(rng, world, other, Y);
    const paras = section(s, rng.pick(TOPICS), rng.int(1, 3));
    paras[0] = `★ ${paras[0]}`;
    body.push(...paras);
  }
  // One article in ten has the seed's ragged paragraph breaks (" \n ★ …").
  const ragged = rng.chance(0.1);
  let text = blocks.join('\n\n') + '\n\n' + body.join(ragged ? '\n \n ' : '\n\n');
  if (rng.chance(0.3)) text += `\n\n${rng.pick(BYLINES)}`;
  text += '\n';

  const url = `https://bench.vnkg.invalid/${pw.province.slug}/${Y}/${String(index + 1).padStart(6, '0')}-${slugify(title).slice(0, 60)}.html`;
  const publishedAt = `${Y}-${pad(M)}-${pad(D)}T${pad(h)}:${pad(m)}:00+07:00`;
  return { title, text, url, publishedAt };
}

/**
 * The articles of the corpus for `seed`, one at a time. Article i is the same whatever `count`
 * is; texts are all distinct (a repeat — never seen in practice — is drawn again).
 */
export function* generateArticles(count: number, seed: number): Generator<BenchArticle> {
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  const world = buildWorld(seed);
  const rng = new Rng(seed);
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    for (;;) {
      const a = generateOne(rng, world, i);
      const key = createHash('sha1').update(a.text).digest('base64');
      if (seen.has(key)) continue;
      seen.add(key);
      yield a;
      break;
    }
  }
}

export function generateCorpus(count: number, seed: number): BenchArticle[] {
  return [...generateArticles(count, seed)];
}

/** One JSONL line (with its "\n"): keys in a fixed order, so output is byte-identical per seed. */
export function toJsonLine(a: BenchArticle): string {
  return JSON.stringify({ title: a.title, text: a.text, url: a.url, publishedAt: a.publishedAt }) + '\n';
}

/** Parses one JSONL line back, checking its shape. */
export function parseJsonLine(line: string): BenchArticle {
  const v = JSON.parse(line) as Record<string, unknown>;
  for (const k of ['title', 'text', 'url', 'publishedAt'] as const) {
    if (typeof v[k] !== 'string') throw new Error(`corpus line lacks string field "${k}"`);
  }
  return { title: v['title'] as string, text: v['text'] as string, url: v['url'] as string, publishedAt: v['publishedAt'] as string };
}

export const TEMPLATE_COUNT = TEMPLATES.length;
