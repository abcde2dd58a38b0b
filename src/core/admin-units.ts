// The gazetteer as graph data: every administrative unit the project knows (country, regions,
// the 63 provinces until 2025-06-30 with their districts, the 34 provinces from 2025-07-01)
// with the same ids the extractor gives their mentions, and the links between them.
import {
  DISTRICTS,
  NEW_PROVINCES,
  OLD_UNITS_VALID_TO,
  PROVINCES,
  REFORM_DATE,
  REGIONS,
} from './gazetteer.ts';

export interface GazetteerUnit {
  /** Same id scheme the extractor uses for the same unit. */
  id: string;
  subtype: 'PROVINCE' | 'DISTRICT' | 'REGION' | 'COUNTRY';
  /** "Lào Cai", "Từ Sơn", "miền Trung" */
  name: string;
  /** "tỉnh Lào Cai", variant spellings, "thị xã Từ Sơn" … */
  aliases: string[];
  /** Official code ("10", "256"); null for regions. */
  code: string | null;
  /** The level word: "tỉnh", "thành phố", "huyện", "thị xã", "quận"; null for regions. */
  level: string | null;
  /** ISO date, e.g. "2025-07-01" for the new provinces. */
  validFrom: string | null;
  /** "2025-06-30" for the 63 old provinces and their districts. */
  validTo: string | null;
}

export interface GazetteerLink {
  type: 'PART_OF' | 'SUCCEEDED_BY';
  from: string;
  to: string;
}

export const COUNTRY_ID = 'country:viet-nam';

let memo: { units: GazetteerUnit[]; links: GazetteerLink[] } | null = null;

function withoutName(name: string, aliases: string[]): string[] {
  const seen = new Set<string>([name]);
  const out: string[] = [];
  for (const a of aliases) {
    if (seen.has(a)) continue;
    seen.add(a);
    out.push(a);
  }
  return out;
}

/** All gazetteer units and links (computed once). */
export function gazetteerGraph(): { units: GazetteerUnit[]; links: GazetteerLink[] } {
  if (memo) return memo;
  const units: GazetteerUnit[] = [];
  const links: GazetteerLink[] = [];
  units.push({
    id: COUNTRY_ID,
    subtype: 'COUNTRY',
    name: 'Việt Nam',
    aliases: ['Cộng hòa xã hội chủ nghĩa Việt Nam', 'nước Cộng hòa xã hội chủ nghĩa Việt Nam'],
    code: 'VN',
    level: null,
    validFrom: null,
    validTo: null,
  });
  for (const r of REGIONS) {
    units.push({ id: r.id, subtype: 'REGION', name: r.name, aliases: withoutName(r.name, r.aliases), code: null, level: null, validFrom: null, validTo: null });
    const parent = r.parent ? REGIONS.find((x) => x.key === r.parent) : undefined;
    links.push({ type: 'PART_OF', from: r.id, to: parent ? parent.id : COUNTRY_ID });
  }
  for (const p of PROVINCES) {
    const full = [`${p.levelWord} ${p.name}`];
    if (p.levelWord === 'thành phố') full.push(`TP ${p.name}`);
    for (const c of p.cityOnly) full.push(`thành phố ${c}`, `TP ${c}`);
    units.push({
      id: p.id,
      subtype: 'PROVINCE',
      name: p.name,
      aliases: withoutName(p.name, [...full, ...p.aliases]),
      code: p.code,
      level: p.levelWord,
      validFrom: null,
      validTo: OLD_UNITS_VALID_TO,
    });
    for (const key of p.regionKeys) links.push({ type: 'PART_OF', from: p.id, to: `region:${key}` });
    links.push({ type: 'SUCCEEDED_BY', from: p.id, to: p.successor.id });
  }
  for (const d of DISTRICTS) {
    const full = [`${d.levelWord} ${d.bareName}`];
    units.push({
      id: d.id,
      subtype: 'DISTRICT',
      name: d.name,
      aliases: withoutName(d.name, [...(d.name.startsWith(d.levelWord) || /^Quận \d/u.test(d.name) ? [] : full), ...d.aliases]),
      code: d.code,
      level: d.levelWord,
      validFrom: null,
      validTo: OLD_UNITS_VALID_TO,
    });
    links.push({ type: 'PART_OF', from: d.id, to: d.province.id });
  }
  for (const n of NEW_PROVINCES) {
    units.push({
      id: n.id,
      subtype: 'PROVINCE',
      name: n.name,
      aliases: withoutName(n.name, [`${n.levelWord} ${n.name}`, ...n.aliases]),
      code: n.code,
      level: n.levelWord,
      validFrom: REFORM_DATE,
      validTo: null,
    });
    links.push({ type: 'PART_OF', from: n.id, to: COUNTRY_ID });
  }
  memo = { units, links };
  return memo;
}
