// The resolution stages one by one, on short texts of the genre.
import { describe, expect, it } from 'vitest';
import { recognizeMentions } from '../../src/core/extract.ts';
import { EntityBag, RelationBag } from '../../src/core/entities/resolve/evidence.ts';
import { Focus } from '../../src/core/entities/resolve/focus.ts';
import { UnitGraph } from '../../src/core/entities/resolve/unit-graph.ts';
import { resolveBodies } from '../../src/core/entities/resolve/bodies.ts';
import { clubRelations, partyRelations, runsRelations } from '../../src/core/entities/resolve/genre-relations.ts';
import { campaignId } from '../../src/core/ids.ts';

function stages(text: string) {
  const r = recognizeMentions(text.normalize('NFC'));
  const units = new UnitGraph(r.doc, r.mentions, r.parenPlace);
  const focus = new Focus(r.doc, r.mentions, units);
  units.placeKnownDistricts(focus.at);
  units.attachToFocus((si, offset) => focus.unitBefore(si, offset));
  focus.compute();
  units.assignIds();
  return { ...r, units, focus };
}

function bodies(text: string) {
  const s = stages(text);
  const bag = new EntityBag();
  const rels = new RelationBag();
  const campaignIds = s.mentions.campaigns.map((c) => campaignId(c.key));
  const b = resolveBodies(s.doc, s.mentions, s.units, s.focus, s.parenPlace, campaignIds, 'article:test', bag, rels);
  return { ...s, bag, rels, campaignIds, bodies: b };
}

const idOf = (s: ReturnType<typeof stages>, key: string | null) => (key ? s.units.node(key).id : null);

describe('unit graph', () => {
  it('takes a parent stated after the unit and one given in a parenthesis', () => {
    const s = stages('Tiêu đề\n\nXã Nam Thanh, huyện Nam Đàn được công nhận. Huyện Duy Tiên (Hà Nam) cũng vậy.');
    const thanh = [...s.units.nodes.values()].find((n) => n.name === 'Nam Thanh')!;
    const duyTien = [...s.units.nodes.values()].find((n) => n.name === 'Duy Tiên')!;
    expect(s.units.node(thanh.parentKey!).name).toBe('Nam Đàn');
    expect(s.units.node(duyTien.parentKey!).name).toBe('Hà Nam');
    expect(s.units.ancestorAt(thanh.key, 'DISTRICT')).toBe(thanh.parentKey);
    expect(s.units.ancestorAt(thanh.key, 'PROVINCE')).toBeNull();
  });

  it('counts the title twice when choosing the article’s main unit', () => {
    const s = stages('Lào Cai kết nạp đảng viên\n\nTỉnh Yên Bái có tin. Tỉnh Lào Cai cũng có.');
    expect(s.units.node(s.units.main!).name).toBe('Lào Cai');
    expect(idOf(s, s.units.mainProvince())).toMatch(/^province:lao-cai/);
  });

  it('gives a commune without a stated parent the district in focus', () => {
    const s = stages('Tiêu đề\n\nHuyện Nam Đàn (Nghệ An) đạt chuẩn. Trong năm, xã Kim Liên hoàn thành tiêu chí.');
    const kimLien = [...s.units.nodes.values()].find((n) => n.name === 'Kim Liên')!;
    expect(kimLien.parentKey && s.units.node(kimLien.parentKey).name).toBe('Nam Đàn');
    expect(kimLien.id).toContain('nam-dan');
  });
});

describe('focus', () => {
  it('carries the unit a sentence names into the next one, and resolves "toàn tỉnh" to it', () => {
    const s = stages('Tiêu đề\n\nTỉnh Quảng Bình có 74.108 đảng viên. Toàn tỉnh kết nạp 603 đảng viên.');
    const second = s.doc.sentences.find((x) => x.role === 'body' && x.index > 1)!;
    expect(idOf(s, s.focus.at(second.index))).toMatch(/^province:quang-binh/);
    expect(idOf(s, s.focus.placeAt(second.index, 'PROVINCE'))).toMatch(/^province:quang-binh/);
  });

  it('names the unit before a figure, not the one after it', () => {
    const text = 'Tiêu đề\n\nTỉnh Yên Bái kết nạp 100 đảng viên, tỉnh Lào Cai kết nạp 200 đảng viên.';
    const s = stages(text);
    const si = s.doc.sentences.find((x) => x.role === 'body')!.index;
    expect(idOf(s, s.focus.unitBefore(si, text.indexOf('100')))).toMatch(/^province:yen-bai/);
    expect(idOf(s, s.focus.unitBefore(si, text.indexOf('200')))).toMatch(/^province:lao-cai/);
  });
});

describe('bodies', () => {
  it('places a body written with a level word in the province in focus, with LOCATED_IN', () => {
    const b = bodies('Tiêu đề\n\nTỉnh Bắc Ninh có nhiều hoạt động. Hội Nông dân tỉnh tổ chức hội nghị.');
    const hoi = b.bag.order.find((e) => e.type === 'Organization')!;
    expect(hoi.name).toBe('Hội Nông dân tỉnh Bắc Ninh');
    expect(b.rels.list.some((r) => r.type === 'LOCATED_IN' && r.from === hoi.id && r.to.startsWith('province:bac-ninh'))).toBe(true);
  });

  it('scopes a body whose province is never named to the article', () => {
    const b = bodies('Tiêu đề\n\nHội Cựu chiến binh tỉnh tổng kết phong trào.');
    expect(b.bodies.orgIds[0]).toMatch(/:unnamed-tinh-test$/);
  });

  it('makes a standing board PART_OF the committee named inside it', () => {
    const b = bodies('Tiêu đề\n\nBan Thường vụ Tỉnh ủy Lào Cai họp phiên thường kỳ.');
    const board = b.bag.order.find((e) => e.name.startsWith('Ban Thường vụ'))!;
    const committee = b.bag.order.find((e) => e.name.startsWith('Tỉnh ủy'))!;
    expect(b.rels.has('PART_OF', board.id, committee.id)).toBe(true);
  });
});

describe('genre relations', () => {
  it('puts the party organization of a district under the Tỉnh ủy', () => {
    const b = bodies('Tiêu đề\n\nTỉnh ủy Lào Cai chỉ đạo. Đảng bộ huyện Bảo Thắng kết nạp 50 đảng viên.');
    partyRelations(b.doc, b.mentions, b.bodies, b.units, b.rels);
    const dangBo = b.bag.order.find((e) => e.name.startsWith('Đảng bộ'))!;
    const tinhUy = b.bag.order.find((e) => e.name.startsWith('Tỉnh ủy'))!;
    expect(b.rels.has('PART_OF', dangBo.id, tinhUy.id)).toBe(true);
  });

  it('makes a veterans’ club PART_OF the veterans’ association', () => {
    const b = bodies('Tiêu đề\n\nHội Cựu chiến binh tỉnh Nghệ An thành lập Câu lạc bộ Cựu chiến binh doanh nhân.');
    clubRelations(b.doc, b.mentions, b.bodies, b.rels);
    const club = b.bag.order.find((e) => e.name.startsWith('Câu lạc bộ'))!;
    const assoc = b.bag.order.find((e) => e.name.startsWith('Hội Cựu chiến binh'))!;
    expect(b.rels.has('PART_OF', club.id, assoc.id)).toBe(true);
  });

  it('gives the campaign a sentence announces to the body the sentence is about', () => {
    const b = bodies('Tiêu đề\n\nỦy ban MTTQ tỉnh Vĩnh Long phát động Tháng cao điểm “Vì người nghèo”.');
    runsRelations(b.doc, b.mentions, b.bodies, b.campaignIds, b.rels);
    const runs = b.rels.list.filter((r) => r.type === 'RUNS');
    expect(runs.map((r) => r.from)).toEqual([b.bodies.orgIds[0]]);
  });
});
