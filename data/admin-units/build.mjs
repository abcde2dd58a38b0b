#!/usr/bin/env node
// Builds data/admin-units/units.json and data/admin-units/communes.json.
//
// Plain Node (>= 20), no dependencies. Inputs are the two wheels of the PyPI package
// `vietnam-provinces` (GSO codes and names), read directly from the .whl (zip) files:
//
//   pip download --no-deps -d /tmp/vp vietnam-provinces==0.6.0 vietnam-provinces==2025.10.1
//   node data/admin-units/build.mjs \
//     /tmp/vp/vietnam_provinces-0.6.0-py3-none-any.whl \
//     /tmp/vp/vietnam_provinces-2025.10.1-py3-none-any.whl
//
// Everything that is not in those wheels (merger list, aliases, regions, two post-January-2025
// district status changes) is curated below, with its source named next to it. The script checks
// the curated merger list against the mapping implied by GSO commune codes and stops on any
// disagreement.

import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Minimal zip reader (stored or deflated entries; enough for Python wheels).
function readZipEntry(buf, wanted) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === wanted) {
      const lNameLen = buf.readUInt16LE(local + 26);
      const lExtraLen = buf.readUInt16LE(local + 28);
      const start = local + 30 + lNameLen + lExtraLen;
      const raw = buf.subarray(start, start + csize);
      if (method === 0) return raw;
      if (method === 8) return inflateRawSync(raw);
      throw new Error(`unsupported zip method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${wanted} not found in zip`);
}

function loadWheel(path) {
  const buf = readFileSync(path);
  const json = JSON.parse(readZipEntry(buf, 'vietnam_provinces/data/nested-divisions.json').toString('utf8'));
  const init = readZipEntry(buf, 'vietnam_provinces/__init__.py').toString('utf8');
  const version = /__version__ = '([^']+)'/.exec(init)?.[1];
  const dataVersion = /__data_version__ = '([^']+)'/.exec(init)?.[1];
  return {
    json,
    source: {
      package: 'vietnam-provinces (PyPI)',
      version,
      dataVersion,
      file: basename(path),
      sha256: createHash('sha256').update(buf).digest('hex'),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// String helpers.
const nfc = (s) => s.normalize('NFC');

// Tone placement in the open syllables oa / oe / uy: "Hòa" (tone on the main vowel, used by
// most of the GSO list and the press) vs "Hoà" (tone on the second letter). Only word-final
// syllables differ ("Hoàn", "Quỳnh" are spelled one way only); "quy" never varies.
const marksA = 'àáảãạ', marksE = 'èéẻẽẹ', marksO = 'òóỏõọ', marksY = 'ỳýỷỹỵ', marksU = 'ùúủũụ';
const WORD_END = '(?=$|[^\\p{L}])';
const withCase = (model, lower) => (model === model.toUpperCase() ? lower.toUpperCase() : lower);
function toneModern(s) { // "Hoà" -> "Hòa", "Thuỷ" -> "Thủy"
  return nfc(s)
    .replace(new RegExp(`([oO])([${marksA}])${WORD_END}`, 'gu'), (_, o, a) => withCase(o, marksO[marksA.indexOf(a)]) + 'a')
    .replace(new RegExp(`([oO])([${marksE}])${WORD_END}`, 'gu'), (_, o, e) => withCase(o, marksO[marksE.indexOf(e)]) + 'e')
    .replace(new RegExp(`(^|[^qQ])([uU])([${marksY}])${WORD_END}`, 'gu'), (_, pre, u, y) => pre + withCase(u, marksU[marksY.indexOf(y)]) + 'y');
}
function toneOld(s) { // "Hòa" -> "Hoà", "Thủy" -> "Thuỷ"
  return nfc(s)
    .replace(new RegExp(`([${marksO}])a${WORD_END}`, 'gu'), (_, o) => 'o' + marksA[marksO.indexOf(o)])
    .replace(new RegExp(`([${marksO}])e${WORD_END}`, 'gu'), (_, o) => 'o' + marksE[marksO.indexOf(o)])
    .replace(new RegExp(`(^|[^qQ])([${marksU}])y${WORD_END}`, 'gu'), (_, pre, u) => pre + 'u' + marksY[marksU.indexOf(u)]);
}

function ascii(s) {
  return nfc(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

// Spelling variants of the Central Highlands prefix "Đắk" (official) / "Đăk" / "Đak".
function dakVariants(s) {
  const out = new Set();
  const re = /(^|\s)(Đắk|Đăk|Đak|Đắc)(?=\s)/u;
  if (!re.test(s)) return out;
  for (const v of ['Đắk', 'Đăk', 'Đak']) out.add(s.replace(new RegExp(re.source, 'gu'), `$1${v}`));
  return out;
}

function hyphenVariants(s) {
  const out = new Set();
  if (!/\s*[-–]\s*/u.test(s)) return out;
  for (const sep of [' - ', '-', ' – ']) out.add(s.replace(/\s*[-–]\s*/gu, sep));
  return out;
}

// All written variants of a name: tone placement, Đắk/Đăk/Đak and hyphen spacing of the name
// itself, plus the curated extras (and their tone-placement variants only).
function variantsOf(name, extras = []) {
  const set = new Set();
  const fromName = new Set([name]);
  for (const d of dakVariants(name)) fromName.add(d);
  for (const h of hyphenVariants(name)) fromName.add(h);
  for (const v of [...fromName, ...extras.map(nfc)]) {
    set.add(v);
    set.add(toneModern(v));
    set.add(toneOld(v));
  }
  set.delete(name);
  return [...set].map(nfc).sort((a, b) => a.localeCompare(b, 'vi'));
}

// ---------------------------------------------------------------------------------------------
// Curated: the 63 provinces (codes are GSO's; the build checks them against the wheel).
// region keys refer to REGIONS below. Extra aliases are written variants people use.
const OLD = {
  '01': { name: 'Hà Nội', aliases: ['Hanoi', 'Ha Noi', 'TP Hà Nội', 'TP. Hà Nội', 'TP.Hà Nội', 'Thủ đô Hà Nội'] },
  '02': { name: 'Hà Giang' },
  '04': { name: 'Cao Bằng' },
  '06': { name: 'Bắc Kạn', aliases: ['Bắc Cạn'] },
  '08': { name: 'Tuyên Quang' },
  '10': { name: 'Lào Cai' },
  '11': { name: 'Điện Biên' },
  '12': { name: 'Lai Châu' },
  '14': { name: 'Sơn La' },
  '15': { name: 'Yên Bái' },
  '17': { name: 'Hòa Bình' },
  '19': { name: 'Thái Nguyên' },
  '20': { name: 'Lạng Sơn' },
  '22': { name: 'Quảng Ninh' },
  '24': { name: 'Bắc Giang' },
  '25': { name: 'Phú Thọ' },
  '26': { name: 'Vĩnh Phúc' },
  '27': { name: 'Bắc Ninh' },
  '30': { name: 'Hải Dương' },
  '31': { name: 'Hải Phòng', aliases: ['TP Hải Phòng', 'TP. Hải Phòng', 'TP.Hải Phòng'] },
  '33': { name: 'Hưng Yên' },
  '34': { name: 'Thái Bình' },
  '35': { name: 'Hà Nam' },
  '36': { name: 'Nam Định' },
  '37': { name: 'Ninh Bình' },
  '38': { name: 'Thanh Hóa' },
  '40': { name: 'Nghệ An' },
  '42': { name: 'Hà Tĩnh' },
  '44': { name: 'Quảng Bình' },
  '45': { name: 'Quảng Trị' },
  // Centrally-run city "Huế" from 2025-01-01 (Resolution 175/2024/QH15); before that the
  // province of Thừa Thiên Huế under the same code 46.
  '46': {
    name: 'Huế',
    aliases: ['Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Thừa Thiên-Huế', 'Thừa Thiên – Huế', 'TT-Huế', 'TT Huế', 'TP Huế', 'TP. Huế', 'TP.Huế'],
    formerNames: [{ name: 'Thừa Thiên Huế', fullName: 'tỉnh Thừa Thiên Huế', kind: 'tỉnh', validTo: '2024-12-31' }],
  },
  '48': { name: 'Đà Nẵng', aliases: ['Da Nang', 'Danang', 'TP Đà Nẵng', 'TP. Đà Nẵng', 'TP.Đà Nẵng'] },
  '49': { name: 'Quảng Nam' },
  '51': { name: 'Quảng Ngãi' },
  '52': { name: 'Bình Định' },
  '54': { name: 'Phú Yên' },
  '56': { name: 'Khánh Hòa' },
  '58': { name: 'Ninh Thuận' },
  '60': { name: 'Bình Thuận' },
  '62': { name: 'Kon Tum', aliases: ['Kontum', 'Kon-Tum'] },
  '64': { name: 'Gia Lai' },
  '66': { name: 'Đắk Lắk', aliases: ['Đăk Lăk', 'Đắk Lăk', 'Đăk Lắk', 'Đắc Lắc', 'Đak Lak', 'Dak Lak', 'Daklak', 'Đắklắk', 'Đăklăk'] },
  '67': { name: 'Đắk Nông', aliases: ['Đăk Nông', 'Đak Nông', 'Đắc Nông', 'Dak Nong', 'Daknong'] },
  '68': { name: 'Lâm Đồng' },
  '70': { name: 'Bình Phước' },
  '72': { name: 'Tây Ninh' },
  '74': { name: 'Bình Dương' },
  '75': { name: 'Đồng Nai' },
  '77': { name: 'Bà Rịa - Vũng Tàu', aliases: ['Bà Rịa – Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BR-VT', 'BRVT', 'BR–VT'] },
  '79': {
    name: 'Hồ Chí Minh',
    fullName: 'Thành phố Hồ Chí Minh',
    aliases: ['Thành phố Hồ Chí Minh', 'TP.HCM', 'TP. HCM', 'TP HCM', 'TPHCM', 'TP.Hồ Chí Minh', 'TP. Hồ Chí Minh', 'TP Hồ Chí Minh', 'Tp.HCM', 'Tp. HCM', 'HCMC', 'Ho Chi Minh City', 'Sài Gòn', 'Saigon'],
  },
  '80': { name: 'Long An' },
  '82': { name: 'Tiền Giang' },
  '83': { name: 'Bến Tre' },
  '84': { name: 'Trà Vinh' },
  '86': { name: 'Vĩnh Long' },
  '87': { name: 'Đồng Tháp' },
  '89': { name: 'An Giang' },
  '91': { name: 'Kiên Giang' },
  '92': { name: 'Cần Thơ', aliases: ['TP Cần Thơ', 'TP. Cần Thơ', 'TP.Cần Thơ'] },
  '93': { name: 'Hậu Giang' },
  '94': { name: 'Sóc Trăng' },
  '95': { name: 'Bạc Liêu' },
  '96': { name: 'Cà Mau' },
};

// Centrally-run cities as of 2025-06-30 (and, with the same codes, from 2025-07-01).
const CENTRAL_CITIES = new Set(['01', '31', '46', '48', '79', '92']);

// ---------------------------------------------------------------------------------------------
// Curated: the 34 units from 2025-07-01. Codes: GSO letter 915/CTK-CSCL (as in the
// vietnam-provinces 2025.10.1 wheel). Predecessors and the seat ("trung tâm chính trị - hành
// chính") from the annex of Resolution 60-NQ/TW (12 April 2025), enacted by National Assembly
// Resolution 202/2025/QH15 (12 June 2025, effective 2025-07-01 for the new units).
const NEW = [
  // 11 units not merged
  { code: '01', name: 'Hà Nội', predecessors: ['01'] },
  { code: '04', name: 'Cao Bằng', predecessors: ['04'] },
  { code: '11', name: 'Điện Biên', predecessors: ['11'] },
  { code: '12', name: 'Lai Châu', predecessors: ['12'] },
  { code: '14', name: 'Sơn La', predecessors: ['14'] },
  { code: '20', name: 'Lạng Sơn', predecessors: ['20'] },
  { code: '22', name: 'Quảng Ninh', predecessors: ['22'] },
  { code: '38', name: 'Thanh Hóa', predecessors: ['38'] },
  { code: '40', name: 'Nghệ An', predecessors: ['40'] },
  { code: '42', name: 'Hà Tĩnh', predecessors: ['42'] },
  { code: '46', name: 'Huế', predecessors: ['46'] },
  // 23 units formed by merger; seat = the predecessor holding the political-administrative centre
  { code: '08', name: 'Tuyên Quang', predecessors: ['08', '02'], seat: '08' },
  { code: '15', name: 'Lào Cai', predecessors: ['10', '15'], seat: '15' },
  { code: '19', name: 'Thái Nguyên', predecessors: ['19', '06'], seat: '19' },
  { code: '25', name: 'Phú Thọ', predecessors: ['25', '26', '17'], seat: '25' },
  { code: '24', name: 'Bắc Ninh', predecessors: ['27', '24'], seat: '24' },
  { code: '33', name: 'Hưng Yên', predecessors: ['33', '34'], seat: '33' },
  { code: '31', name: 'Hải Phòng', predecessors: ['31', '30'], seat: '31' },
  { code: '37', name: 'Ninh Bình', predecessors: ['37', '35', '36'], seat: '37' },
  { code: '44', name: 'Quảng Trị', predecessors: ['45', '44'], seat: '44' },
  { code: '48', name: 'Đà Nẵng', predecessors: ['48', '49'], seat: '48' },
  { code: '51', name: 'Quảng Ngãi', predecessors: ['51', '62'], seat: '51' },
  { code: '52', name: 'Gia Lai', predecessors: ['64', '52'], seat: '52' },
  { code: '56', name: 'Khánh Hòa', predecessors: ['56', '58'], seat: '56' },
  { code: '68', name: 'Lâm Đồng', predecessors: ['68', '67', '60'], seat: '68' },
  { code: '66', name: 'Đắk Lắk', predecessors: ['66', '54'], seat: '66' },
  { code: '79', name: 'Hồ Chí Minh', predecessors: ['79', '74', '77'], seat: '79' },
  { code: '75', name: 'Đồng Nai', predecessors: ['75', '70'], seat: '75' },
  { code: '80', name: 'Tây Ninh', predecessors: ['72', '80'], seat: '80' },
  { code: '92', name: 'Cần Thơ', predecessors: ['92', '94', '93'], seat: '92' },
  { code: '86', name: 'Vĩnh Long', predecessors: ['86', '83', '84'], seat: '86' },
  { code: '82', name: 'Đồng Tháp', predecessors: ['87', '82'], seat: '82' },
  { code: '96', name: 'Cà Mau', predecessors: ['96', '95'], seat: '96' },
  { code: '91', name: 'An Giang', predecessors: ['89', '91'], seat: '91' },
];

// ---------------------------------------------------------------------------------------------
// Curated: regions (pre-2025 provinces). The six socio-economic regions are those of the
// National Master Plan 2021–2030 (Resolution 81/2023/QH15), which are also the GSO statistical
// regions; sub-regions and the three "miền" follow common usage (see README).
const REGIONS = [
  { key: 'mien-bac', name: 'miền Bắc', level: 'miền', aliases: ['Bắc Bộ', 'Bắc Kỳ', 'phía Bắc', 'các tỉnh phía Bắc'], parts: ['trung-du-mien-nui-phia-bac', 'dong-bang-song-hong'] },
  { key: 'mien-trung', name: 'miền Trung', level: 'miền', aliases: ['Trung Bộ', 'Trung Kỳ', 'các tỉnh miền Trung'], parts: ['bac-trung-bo-duyen-hai-mien-trung', 'tay-nguyen'] },
  { key: 'mien-nam', name: 'miền Nam', level: 'miền', aliases: ['Nam Bộ', 'Nam Kỳ', 'phía Nam', 'các tỉnh phía Nam'], parts: ['dong-nam-bo', 'dong-bang-song-cuu-long'] },

  { key: 'trung-du-mien-nui-phia-bac', name: 'Trung du và miền núi phía Bắc', level: 'vùng', parent: 'mien-bac',
    aliases: ['Trung du và miền núi Bắc Bộ', 'Trung du miền núi phía Bắc', 'Trung du, miền núi phía Bắc', 'TDMNPB', 'miền núi phía Bắc', 'vùng núi phía Bắc'],
    provinces: ['02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '24', '25'] },
  { key: 'dong-bang-song-hong', name: 'Đồng bằng sông Hồng', level: 'vùng', parent: 'mien-bac',
    aliases: ['ĐBSH', 'đồng bằng Bắc Bộ', 'vùng đồng bằng sông Hồng'],
    provinces: ['01', '22', '26', '27', '30', '31', '33', '34', '35', '36', '37'] },
  { key: 'bac-trung-bo-duyen-hai-mien-trung', name: 'Bắc Trung Bộ và duyên hải miền Trung', level: 'vùng', parent: 'mien-trung',
    aliases: ['Bắc Trung Bộ và Duyên hải Trung Bộ', 'Bắc Trung Bộ và Duyên hải miền Trung', 'BTB&DHMT', 'duyên hải miền Trung'],
    provinces: ['38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60'] },
  { key: 'tay-nguyen', name: 'Tây Nguyên', level: 'vùng', parent: 'mien-trung',
    aliases: ['vùng Tây Nguyên', 'cao nguyên Trung phần'],
    provinces: ['62', '64', '66', '67', '68'] },
  { key: 'dong-nam-bo', name: 'Đông Nam Bộ', level: 'vùng', parent: 'mien-nam',
    aliases: ['ĐNB', 'miền Đông Nam Bộ', 'miền Đông', 'vùng Đông Nam Bộ'],
    provinces: ['70', '72', '74', '75', '77', '79'] },
  { key: 'dong-bang-song-cuu-long', name: 'Đồng bằng sông Cửu Long', level: 'vùng', parent: 'mien-nam',
    aliases: ['ĐBSCL', 'miền Tây', 'miền Tây Nam Bộ', 'Tây Nam Bộ', 'vùng đồng bằng sông Cửu Long', 'đồng bằng Cửu Long', 'Mekong Delta'],
    provinces: ['80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'] },

  { key: 'tay-bac', name: 'Tây Bắc', level: 'tiểu vùng', parent: 'trung-du-mien-nui-phia-bac',
    aliases: ['Tây Bắc Bộ', 'vùng Tây Bắc'],
    provinces: ['10', '11', '12', '14', '15', '17'] },
  { key: 'dong-bac', name: 'Đông Bắc', level: 'tiểu vùng', parent: 'trung-du-mien-nui-phia-bac',
    aliases: ['Đông Bắc Bộ', 'vùng Đông Bắc'],
    provinces: ['02', '04', '06', '08', '19', '20', '24', '25'] },
  { key: 'bac-trung-bo', name: 'Bắc Trung Bộ', level: 'tiểu vùng', parent: 'bac-trung-bo-duyen-hai-mien-trung',
    aliases: ['BTB', 'vùng Bắc Trung Bộ'],
    provinces: ['38', '40', '42', '44', '45', '46'] },
  { key: 'nam-trung-bo', name: 'Duyên hải Nam Trung Bộ', level: 'tiểu vùng', parent: 'bac-trung-bo-duyen-hai-mien-trung',
    aliases: ['Nam Trung Bộ', 'DHNTB', 'duyên hải Nam Trung Bộ', 'vùng Nam Trung Bộ'],
    provinces: ['48', '49', '51', '52', '54', '56', '58', '60'] },
];

// ---------------------------------------------------------------------------------------------
// Curated: district-level corrections and extra variants.
// Status changes after the GSO export of 2025-01-04, before 2025-07-01. Both agree with the
// pre-merger table of `vietnamadminunits` 1.0.4 (PyPI, MIT), which lists them so.
const DISTRICT_OVERRIDES = {
  '123': { kind: 'thị xã', note: 'huyện Mộc Châu became thị xã Mộc Châu in 2025 (after the 2025-01-04 GSO export)', formerNames: [{ fullName: 'huyện Mộc Châu', kind: 'huyện' }] },
  '754': { kind: 'thành phố thuộc tỉnh', note: 'thị xã Phú Mỹ became thành phố Phú Mỹ in 2025 (after the 2025-01-04 GSO export)', formerNames: [{ fullName: 'thị xã Phú Mỹ', kind: 'thị xã' }] },
};
// Source-name clean-ups (the source spelling is kept as an alias).
const DISTRICT_NAME_FIX = {
  '618': 'Ia H\'Drai', // source: "Ia H' Drai"
};
const DISTRICT_EXTRA_ALIASES = {
  '088': ['Sapa'],
  '058': ['Bắc Cạn'],
  '602': ['Phú Quý'],
  '618': ['Ia HDrai', 'Ia H’Drai'],
  '625': ['Kbang', 'K\'Bang', 'Kbăng'],
  '645': ['Ea H\'Leo', 'Eahleo', 'Ea Hleo'],
  '648': ['Cư M\'Gar', 'Cư Mgar', 'Cưmgar'],
  '652': ['M\'Drắk', 'M\'Đrăk', 'Ma Đrắk', 'MĐrắk'],
  '654': ['Krông Pắk', 'Krông Pắc'],
  '656': ['Lăk', 'Lắc'],
  '666': ['Đắk R\'lấp', 'Đăk R\'lấp', 'Đắk Rlấp'],
  '582': ['Phan Rang', 'Phan Rang - Tháp Chàm'],
  '769': ['TP Thủ Đức', 'TP. Thủ Đức'],
};

// ---------------------------------------------------------------------------------------------
const DISTRICT_PREFIXES = [
  ['Thành phố ', 'thành phố'],
  ['Thị xã ', 'thị xã'],
  ['Quận ', 'quận'],
  ['Huyện ', 'huyện'],
];
const COMMUNE_PREFIXES = [
  ['Thị trấn ', 'thị trấn'],
  ['Phường ', 'phường'],
  ['Xã ', 'xã'],
  ['Đặc khu ', 'đặc khu'],
];

function splitPrefix(fullSource, prefixes) {
  const s = nfc(fullSource).trim();
  for (const [p, kind] of prefixes) {
    if (s.toLowerCase().startsWith(p.toLowerCase())) return { kind, name: s.slice(p.length).trim() };
  }
  throw new Error(`no known level word in "${s}"`);
}

const isNumeric = (name) => /^\d+[A-Z]?$/u.test(name);
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function provinceFullName(name, kind, override) {
  if (override) return override;
  return `${kind === 'tỉnh' ? 'tỉnh' : 'thành phố'} ${name}`;
}

function buildDistrict(d, provinceCode, provinceIsCentral) {
  const code = String(d.code).padStart(3, '0');
  const { kind: rawKind, name: srcName } = splitPrefix(d.name, DISTRICT_PREFIXES);
  let kind = rawKind;
  if (kind === 'thành phố') kind = provinceIsCentral ? 'thành phố thuộc thành phố trực thuộc trung ương' : 'thành phố thuộc tỉnh';
  const override = DISTRICT_OVERRIDES[code];
  if (override) kind = override.kind;
  let name = DISTRICT_NAME_FIX[code] ?? toneModern(srcName);
  const levelWord = kind.startsWith('thành phố') ? 'thành phố' : kind;
  let fullName = `${levelWord} ${name}`;
  const extra = [...(DISTRICT_EXTRA_ALIASES[code] ?? [])];
  if (srcName !== name) extra.push(srcName);
  if (isNumeric(name)) { // "Quận 1": the number alone is not a usable name
    name = `${cap(levelWord)} ${name}`;
    fullName = name;
    const n = name.split(' ')[1];
    extra.push(`Q.${n}`, `Q. ${n}`, `Q${n}`, `quận ${n}`);
  }
  const out = {
    code,
    name,
    fullName,
    kind,
    nameAscii: ascii(name),
    aliases: variantsOf(name, extra),
    provinceCode,
    validTo: '2025-06-30',
  };
  if (override) { out.formerNames = override.formerNames; out.note = override.note; }
  return out;
}

function buildCommune(w) {
  const { kind, name } = splitPrefix(w.name, COMMUNE_PREFIXES);
  const code = String(w.code).padStart(5, '0');
  const canonical = isNumeric(name) ? `${cap(kind)} ${name}` : toneModern(name);
  return [code, canonical, kind];
}

// ---------------------------------------------------------------------------------------------
function main() {
  const [oldWheel, newWheel] = process.argv.slice(2);
  if (!oldWheel || !newWheel) {
    console.error('usage: node build.mjs <vietnam_provinces-0.6.0-*.whl> <vietnam_provinces-2025.10.1-*.whl>');
    process.exit(2);
  }
  const oldSrc = loadWheel(oldWheel);
  const newSrc = loadWheel(newWheel);
  const fail = (msg) => { console.error(`build failed: ${msg}`); process.exit(1); };

  // ---- old provinces and districts
  const regionOf = new Map();
  for (const r of REGIONS) for (const p of r.provinces ?? []) {
    const slot = r.level === 'vùng' ? 'region' : 'subregion';
    const entry = regionOf.get(p) ?? {};
    if (entry[slot]) fail(`province ${p} in two ${r.level} entries`);
    entry[slot] = r.key;
    regionOf.set(p, entry);
  }
  const macroOf = (regionKey) => REGIONS.find((r) => r.key === regionKey)?.parent;

  const successor = new Map();
  for (const n of NEW) for (const p of n.predecessors) {
    if (successor.has(p)) fail(`old province ${p} has two successors`);
    successor.set(p, n.code);
  }

  const srcCodes = oldSrc.json.map((p) => String(p.code).padStart(2, '0'));
  if (srcCodes.length !== 63 || srcCodes.some((c) => !OLD[c]) || Object.keys(OLD).some((c) => !srcCodes.includes(c))) {
    fail('source province codes differ from the curated list of 63');
  }

  const provinces2008 = oldSrc.json.map((p) => {
    const code = String(p.code).padStart(2, '0');
    const cur = OLD[code];
    const central = CENTRAL_CITIES.has(code);
    const srcName = nfc(p.name).replace(/^(Tỉnh|Thành phố) /u, '');
    if (toneModern(srcName) !== cur.name) fail(`province ${code}: source "${srcName}" vs curated "${cur.name}"`);
    const kind = central ? 'thành phố trực thuộc trung ương' : 'tỉnh';
    const reg = regionOf.get(code) ?? {};
    const extra = [...(cur.aliases ?? [])];
    if (srcName !== cur.name) extra.push(srcName);
    const out = {
      code,
      name: cur.name,
      fullName: provinceFullName(cur.name, kind, cur.fullName),
      kind,
      nameAscii: ascii(cur.name),
      aliases: variantsOf(cur.name, extra),
      macroRegion: macroOf(reg.region),
      region: reg.region,
      subregion: reg.subregion ?? null,
      successorCode: successor.get(code),
      validTo: '2025-06-30',
    };
    if (cur.formerNames) out.formerNames = cur.formerNames;
    out.districts = p.districts
      .map((d) => buildDistrict(d, code, central))
      .sort((a, b) => a.code.localeCompare(b.code));
    return out;
  }).sort((a, b) => a.code.localeCompare(b.code));

  // ---- new provinces: check curated list against the 2025 wheel
  const newByCode = new Map(newSrc.json.map((p) => [String(p.code).padStart(2, '0'), p]));
  if (newByCode.size !== 34 || NEW.length !== 34) fail('expected 34 new units');
  for (const n of NEW) {
    const src = newByCode.get(n.code);
    if (!src) fail(`new unit ${n.code} missing from 2025 source`);
    const srcName = nfc(src.name).replace(/^(Tỉnh|Thành phố) /u, '');
    if (toneModern(srcName) !== n.name) fail(`new unit ${n.code}: source "${srcName}" vs curated "${n.name}"`);
    const srcCentral = src.division_type === 'thành phố trung ương';
    if (srcCentral !== CENTRAL_CITIES.has(n.code)) fail(`new unit ${n.code}: kind disagrees with source`);
  }

  // ---- cross-check the merger list: GSO commune codes kept across the reorganisation
  // (each new commune keeps the code of one of the old communes merged into it).
  const oldCommuneProvince = new Map();
  for (const p of oldSrc.json) for (const d of p.districts) for (const w of d.wards) {
    oldCommuneProvince.set(w.code, String(p.code).padStart(2, '0'));
  }
  const derived = new Map(); // old province -> Set(new province)
  let reused = 0;
  for (const p of newSrc.json) for (const w of p.wards) {
    const oldP = oldCommuneProvince.get(w.code);
    if (!oldP) continue;
    reused++;
    const s = derived.get(oldP) ?? new Set();
    s.add(String(p.code).padStart(2, '0'));
    derived.set(oldP, s);
  }
  for (const code of srcCodes) {
    const s = derived.get(code);
    if (!s || s.size !== 1 || [...s][0] !== successor.get(code)) {
      fail(`merger check: old ${code} -> curated ${successor.get(code)}, commune codes say ${s ? [...s].join(',') : 'nothing'}`);
    }
  }

  const provinces2025 = NEW.map((n) => {
    const kind = CENTRAL_CITIES.has(n.code) ? 'thành phố trực thuộc trung ương' : 'tỉnh';
    const cur = Object.values(OLD).find((o) => o.name === n.name);
    // Written variants of the same name carry over; names of merged-in predecessors do not
    // (find those through predecessorCodes). Huế's pre-2025 name is not carried over either.
    const carried = (cur?.aliases ?? []).filter((a) => !/Thừa Thiên|TT-Huế|TT Huế/u.test(a));
    return {
      code: n.code,
      name: n.name,
      fullName: provinceFullName(n.name, kind, cur?.fullName),
      kind,
      nameAscii: ascii(n.name),
      aliases: variantsOf(n.name, carried),
      validFrom: '2025-07-01',
      predecessorCodes: [...n.predecessors].sort(),
      adminCenterPredecessorCode: n.seat ?? n.predecessors[0],
      merged: n.predecessors.length > 1,
    };
  }).sort((a, b) => a.code.localeCompare(b.code));

  // ---- regions
  const regions = REGIONS.map((r) => {
    let provinces = r.provinces;
    if (!provinces) provinces = REGIONS.filter((x) => r.parts.includes(x.key)).flatMap((x) => x.provinces);
    return {
      key: r.key,
      name: r.name,
      level: r.level,
      parent: r.parent ?? null,
      aliases: variantsOf(r.name, r.aliases),
      provinceCodes: [...provinces].sort(),
    };
  });

  const districtCount = provinces2008.reduce((n, p) => n + p.districts.length, 0);

  const units = {
    meta: {
      title: 'Vietnamese administrative units: 63 provinces with districts (until 2025-06-30), 34 provinces (from 2025-07-01), regions',
      generatedBy: 'data/admin-units/build.mjs',
      normalization: 'All strings are Unicode NFC. Canonical names put the tone mark on the main vowel in open oa/oe/uy syllables (Hòa, Thủy); the other placement (Hoà, Thuỷ) is listed in aliases.',
      codes: 'GSO (TCTK) administrative-unit codes as strings: provinces 2 digits, districts 3 digits, communes 5 digits. The 2025 province codes reuse old codes with a NEW meaning (new 15 = Lào Cai = old Lào Cai 10 + old Yên Bái 15): never mix provinces2008 and provinces2025 codes without saying which list they belong to.',
      validity: {
        provinces2008: { validTo: '2025-06-30', snapshot: 'GSO export of 2025-01-04 (vietnam-provinces 0.6.0), with the two 2025 district status changes listed in DISTRICT_OVERRIDES of build.mjs' },
        provinces2025: { validFrom: '2025-07-01', basis: 'Resolution 202/2025/QH15 (list as in the annex of Resolution 60-NQ/TW); codes from GSO letter 915/CTK-CSCL' },
        districts: 'The district level (cấp huyện) was abolished on 2025-07-01; all districts have validTo 2025-06-30.',
      },
      kinds: {
        province: ['tỉnh', 'thành phố trực thuộc trung ương'],
        district: ['quận', 'huyện', 'thị xã', 'thành phố thuộc tỉnh', 'thành phố thuộc thành phố trực thuộc trung ương'],
      },
      levelWords: {
        'tỉnh': ['tỉnh', 'T.'],
        'thành phố trực thuộc trung ương': ['thành phố', 'TP.', 'TP', 'Tp.'],
        'quận': ['quận', 'Q.'],
        'huyện': ['huyện', 'H.'],
        'thị xã': ['thị xã', 'TX.', 'TX', 'Tx.'],
        'thành phố thuộc tỉnh': ['thành phố', 'TP.', 'TP', 'Tp.'],
        'thành phố thuộc thành phố trực thuộc trung ương': ['thành phố', 'TP.', 'TP', 'Tp.'],
      },
      sources: [oldSrc.source, newSrc.source],
      counts: { provinces2008: provinces2008.length, districts: districtCount, provinces2025: provinces2025.length, regions: regions.length },
      mergerCheck: `each of the 63 old provinces maps to its curated successor according to ${reused} GSO commune codes kept across the 2025 reorganisation`,
    },
    provinces2008,
    provinces2025,
    regions,
  };

  // ---- communes (optional data; separate file)
  const communes2025_01 = {};
  let oldCommunes = 0;
  for (const p of oldSrc.json) for (const d of p.districts) {
    const dc = String(d.code).padStart(3, '0');
    communes2025_01[dc] = d.wards.map(buildCommune).sort((a, b) => a[0].localeCompare(b[0]));
    oldCommunes += d.wards.length;
  }
  const communes2025_07 = {};
  let newCommunes = 0;
  for (const p of newSrc.json) {
    const pc = String(p.code).padStart(2, '0');
    communes2025_07[pc] = p.wards.map(buildCommune).sort((a, b) => a[0].localeCompare(b[0]));
    newCommunes += p.wards.length;
  }
  const communes = {
    meta: {
      title: 'Vietnamese communes (cấp xã): before and after the 2025-07-01 reorganisation',
      generatedBy: 'data/admin-units/build.mjs',
      format: 'Each commune is [code, name, kind]; kind is one of xã, phường, thị trấn, đặc khu. Names drop the level word except numbered ones ("Phường 1"). NFC.',
      communes2025_01: `Keyed by 3-digit district code of units.json provinces2008. GSO export of ${oldSrc.source.dataVersion} (vietnam-provinces ${oldSrc.source.version}); not updated for commune changes between that date and 2025-06-30.`,
      communes2025_07: `Keyed by 2-digit province code of units.json provinces2025. From 2025-07-01; vietnam-provinces ${newSrc.source.version} (data ${newSrc.source.dataVersion}).`,
      sources: [oldSrc.source, newSrc.source],
      counts: { communes2025_01: oldCommunes, communes2025_07: newCommunes },
    },
    communes2025_01,
    communes2025_07,
  };

  writeFileSync(join(HERE, 'units.json'), JSON.stringify(units, null, 1) + '\n');
  writeFileSync(join(HERE, 'communes.json'), JSON.stringify(communes) + '\n');
  console.log(`units.json: ${provinces2008.length} provinces, ${districtCount} districts, ${provinces2025.length} new units, ${regions.length} regions`);
  console.log(`communes.json: ${oldCommunes} communes (2025-01), ${newCommunes} communes (2025-07)`);
  console.log(units.meta.mergerCheck);
}

main();
