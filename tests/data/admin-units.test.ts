// Checks data/admin-units/units.json and communes.json (built by data/admin-units/build.mjs).
// Needs no database.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface District {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  nameAscii: string;
  aliases: string[];
  provinceCode: string;
  validTo: string;
}
interface OldProvince {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  nameAscii: string;
  aliases: string[];
  macroRegion: string;
  region: string;
  subregion: string | null;
  successorCode: string;
  validTo: string;
  districts: District[];
}
interface NewProvince {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  nameAscii: string;
  aliases: string[];
  validFrom: string;
  predecessorCodes: string[];
  adminCenterPredecessorCode: string;
  merged: boolean;
}
interface Region {
  key: string;
  name: string;
  level: 'miền' | 'vùng' | 'tiểu vùng';
  parent: string | null;
  aliases: string[];
  provinceCodes: string[];
}
interface Units {
  meta: Record<string, unknown>;
  provinces2008: OldProvince[];
  provinces2025: NewProvince[];
  regions: Region[];
}
type Commune = [code: string, name: string, kind: string];
interface Communes {
  meta: Record<string, unknown>;
  communes2025_01: Record<string, Commune[]>;
  communes2025_07: Record<string, Commune[]>;
}

const unitsUrl = new URL('../../data/admin-units/units.json', import.meta.url);
const communesUrl = new URL('../../data/admin-units/communes.json', import.meta.url);
const units = JSON.parse(readFileSync(unitsUrl, 'utf8')) as Units;
const communes = JSON.parse(readFileSync(communesUrl, 'utf8')) as Communes;

// Official GSO 2-digit codes of the 63 provinces until 2025-06-30.
const OFFICIAL_63: Record<string, string> = {
  '01': 'Hà Nội', '02': 'Hà Giang', '04': 'Cao Bằng', '06': 'Bắc Kạn', '08': 'Tuyên Quang',
  '10': 'Lào Cai', '11': 'Điện Biên', '12': 'Lai Châu', '14': 'Sơn La', '15': 'Yên Bái',
  '17': 'Hòa Bình', '19': 'Thái Nguyên', '20': 'Lạng Sơn', '22': 'Quảng Ninh', '24': 'Bắc Giang',
  '25': 'Phú Thọ', '26': 'Vĩnh Phúc', '27': 'Bắc Ninh', '30': 'Hải Dương', '31': 'Hải Phòng',
  '33': 'Hưng Yên', '34': 'Thái Bình', '35': 'Hà Nam', '36': 'Nam Định', '37': 'Ninh Bình',
  '38': 'Thanh Hóa', '40': 'Nghệ An', '42': 'Hà Tĩnh', '44': 'Quảng Bình', '45': 'Quảng Trị',
  '46': 'Thừa Thiên Huế', '48': 'Đà Nẵng', '49': 'Quảng Nam', '51': 'Quảng Ngãi', '52': 'Bình Định',
  '54': 'Phú Yên', '56': 'Khánh Hòa', '58': 'Ninh Thuận', '60': 'Bình Thuận', '62': 'Kon Tum',
  '64': 'Gia Lai', '66': 'Đắk Lắk', '67': 'Đắk Nông', '68': 'Lâm Đồng', '70': 'Bình Phước',
  '72': 'Tây Ninh', '74': 'Bình Dương', '75': 'Đồng Nai', '77': 'Bà Rịa - Vũng Tàu', '79': 'Hồ Chí Minh',
  '80': 'Long An', '82': 'Tiền Giang', '83': 'Bến Tre', '84': 'Trà Vinh', '86': 'Vĩnh Long',
  '87': 'Đồng Tháp', '89': 'An Giang', '91': 'Kiên Giang', '92': 'Cần Thơ', '93': 'Hậu Giang',
  '94': 'Sóc Trăng', '95': 'Bạc Liêu', '96': 'Cà Mau',
};

// Resolution 202/2025/QH15, by names: new unit <- old units (11 unchanged, 23 merged).
const MERGERS_BY_NAME: Record<string, string[]> = {
  'Hà Nội': ['Hà Nội'], 'Huế': ['Huế'], 'Lai Châu': ['Lai Châu'], 'Điện Biên': ['Điện Biên'],
  'Sơn La': ['Sơn La'], 'Lạng Sơn': ['Lạng Sơn'], 'Quảng Ninh': ['Quảng Ninh'], 'Thanh Hóa': ['Thanh Hóa'],
  'Nghệ An': ['Nghệ An'], 'Hà Tĩnh': ['Hà Tĩnh'], 'Cao Bằng': ['Cao Bằng'],
  'Tuyên Quang': ['Tuyên Quang', 'Hà Giang'],
  'Lào Cai': ['Lào Cai', 'Yên Bái'],
  'Thái Nguyên': ['Thái Nguyên', 'Bắc Kạn'],
  'Phú Thọ': ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'],
  'Bắc Ninh': ['Bắc Ninh', 'Bắc Giang'],
  'Hưng Yên': ['Hưng Yên', 'Thái Bình'],
  'Hải Phòng': ['Hải Phòng', 'Hải Dương'],
  'Ninh Bình': ['Ninh Bình', 'Hà Nam', 'Nam Định'],
  'Quảng Trị': ['Quảng Trị', 'Quảng Bình'],
  'Đà Nẵng': ['Đà Nẵng', 'Quảng Nam'],
  'Quảng Ngãi': ['Quảng Ngãi', 'Kon Tum'],
  'Gia Lai': ['Gia Lai', 'Bình Định'],
  'Khánh Hòa': ['Khánh Hòa', 'Ninh Thuận'],
  'Lâm Đồng': ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'],
  'Đắk Lắk': ['Đắk Lắk', 'Phú Yên'],
  'Hồ Chí Minh': ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
  'Đồng Nai': ['Đồng Nai', 'Bình Phước'],
  'Tây Ninh': ['Tây Ninh', 'Long An'],
  'Cần Thơ': ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'],
  'Vĩnh Long': ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'],
  'Đồng Tháp': ['Đồng Tháp', 'Tiền Giang'],
  'Cà Mau': ['Cà Mau', 'Bạc Liêu'],
  'An Giang': ['An Giang', 'Kiên Giang'],
};

const CENTRAL_CITIES = ['01', '31', '46', '48', '79', '92'];
const PROVINCE_KINDS = ['tỉnh', 'thành phố trực thuộc trung ương'];
const DISTRICT_KINDS = ['quận', 'huyện', 'thị xã', 'thành phố thuộc tỉnh', 'thành phố thuộc thành phố trực thuộc trung ương'];

const oldByCode = new Map(units.provinces2008.map((p) => [p.code, p]));
const newByCode = new Map(units.provinces2025.map((p) => [p.code, p]));
const oldByName = new Map(units.provinces2008.map((p) => [p.name, p]));
const newByName = new Map(units.provinces2025.map((p) => [p.name, p]));
const allDistricts = units.provinces2008.flatMap((p) => p.districts);

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`missing ${what}`);
  return v;
}

function* strings(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* strings(x);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { yield k; yield* strings(x); }
}

describe('admin units: 63 provinces until 2025-06-30', () => {
  it('has exactly the 63 official province codes', () => {
    expect(units.provinces2008).toHaveLength(63);
    expect(units.provinces2008.map((p) => p.code).sort()).toEqual(Object.keys(OFFICIAL_63).sort());
  });

  it('names each code as the official list does (Huế under its 2025 name, former name as alias)', () => {
    for (const [code, official] of Object.entries(OFFICIAL_63)) {
      const p = must(oldByCode.get(code), code);
      if (code === '46') {
        expect(p.name).toBe('Huế');
        expect(p.aliases).toContain('Thừa Thiên Huế');
        expect(p.aliases).toContain('Thừa Thiên - Huế');
      } else {
        expect(p.name, code).toBe(official);
      }
    }
  });

  it('has kinds, full names and validity', () => {
    for (const p of units.provinces2008) {
      expect(PROVINCE_KINDS).toContain(p.kind);
      expect(p.kind === 'thành phố trực thuộc trung ương', p.code).toBe(CENTRAL_CITIES.includes(p.code));
      expect(p.fullName.toLowerCase()).toContain(p.name.toLowerCase());
      expect(p.validTo).toBe('2025-06-30');
    }
    expect(must(oldByCode.get('10'), '10').fullName).toBe('tỉnh Lào Cai');
    expect(must(oldByCode.get('79'), '79').fullName).toBe('Thành phố Hồ Chí Minh');
  });

  it('has 690–710 districts with unique 3-digit codes, each in exactly one province', () => {
    expect(allDistricts.length).toBeGreaterThanOrEqual(690);
    expect(allDistricts.length).toBeLessThanOrEqual(710);
    const seen = new Map<string, string>();
    for (const p of units.provinces2008) {
      expect(p.districts.length, p.code).toBeGreaterThan(0);
      for (const d of p.districts) {
        expect(d.code).toMatch(/^\d{3}$/);
        expect(seen.has(d.code), `district ${d.code} twice`).toBe(false);
        seen.set(d.code, p.code);
        expect(d.provinceCode).toBe(p.code);
        expect(DISTRICT_KINDS).toContain(d.kind);
        expect(d.validTo).toBe('2025-06-30');
        expect(d.name.length).toBeGreaterThan(0);
      }
    }
    expect(seen.size).toBe(allDistricts.length);
  });

  it('keeps district-level cities of centrally-run cities apart from provincial cities', () => {
    const thuDuc = must(allDistricts.find((d) => d.code === '769'), '769');
    expect(thuDuc.name).toBe('Thủ Đức');
    expect(thuDuc.kind).toBe('thành phố thuộc thành phố trực thuộc trung ương');
    for (const d of allDistricts) {
      if (d.kind === 'thành phố thuộc thành phố trực thuộc trung ương') expect(CENTRAL_CITIES).toContain(d.provinceCode);
      if (d.kind === 'thành phố thuộc tỉnh') expect(CENTRAL_CITIES).not.toContain(d.provinceCode);
      if (d.kind === 'quận') expect(CENTRAL_CITIES).toContain(d.provinceCode);
    }
  });
});

describe('admin units: 34 provinces from 2025-07-01', () => {
  it('has 34 units: 28 tỉnh and 6 centrally-run cities, valid from 2025-07-01', () => {
    expect(units.provinces2025).toHaveLength(34);
    expect(new Set(units.provinces2025.map((p) => p.code)).size).toBe(34);
    expect(units.provinces2025.filter((p) => p.kind === 'tỉnh')).toHaveLength(28);
    expect(units.provinces2025.filter((p) => p.kind === 'thành phố trực thuộc trung ương').map((p) => p.code).sort())
      .toEqual(CENTRAL_CITIES);
    for (const p of units.provinces2025) {
      expect(p.code).toMatch(/^\d{2}$/);
      expect(p.validFrom).toBe('2025-07-01');
    }
  });

  it('maps every old province to exactly one existing new unit, consistently both ways', () => {
    const covered = new Map<string, string>();
    for (const n of units.provinces2025) {
      expect(n.predecessorCodes.length, n.code).toBeGreaterThanOrEqual(1);
      expect(n.merged).toBe(n.predecessorCodes.length > 1);
      expect(n.predecessorCodes).toContain(n.adminCenterPredecessorCode);
      for (const c of n.predecessorCodes) {
        expect(oldByCode.has(c), c).toBe(true);
        expect(covered.has(c), `old ${c} in two new units`).toBe(false);
        covered.set(c, n.code);
      }
    }
    expect([...covered.keys()].sort()).toEqual(Object.keys(OFFICIAL_63).sort());
    for (const p of units.provinces2008) {
      expect(newByCode.has(p.successorCode), p.code).toBe(true);
      expect(covered.get(p.code)).toBe(p.successorCode);
    }
  });

  it('follows Resolution 202/2025/QH15 (11 unchanged, 23 merged)', () => {
    expect(units.provinces2025.filter((p) => !p.merged)).toHaveLength(11);
    expect(units.provinces2025.filter((p) => p.merged)).toHaveLength(23);
    expect(Object.keys(MERGERS_BY_NAME)).toHaveLength(34);
    for (const [newName, oldNames] of Object.entries(MERGERS_BY_NAME)) {
      const n = must(newByName.get(newName), newName);
      const got = n.predecessorCodes.map((c) => must(oldByCode.get(c), c).name).sort();
      expect(got, newName).toEqual([...oldNames].sort());
    }
  });

  it('Lào Cai: old Lào Cai goes to new Lào Cai, with Yên Bái as co-predecessor', () => {
    const oldLaoCai = must(oldByName.get('Lào Cai'), 'Lào Cai');
    const yenBai = must(oldByName.get('Yên Bái'), 'Yên Bái');
    const successor = must(newByCode.get(oldLaoCai.successorCode), 'successor');
    expect(successor.name).toBe('Lào Cai');
    expect(successor.predecessorCodes.sort()).toEqual([oldLaoCai.code, yenBai.code].sort());
    expect(yenBai.successorCode).toBe(successor.code);
    // The new code (15) is Yên Bái's old code: the seat of the new province is there.
    expect(successor.code).toBe('15');
    expect(successor.adminCenterPredecessorCode).toBe(yenBai.code);
  });

  it('Bắc Ninh ← Bắc Ninh + Bắc Giang', () => {
    const n = must(newByName.get('Bắc Ninh'), 'Bắc Ninh');
    expect(n.predecessorCodes.map((c) => must(oldByCode.get(c), c).name).sort()).toEqual(['Bắc Giang', 'Bắc Ninh']);
    expect(must(oldByName.get('Bắc Giang'), 'Bắc Giang').successorCode).toBe(n.code);
  });
});

describe('admin units: regions', () => {
  const byLevel = (level: Region['level']) => units.regions.filter((r) => r.level === level);

  it('has the three miền and six socio-economic regions, each partitioning the 63 provinces', () => {
    expect(byLevel('miền').map((r) => r.key).sort()).toEqual(['mien-bac', 'mien-nam', 'mien-trung']);
    expect(byLevel('vùng')).toHaveLength(6);
    for (const level of ['miền', 'vùng'] as const) {
      const all = byLevel(level).flatMap((r) => r.provinceCodes);
      expect(all.length, level).toBe(63);
      expect(new Set(all).size, level).toBe(63);
      expect([...all].sort()).toEqual(Object.keys(OFFICIAL_63).sort());
    }
  });

  it('nests regions and sub-regions inside their parents and agrees with the province fields', () => {
    const byKey = new Map(units.regions.map((r) => [r.key, r]));
    for (const r of units.regions) {
      if (r.parent === null) continue;
      const parent = must(byKey.get(r.parent), r.parent);
      for (const c of r.provinceCodes) expect(parent.provinceCodes, `${r.key} ${c}`).toContain(c);
    }
    for (const p of units.provinces2008) {
      expect(must(byKey.get(p.region), p.region).provinceCodes).toContain(p.code);
      expect(must(byKey.get(p.macroRegion), p.macroRegion).provinceCodes).toContain(p.code);
      if (p.subregion !== null) expect(must(byKey.get(p.subregion), p.subregion).provinceCodes).toContain(p.code);
    }
    const dbscl = must(byKey.get('dong-bang-song-cuu-long'), 'ĐBSCL');
    expect(dbscl.name).toBe('Đồng bằng sông Cửu Long');
    expect(dbscl.aliases).toEqual(expect.arrayContaining(['ĐBSCL', 'miền Tây']));
    expect(dbscl.provinceCodes).toHaveLength(13);
    expect(must(byKey.get('tay-nguyen'), 'Tây Nguyên').provinceCodes).toEqual(['62', '64', '66', '67', '68']);
  });
});

describe('admin units: names and aliases', () => {
  it('stores every string NFC-normalised', () => {
    for (const s of strings(units)) expect(s === s.normalize('NFC'), s).toBe(true);
    for (const s of strings(communes)) expect(s === s.normalize('NFC'), s).toBe(true);
  });

  it('has no duplicate aliases and never repeats the name as an alias', () => {
    const all = [...units.provinces2008, ...units.provinces2025, ...allDistricts, ...units.regions];
    for (const u of all) {
      expect(new Set(u.aliases).size, u.name).toBe(u.aliases.length);
      expect(u.aliases, u.name).not.toContain(u.name);
    }
  });

  it('lists the common spelling variants', () => {
    const aliasesOf = (code: string) => must(oldByCode.get(code), code).aliases;
    expect(aliasesOf('66')).toEqual(expect.arrayContaining(['Đăk Lăk', 'Daklak']));
    expect(aliasesOf('67')).toContain('Đăk Nông');
    expect(aliasesOf('17')).toContain('Hoà Bình');
    expect(aliasesOf('62')).toContain('Kontum');
    expect(aliasesOf('77')).toContain('Bà Rịa – Vũng Tàu');
    expect(aliasesOf('79')).toEqual(expect.arrayContaining(['TP.HCM', 'TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'Sài Gòn']));
    const dakSong = must(allDistricts.find((d) => d.name === 'Đắk Song'), 'Đắk Song');
    expect(dakSong.aliases).toEqual(expect.arrayContaining(['Đăk Song', 'Đak Song']));
    expect(must(newByName.get('Đắk Lắk'), 'Đắk Lắk').aliases).toContain('Đăk Lăk');
  });

  it('gives an ASCII-folded name for every unit', () => {
    for (const u of [...units.provinces2008, ...units.provinces2025, ...allDistricts]) {
      expect(u.nameAscii, u.name).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(must(oldByCode.get('66'), '66').nameAscii).toBe('Dak Lak');
  });
});

describe('admin units: communes (optional data)', () => {
  it('keys pre-2025 communes by district and post-2025 communes by new province', () => {
    const districtCodes = new Set(allDistricts.map((d) => d.code));
    for (const k of Object.keys(communes.communes2025_01)) expect(districtCodes.has(k), k).toBe(true);
    for (const k of Object.keys(communes.communes2025_07)) expect(newByCode.has(k), k).toBe(true);
    expect(Object.keys(communes.communes2025_07)).toHaveLength(34);
  });

  it('has unique 5-digit commune codes and the 3,321 units of July 2025', () => {
    for (const set of [communes.communes2025_01, communes.communes2025_07]) {
      const codes = Object.values(set).flat().map((c) => c[0]);
      for (const c of codes) expect(c).toMatch(/^\d{5}$/);
      expect(new Set(codes).size).toBe(codes.length);
    }
    const after = Object.values(communes.communes2025_07).flat();
    expect(after).toHaveLength(3321);
    expect(after.filter((c) => c[2] === 'đặc khu')).toHaveLength(13);
    const before = Object.values(communes.communes2025_01).flat();
    expect(before.length).toBeGreaterThan(10_000);
    for (const c of [...before, ...after]) expect(['xã', 'phường', 'thị trấn', 'đặc khu']).toContain(c[2]);
  });

  it('keeps the data files under 3 MB in total', () => {
    expect(statSync(unitsUrl).size + statSync(communesUrl).size).toBeLessThan(3 * 1024 * 1024);
  });
});
