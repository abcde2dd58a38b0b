// One node per real-world thing across articles: the same body named two ways merges; the same
// name in two provinces does not. Articles are written for this test, in the genre's style.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/pipeline/ingest.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';

const LAO_CAI_EXPLICIT = [
  'Lào Cai tổng kết công tác xây dựng Đảng',
  '',
  'Thứ Hai, 14-12-2020, 08:00',
  'Ban Thường vụ Tỉnh ủy Lào Cai tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2020.',
  'Năm 2020, toàn tỉnh kết nạp 1.950 đảng viên mới.',
].join('\n');

// The body is named without its place; the article is about Lào Cai.
const LAO_CAI_IMPLICIT = [
  'Tỉnh Lào Cai nâng cao chất lượng tổ chức cơ sở đảng',
  '',
  'Thứ Ba, 15-12-2020, 09:00',
  'Những năm qua, Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy ở tỉnh Lào Cai làm tốt công tác phát triển đảng viên.',
].join('\n');

const BAC_NINH = [
  'Bắc Ninh tổng kết công tác xây dựng Đảng',
  '',
  'Thứ Tư, 16-12-2020, 10:00',
  'Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2020.',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh vận động được hơn 20 tỷ đồng ủng hộ Quỹ “Vì người nghèo”.',
].join('\n');

const BAC_NINH_AGAIN = [
  'Bắc Ninh trao nhà đại đoàn kết',
  '',
  'Thứ Năm, 17-12-2020, 10:00',
  'Ủy ban MTTQ tỉnh Bắc Ninh trao 50 nhà đại đoàn kết cho hộ nghèo.',
].join('\n');

interface Row { id: string; name: string; aliases: string[]; articles: number }

describe('entity resolution across articles', () => {
  const db = connectTestGraph();
  let bodies: Row[];

  beforeAll(async () => {
    await resetGraph(db);
    for (const text of [LAO_CAI_EXPLICIT, LAO_CAI_IMPLICIT, BAC_NINH, BAC_NINH_AGAIN]) await ingestText(db, { text });
    bodies = await db.read<Row>(
      `MATCH (e:Organization)
       RETURN e.id AS id, e.name AS name, e.aliases AS aliases, COUNT { (e)<-[:MENTIONS]-(:Article) } AS articles
       ORDER BY id`,
      {},
    );
  });
  afterAll(() => db.close());

  const standingCommittees = () => bodies.filter((b) => b.name.startsWith('Ban Thường vụ Tỉnh ủy'));

  it('merges a body named with and without its place into one node', () => {
    const laoCai = standingCommittees().filter((b) => b.id.endsWith(':lao-cai'));
    expect(laoCai).toHaveLength(1);
    expect(laoCai[0]!.articles).toBe(2);
    expect(laoCai[0]!.aliases).toContain('Ban Thường vụ Tỉnh ủy');
  });

  it('keeps the same body name of two provinces apart', () => {
    const ids = standingCommittees().map((b) => b.id);
    expect(ids).toHaveLength(2);
    expect(ids.some((id) => id.endsWith(':bac-ninh'))).toBe(true);
    expect(ids.some((id) => id.endsWith(':lao-cai'))).toBe(true);
  });

  it('merges surface variants of a body into one node with their aliases', () => {
    const fronts = bodies.filter((b) => b.id.startsWith('org:') && /mttq|mat-tran/.test(b.id));
    expect(fronts, JSON.stringify(fronts)).toHaveLength(1);
    expect(fronts[0]!.articles).toBe(2);
    const forms = [fronts[0]!.name, ...fronts[0]!.aliases];
    expect(forms).toEqual(expect.arrayContaining(['Ủy ban MTTQ tỉnh Bắc Ninh']));
    expect(forms.some((f) => f.includes('Mặt trận Tổ quốc'))).toBe(true);
  });

  it('links the province of both Lào Cai articles to one node', async () => {
    const [row] = await db.read<{ n: number; articles: number }>(
      `MATCH (p:Province {name: 'Lào Cai'}) RETURN count(p) AS n, sum(COUNT { (p)<-[:MENTIONS]-(:Article) }) AS articles`,
      {},
    );
    expect(row).toEqual({ n: 1, articles: 2 });
  });
});
