// Genre-level geographic data, loaded from the project gazetteer (data/admin-units/units.json):
// the 63 provinces and centrally-run cities as they were until 30 June 2025 with their 696
// districts, the 34 provinces from 1 July 2025 and the merger mapping, and the customary
// regions. Spellings are matched by tone-normalised key (see `toneKey`), so "Hòa"/"Hoà" agree;
// the Đắk/Đăk/Đak and other letter variants come from the aliases of the data, completed by
// the small supplementary tables below. Everything here is computed once at module load.
import units from '../../data/admin-units/units.json' with { type: 'json' };
import { slug, squash, toneKey } from './text.ts';

// ---------------------------------------------------------------------------------------------
// Raw shapes of units.json (only the fields used here).

interface RawUnit {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  aliases: string[];
}
interface RawDistrict extends RawUnit {
  provinceCode: string;
  validTo: string;
}
interface RawProvince2008 extends RawUnit {
  successorCode: string;
  validTo: string;
  districts: RawDistrict[];
}
interface RawProvince2025 extends RawUnit {
  validFrom: string;
  predecessorCodes: string[];
}
interface RawRegion {
  key: string;
  name: string;
  level: string;
  parent: string | null;
  aliases: string[];
  provinceCodes: string[];
}
const RAW = units as unknown as {
  provinces2008: RawProvince2008[];
  provinces2025: RawProvince2025[];
  regions: RawRegion[];
};

/** First day of the 34 provinces (Resolution 202/2025/QH15); the district level ends the day before. */
export const REFORM_DATE = '2025-07-01';
export const OLD_UNITS_VALID_TO = '2025-06-30';

// ---------------------------------------------------------------------------------------------
// Supplementary tables: what the extractor needs beyond units.json.

/**
 * Canonical name of a pre-2025 unit when it differs from the data's name: code 46 is listed as
 * "Huế" (its name from 2025-01-01), but for nearly all of its life, and in the press of the
 * genre, the unit is "Thừa Thiên Huế"; the 2025 unit keeps the name "Huế".
 */
const OLD_NAME: Readonly<Record<string, { name: string; levelWord: string }>> = {
  '46': { name: 'Thừa Thiên Huế', levelWord: 'tỉnh' },
};
/** Variant spellings the data lacks. */
const EXTRA_PROVINCE_ALIASES: Readonly<Record<string, string[]>> = {
  '66': ['Đaklak', 'Đắklăk'],
  '46': ['Thừa Thiên Huế', 'TT.Huế', 'thành phố Huế'],
};
/** Spellings that name the unit only after "thành phố"/"TP" ("Hồ Chí Minh" alone is the person). */
const CITY_ONLY: Readonly<Record<string, string[]>> = {
  '79': ['Hồ Chí Minh', 'HCM'],
};
/** Region aliases of the data that are not names in running text ("phía Bắc giáp …"). */
const REGION_ALIAS_SKIP = new Set(['phía bắc', 'phía nam'].map((s) => toneKey(s)));
/** A customary region the data lacks. */
const EXTRA_REGIONS: RawRegion[] = [
  {
    key: 'viet-bac',
    name: 'Việt Bắc',
    level: 'tiểu vùng',
    parent: 'trung-du-mien-nui-phia-bac',
    aliases: ['vùng Việt Bắc'],
    provinceCodes: ['02', '04', '06', '08', '19', '20'],
  },
];

// ---------------------------------------------------------------------------------------------
// Entries.

export interface ProvinceEntry {
  /** GSO code in the list of the 63 (a different list from the 2025 codes). */
  code: string;
  /** Canonical name, e.g. "Lào Cai", "Hồ Chí Minh", "Thừa Thiên Huế". */
  name: string;
  /** "province:lao-cai" */
  id: string;
  /** Centrally-run city (thành phố trực thuộc trung ương). */
  city: boolean;
  /** The level word written before the name: "tỉnh" or "thành phố". */
  levelWord: string;
  /** Spellings that name the unit without a level word (the name included). */
  aliases: string[];
  /** Spellings valid only after "thành phố"/"TP". */
  cityOnly: string[];
  /** The unit this one became part of on 2025-07-01. */
  successor: NewProvinceEntry;
  /** The 2025 unit that carries this unit's name (Lào Cai → Lào Cai); null for merged-away names (Yên Bái). */
  continuedAs: NewProvinceEntry | null;
  /** Keys of the regions that contain it (miền, vùng, tiểu vùng). */
  regionKeys: string[];
  districts: DistrictEntry[];
}

export interface NewProvinceEntry {
  code: string;
  name: string;
  /** "province:lao-cai:2025" */
  id: string;
  city: boolean;
  levelWord: string;
  aliases: string[];
  predecessors: ProvinceEntry[];
}

export interface DistrictEntry {
  code: string;
  /**
   * Canonical name: the data's name, with its level word when the bare name is also a
   * province's name ("thành phố Lào Cai", "thị xã Phú Thọ"), so the two never share a name.
   */
  name: string;
  /** The name without a level word ("Lào Cai", "Quận 1"). */
  bareName: string;
  /** "huyện", "thị xã", "quận" or "thành phố". */
  levelWord: string;
  aliases: string[];
  province: ProvinceEntry;
  /** "district:bac-ninh:tu-son" */
  id: string;
}

export interface RegionEntry {
  key: string;
  name: string;
  /** "region:<key>" */
  id: string;
  level: string;
  parent: string | null;
  /** Spellings matched in text (the name included). */
  aliases: string[];
  provinceCodes: string[];
}

/** Tone-normalised, space-squashed lookup key of a name. */
export function nameKey(s: string): string {
  return toneKey(squash(s));
}

/** The official "Đắk" spelling for the Đăk/Đak variants. */
export function canonicalUnitName(name: string): string {
  return squash(name.replace(/(^|\s)Đ[ăa]k(?=\s|$)/gu, '$1Đắk'));
}

/** The name with every Đắk/Đăk/Đak spelling (tone placement needs none: keys are tone-normalised). */
function variants(name: string): string[] {
  const out = [name];
  if (/(^|\s)Đ[ắăa]k(?=\s|$)/u.test(name)) for (const v of ['Đắk', 'Đăk', 'Đak']) out.push(name.replace(/(^|\s)Đ[ắăa]k(?=\s|$)/gu, `$1${v}`));
  return out;
}

const uniq = (xs: string[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const s = squash(x);
    const k = nameKey(s);
    if (!s || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
};

const DISTRICT_LEVEL_WORD: Readonly<Record<string, string>> = {
  'quận': 'quận',
  'huyện': 'huyện',
  'thị xã': 'thị xã',
  'thành phố thuộc tỉnh': 'thành phố',
  'thành phố thuộc thành phố trực thuộc trung ương': 'thành phố',
};

const isCity = (kind: string) => kind === 'thành phố trực thuộc trung ương';

function build() {
  const newByCode = new Map<string, NewProvinceEntry>();
  for (const r of RAW.provinces2025) {
    const city = isCity(r.kind);
    newByCode.set(r.code, {
      code: r.code,
      name: r.name,
      id: `province:${slug(r.name)}:2025`,
      city,
      levelWord: city ? 'thành phố' : 'tỉnh',
      aliases: uniq([r.name, ...r.aliases.flatMap(variants)]),
      predecessors: [],
    });
  }
  const regions: RegionEntry[] = [...RAW.regions, ...EXTRA_REGIONS].map((r) => ({
    key: r.key,
    name: r.name,
    id: `region:${r.key}`,
    level: r.level,
    parent: r.parent,
    aliases: uniq([r.name, ...r.aliases]).filter((a) => !REGION_ALIAS_SKIP.has(nameKey(a)) && !/^các\s/u.test(a)),
    provinceCodes: r.provinceCodes,
  }));
  const provinces: ProvinceEntry[] = RAW.provinces2008.map((r) => {
    const city = isCity(r.kind);
    const over = OLD_NAME[r.code];
    const name = over?.name ?? r.name;
    const successor = newByCode.get(r.successorCode);
    if (!successor) throw new Error(`gazetteer: no 2025 unit ${r.successorCode} for ${r.name}`);
    const cityOnly = CITY_ONLY[r.code] ?? [];
    const cityOnlyKeys = new Set(cityOnly.map(nameKey));
    const aliases = uniq([name, r.name, ...r.aliases, ...(EXTRA_PROVINCE_ALIASES[r.code] ?? [])].flatMap(variants)).filter(
      (a) => !cityOnlyKeys.has(nameKey(a)),
    );
    const own = new Set([...aliases, ...cityOnly].map(nameKey));
    const p: ProvinceEntry = {
      code: r.code,
      name,
      id: `province:${slug(name)}`,
      city,
      levelWord: over?.levelWord ?? (city ? 'thành phố' : 'tỉnh'),
      aliases,
      cityOnly,
      successor,
      continuedAs: own.has(nameKey(successor.name)) ? successor : null,
      regionKeys: regions.filter((g) => g.provinceCodes.includes(r.code)).map((g) => g.key),
      districts: [],
    };
    successor.predecessors.push(p);
    return p;
  });
  // a district whose bare name is a province's name carries its level word in its name …
  const provinceNames = new Set<string>();
  for (const p of provinces) for (const a of [...p.aliases, ...p.cityOnly]) provinceNames.add(nameKey(a));
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const districts: DistrictEntry[] = [];
  for (const r of RAW.provinces2008) {
    const province = byCode.get(r.code)!;
    const seen = new Map<string, number>();
    for (const d of r.districts) seen.set(nameKey(d.name), (seen.get(nameKey(d.name)) ?? 0) + 1);
    for (const d of r.districts) {
      const levelWord = DISTRICT_LEVEL_WORD[d.kind] ?? d.kind;
      const bareName = d.name;
      // … and so do two districts of one province with one name (huyện and thị xã Kỳ Anh)
      const qualified = provinceNames.has(nameKey(bareName)) || seen.get(nameKey(bareName))! > 1;
      const name = qualified ? `${levelWord} ${bareName}` : bareName;
      const aliases = uniq([
        bareName,
        ...d.aliases,
        ...variants(bareName),
        ...d.aliases.flatMap(variants),
      ]);
      const e: DistrictEntry = {
        code: d.code,
        name,
        bareName,
        levelWord,
        aliases,
        province,
        id: `district:${slug(province.name)}:${slug(name)}`,
      };
      province.districts.push(e);
      districts.push(e);
    }
  }
  return { provinces, newProvinces: [...newByCode.values()], districts, regions };
}

const BUILT = build();

/** The 63 provinces and centrally-run cities until 2025-06-30. */
export const PROVINCES: readonly ProvinceEntry[] = BUILT.provinces;
/** The 34 provinces and centrally-run cities from 2025-07-01. */
export const NEW_PROVINCES: readonly NewProvinceEntry[] = BUILT.newProvinces;
/** The 696 districts (until 2025-06-30). */
export const DISTRICTS: readonly DistrictEntry[] = BUILT.districts;
/** Customary regions: miền, vùng, tiểu vùng. */
export const REGIONS: readonly RegionEntry[] = BUILT.regions;

const PROVINCE_BY_NAME = new Map(PROVINCES.map((p) => [p.name, p]));
const REGION_BY_NAME = new Map(REGIONS.map((r) => [r.name, r]));
const DISTRICTS_BY_KEY = new Map<string, DistrictEntry[]>();
for (const d of DISTRICTS) {
  const keys = new Set([d.name, ...d.aliases].map((a) => nameKey(canonicalUnitName(a))));
  for (const k of keys) {
    const list = DISTRICTS_BY_KEY.get(k);
    if (list) list.push(d);
    else DISTRICTS_BY_KEY.set(k, [d]);
  }
}

export function provinceByName(name: string): ProvinceEntry | undefined {
  return PROVINCE_BY_NAME.get(name);
}

export function regionByName(name: string): RegionEntry | undefined {
  return REGION_BY_NAME.get(name);
}

/** True when an ISO date(-time) falls on or after 2025-07-01 (in Vietnam's time zone, +07:00). */
export function isAfterReform(publishedAt: string | null | undefined): boolean {
  if (!publishedAt) return false;
  let day = /^\d{4}-\d{2}-\d{2}/.exec(publishedAt)?.[0];
  if (!day) return false;
  // an instant written in another offset: convert to Vietnam's calendar day
  if (/T\d{2}:\d{2}/.test(publishedAt) && !/\+07:?00$/.test(publishedAt)) {
    const t = Date.parse(publishedAt);
    if (!Number.isNaN(t)) day = new Date(t + 7 * 3600_000).toISOString().slice(0, 10);
  }
  return day >= REFORM_DATE;
}

/** The id of a province mention: the 2025 unit of the same name in articles after the reform. */
export function provinceIdAt(p: ProvinceEntry, afterReform: boolean): string {
  return afterReform && p.continuedAs ? p.continuedAs.id : p.id;
}

/**
 * Districts named `name` (a canonical unit name, without level word, or "Quận 1"), optionally
 * only those written with `levelWord` when that leaves any.
 */
export function districtsNamed(name: string, levelWord: string | null): readonly DistrictEntry[] {
  const memoKey = `${levelWord ?? ''}|${name}`;
  let found = NAMED_MEMO.get(memoKey);
  if (found === undefined) {
    found = lookupDistricts(name, levelWord);
    if (NAMED_MEMO.size > 20_000) NAMED_MEMO.clear();
    NAMED_MEMO.set(memoKey, found);
  }
  return found;
}
const NAMED_MEMO = new Map<string, readonly DistrictEntry[]>();

function lookupDistricts(name: string, levelWord: string | null): readonly DistrictEntry[] {
  let list = DISTRICTS_BY_KEY.get(nameKey(canonicalUnitName(name)));
  if (!list && levelWord && /^\d{1,2}$/.test(name)) list = DISTRICTS_BY_KEY.get(nameKey(`${levelWord} ${name}`));
  if (!list) return [];
  if (levelWord && list.length > 1) {
    const same = list.filter((d) => d.levelWord === levelWord);
    if (same.length > 0) return same;
  }
  return list;
}
