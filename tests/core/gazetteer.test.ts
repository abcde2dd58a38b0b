// The gazetteer (data/admin-units/units.json) as graph data, and the extractor's use of it:
// ids shared with the graph, the reform of 1 July 2025, districts named without their province.
// Texts are made up from gazetteer names (general knowledge), none from the evaluation articles.
import { describe, expect, it } from 'vitest';
import { gazetteerGraph, type GazetteerUnit } from '../../src/core/admin-units.ts';
import { extractArticle } from '../../src/core/extract.ts';
import { DISTRICTS, PROVINCES, isAfterReform } from '../../src/core/gazetteer.ts';
import { devArticles, trainDir } from './devset.ts';

const g = gazetteerGraph();
const byId = new Map<string, GazetteerUnit>(g.units.map((u) => [u.id, u]));
const links = (type: string, from: string) => g.links.filter((l) => l.type === type && l.from === from).map((l) => l.to);
const unitIds = (text: string, meta = {}) =>
  extractArticle(text, meta)
    .entities.filter((e) => e.type === 'AdministrativeUnit')
    .map((e) => e.id);
const dated = (date: string, body: string) => `Tin địa phương\n\nThứ Hai, ${date}, 08:00\n\n${body}`;

describe('gazetteerGraph', () => {
  it('has the 63 old and 34 new provinces, 696 districts, regions and the country', () => {
    const provinces = g.units.filter((u) => u.subtype === 'PROVINCE');
    expect(provinces.filter((u) => u.validTo === '2025-06-30' && u.validFrom === null)).toHaveLength(63);
    expect(provinces.filter((u) => u.validFrom === '2025-07-01' && u.validTo === null)).toHaveLength(34);
    expect(provinces).toHaveLength(97);
    expect(g.units.filter((u) => u.subtype === 'DISTRICT')).toHaveLength(696);
    expect(g.units.filter((u) => u.subtype === 'COUNTRY').map((u) => u.id)).toEqual(['country:viet-nam']);
    expect(g.units.filter((u) => u.subtype === 'REGION').length).toBeGreaterThanOrEqual(13);
  });

  it('has unique ids and links whose endpoints exist', () => {
    expect(byId.size).toBe(g.units.length);
    for (const l of g.links) {
      expect(byId.has(l.from), l.from).toBe(true);
      expect(byId.has(l.to), l.to).toBe(true);
    }
  });

  it('uses the id scheme of the extractor', () => {
    for (const u of g.units) {
      const pattern =
        u.subtype === 'PROVINCE' ? /^province:[a-z0-9-]+(:2025)?$/ : u.subtype === 'DISTRICT' ? /^district:[a-z0-9-]+:[a-z0-9-]+$/ : u.subtype === 'REGION' ? /^region:[a-z0-9-]+$/ : /^country:viet-nam$/;
      expect(u.id, u.name).toMatch(pattern);
      if (u.subtype !== 'REGION' && u.subtype !== 'COUNTRY') expect(u.code, u.id).toMatch(/^\d+$/);
      if (u.subtype === 'REGION') expect([u.code, u.level]).toEqual([null, null]);
    }
    expect(byId.get('province:lao-cai')).toMatchObject({ name: 'Lào Cai', code: '10', level: 'tỉnh', validTo: '2025-06-30' });
    expect(byId.get('province:lao-cai:2025')).toMatchObject({ name: 'Lào Cai', code: '15', validFrom: '2025-07-01' });
    expect(byId.get('province:ho-chi-minh')).toMatchObject({ level: 'thành phố' });
    expect(byId.get('province:ba-ria-vung-tau')?.name).toBe('Bà Rịa - Vũng Tàu');
    expect(byId.get('province:thua-thien-hue')?.aliases).toContain('Huế');
    expect(byId.get('province:hue:2025')?.name).toBe('Huế');
    expect(byId.get('district:bac-ninh:tu-son')).toMatchObject({ name: 'Từ Sơn', code: '261', validTo: '2025-06-30' });
    expect(byId.get('district:ho-chi-minh:quan-1')?.name).toBe('Quận 1');
    // a district named like a province, and two districts of one name in one province, keep their level word
    expect(byId.get('district:lao-cai:thanh-pho-lao-cai')?.name).toBe('thành phố Lào Cai');
    expect(byId.has('district:ha-tinh:huyen-ky-anh') && byId.has('district:ha-tinh:thi-xa-ky-anh')).toBe(true);
  });

  it('links every old province to the unit it merged into', () => {
    expect(links('SUCCEEDED_BY', 'province:lao-cai')).toEqual(['province:lao-cai:2025']);
    expect(links('SUCCEEDED_BY', 'province:yen-bai')).toEqual(['province:lao-cai:2025']);
    expect(links('SUCCEEDED_BY', 'province:bac-giang')).toEqual(['province:bac-ninh:2025']);
    expect(links('SUCCEEDED_BY', 'province:bac-ninh')).toEqual(['province:bac-ninh:2025']);
    for (const u of g.units.filter((x) => x.subtype === 'PROVINCE' && x.validTo)) expect(links('SUCCEEDED_BY', u.id), u.id).toHaveLength(1);
  });

  it('places districts in provinces, provinces in regions, regions and new provinces in the country', () => {
    for (const u of g.units.filter((x) => x.subtype === 'DISTRICT')) {
      const parents = links('PART_OF', u.id);
      expect(parents, u.id).toHaveLength(1);
      expect(byId.get(parents[0]!)?.validTo, u.id).toBe('2025-06-30');
    }
    expect(links('PART_OF', 'province:lao-cai')).toEqual(expect.arrayContaining(['region:mien-bac', 'region:tay-bac']));
    for (const u of g.units.filter((x) => x.subtype === 'PROVINCE' && x.validTo)) expect(links('PART_OF', u.id).length, u.id).toBeGreaterThanOrEqual(2);
    for (const u of g.units.filter((x) => x.subtype === 'PROVINCE' && x.validFrom)) expect(links('PART_OF', u.id)).toEqual(['country:viet-nam']);
    expect(links('PART_OF', 'region:tay-bac')).toEqual(['region:trung-du-mien-nui-phia-bac']);
    expect(links('PART_OF', 'region:trung-du-mien-nui-phia-bac')).toEqual(['region:mien-bac']);
    expect(links('PART_OF', 'region:mien-bac')).toEqual(['country:viet-nam']);
  });

  it('is memoised', () => {
    expect(gazetteerGraph()).toBe(g);
  });
});

describe('units at the article date', () => {
  const body = 'Năm nay, Ủy ban MTTQ tỉnh Lào Cai trao 200 suất quà cho hộ nghèo.';

  it('reads a province after the reform as the new unit of that name', () => {
    const x = extractArticle(dated('05-01-2026', body));
    expect(x.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['province:lao-cai:2025', 'org:uy-ban-mttq:lao-cai:2025']));
    expect(x.entities.map((e) => e.id)).not.toContain('province:lao-cai');
  });

  it('reads it before the reform, or without a date, as the old unit', () => {
    expect(unitIds(dated('05-01-2020', body))).toEqual(['province:lao-cai']);
    expect(unitIds(dated('30-06-2025', body))).toEqual(['province:lao-cai']);
    expect(unitIds(`Tin địa phương\n\n${body}`)).toEqual(['province:lao-cai']);
    expect(unitIds(`Tin địa phương\n\n${body}`, { publishedAt: '2025-07-01T09:00:00+07:00' })).toEqual(['province:lao-cai:2025']);
  });

  it('keeps a merged-away name on the old unit, and districts on their old province', () => {
    const ids = unitIds(dated('05-01-2026', 'Đoàn công tác tỉnh Yên Bái cũ làm việc với huyện Bát Xát, tỉnh Lào Cai và Thừa Thiên Huế.'));
    expect(ids).toEqual(expect.arrayContaining(['province:yen-bai', 'province:lao-cai:2025', 'district:lao-cai:bat-xat', 'province:hue:2025']));
    const rels = extractArticle(dated('05-01-2026', 'Huyện Bát Xát, tỉnh Lào Cai trao quà.')).relations.map((r) => `${r.type} ${r.from} ${r.to}`);
    expect(rels.some((r) => r.startsWith('PART_OF district:') && r.endsWith(':2025'))).toBe(false);
  });

  it('compares dates in Vietnam time', () => {
    expect(isAfterReform('2025-06-30T17:30:00Z')).toBe(true);
    expect(isAfterReform('2025-06-30T23:00:00+07:00')).toBe(false);
    expect(isAfterReform(null)).toBe(false);
  });
});

describe('districts from the gazetteer', () => {
  it('places a district named without its province when the name is unique', () => {
    const t = 'Tin\n\nNăm 2020, tỉnh Ninh Bình phối hợp với huyện Hải Hậu tổ chức hội thảo.';
    expect(unitIds(t)).toEqual(expect.arrayContaining(['province:ninh-binh', 'district:nam-dinh:hai-hau']));
  });

  it('resolves an ambiguous name inside the province in focus, and leaves it alone otherwise', () => {
    expect(unitIds('Tin\n\nHội Nông dân tỉnh Bến Tre làm việc với huyện Châu Thành.')).toContain('district:ben-tre:chau-thanh');
    expect(unitIds('Tin\n\nĐoàn công tác làm việc với huyện Châu Thành.')).toContain('district:chau-thanh');
  });

  it('reads names capitalised runs cannot (apostrophes, surname-first names, city names longer than a province)', () => {
    expect(unitIds('Tin\n\nNăm 2020, huyện Cư M’gar và huyện M\'Đrắk, tỉnh Đắk Lắk có mưa lớn.'.replace('’', "'"))).toEqual(
      expect.arrayContaining(['district:dak-lak:cu-m-gar', 'district:dak-lak:m-drak']),
    );
    expect(unitIds('Tin\n\nNăm 2020, huyện Hoàng Su Phì có mưa lớn.')).toContain('district:ha-giang:hoang-su-phi');
    expect(unitIds('Tin\n\nNăm 2020, thành phố Điện Biên Phủ có mưa lớn.')).toContain('district:dien-bien:dien-bien-phu');
    expect(unitIds('Tin\n\nNăm 2020, thành phố Hội An đón khách.')).toContain('district:quang-nam:hoi-an');
    expect(unitIds('Tin\n\nNăm 2020, thành phố Lào Cai đón khách.')).toContain('district:lao-cai:thanh-pho-lao-cai');
    expect(unitIds('Tin\n\nNăm 2020, Quận 1, TP.HCM đón khách.')).toEqual(expect.arrayContaining(['district:ho-chi-minh:quan-1', 'province:ho-chi-minh']));
  });

  it('reads a bare district name only after a locative cue, when unique and its province is named', () => {
    expect(unitIds('Tin\n\nNăm 2020, tỉnh Nam Định có mưa lớn. Tại Hải Hậu, nhiều nhà bị ngập.')).toContain('district:nam-dinh:hai-hau');
    expect(unitIds('Tin\n\nNăm 2020, tỉnh Ninh Bình có mưa lớn. Tại Hải Hậu, nhiều nhà bị ngập.')).not.toContain('district:nam-dinh:hai-hau');
    expect(unitIds('Tin\n\nNăm 2020, tỉnh Nam Định có mưa lớn. Hải Hậu có nhiều nhà bị ngập.').some((id) => id.includes('hai-hau'))).toBe(false);
  });

  it('does not take a district for a province with a similar name', () => {
    const ids = unitIds('Tin\n\nNăm 2020, huyện Quang Bình và Phù Yên có mưa lớn.');
    expect(ids).toContain('district:ha-giang:quang-binh');
    expect(ids).not.toContain('province:quang-binh');
    expect(ids).not.toContain('province:phu-yen');
  });
});

describe('extractor ids are gazetteer ids', () => {
  it('for every province and district written with its level word and province', () => {
    for (const p of PROVINCES) {
      const ids = unitIds(`Tin\n\nNăm 2020, Ủy ban MTTQ ${p.levelWord} ${p.name} trao quà.`);
      expect(ids, p.name).toEqual([p.id]);
      expect(unitIds(`Tin\n\nThứ Hai, 05-01-2026, 08:00\n\nNăm nay, Ủy ban MTTQ ${p.levelWord} ${p.name} trao quà.`)).toEqual([
        p.continuedAs ? p.continuedAs.id : p.id,
      ]);
    }
    for (const d of DISTRICTS) {
      const ids = unitIds(`Tin\n\nĐoàn công tác đến thăm ${d.levelWord} ${d.bareName}, ${d.province.levelWord} ${d.province.name}.`);
      expect(ids, d.id).toContain(d.id);
      for (const id of ids) expect(byId.has(id), id).toBe(true);
    }
  });

  it('in the evaluation articles', () => {
    const dirs = [trainDir];
    for (const dir of dirs) {
      for (const a of devArticles(dir)) {
        for (const id of unitIds(a.text)) {
          if (id.startsWith('province:') || id.startsWith('region:') || /^district:[^:]+:[^:]+$/.test(id)) expect(byId.has(id), `${a.name}: ${id}`).toBe(true);
        }
      }
    }
  });
});
