import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import { slug } from '../../src/core/text.ts';
import {
  evidenceKey,
  figureMentionId,
  parseFigureMentionId,
  parseMentionId,
  parseSentenceId,
  idKind,
  mentionId,
  parseEvidenceId,
  parseEvidenceKey,
  parseRelationId,
  relationId,
  sentenceId,
} from '../../src/core/ids.ts';

const A = [
  'Ninh Bình đẩy mạnh cuộc vận động',
  '',
  'Thứ Hai, 01-03-2021, 09:00',
  '',
  'Năm 2020, Ủy ban MTTQ tỉnh Ninh Bình vận động Quỹ “Đền ơn đáp nghĩa” được 15 tỷ đồng. Ban Thường vụ Tỉnh ủy chỉ đạo các cấp thực hiện tốt cuộc vận động.',
].join('\n');
const B = [
  'Hai tỉnh tổng kết công tác Mặt trận',
  '',
  'Thứ Ba, 02-03-2021, 10:00',
  '',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Bình ủng hộ Quỹ "Đền ơn đáp nghĩa" hơn 2 tỷ đồng.',
  ' ★ Tại Thái Bình, Ủy ban MTTQ các cấp tỉnh Thái Bình tổ chức trao 300 suất quà.',
].join('\n');

describe('ids', () => {
  it('gives the same real thing the same id in two articles', () => {
    const a = extractArticle(A).entities.map((e) => e.id);
    const b = extractArticle(B).entities.map((e) => e.id);
    for (const id of ['province:ninh-binh', 'org:uy-ban-mttq:ninh-binh', 'campaign:den-on-dap-nghia']) {
      expect(a, id).toContain(id);
      expect(b, id).toContain(id);
    }
  });

  it('gives the same body name in two provinces two ids', () => {
    const b = extractArticle(B).entities.map((e) => e.id);
    expect(b).toContain('org:uy-ban-mttq:ninh-binh');
    expect(b).toContain('org:uy-ban-mttq:thai-binh');
  });

  it('attaches a body named without its place to the province of its report', () => {
    const ids = extractArticle(A).entities.map((e) => e.id);
    expect(ids).toContain('org:ban-thuong-vu-tinh-uy:ninh-binh');
  });

  it('folds diacritics and đ in slugs', () => {
    expect(slug('Đắk Lắk')).toBe('dak-lak');
    expect(slug('Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(slug('Thừa Thiên Huế')).toBe('thua-thien-hue');
  });

  it('derives the article id from the NFC text, or from the url when given', () => {
    const text = A.normalize('NFC');
    const hex = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
    expect(extractArticle(A).article.id).toBe(`article:${hex}`);
    expect(extractArticle(A.normalize('NFD')).article.id).toBe(`article:${hex}`);
    const url = 'https://example.vn/bai-viet-1';
    const uhex = createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 16);
    expect(extractArticle(A, { url }).article.id).toBe(`article:${uhex}`);
  });

  it('builds and parses every id in one module, and tells the kinds apart', () => {
    const article = extractArticle(A).article.id;
    const relation = relationId('RUNS', 'org:uy-ban-mttq:ninh-binh', 'campaign:den-on-dap-nghia');
    expect(relation).toBe('org:uy-ban-mttq:ninh-binh-[RUNS]->campaign:den-on-dap-nghia');
    expect(parseRelationId(relation)).toEqual({ fromId: 'org:uy-ban-mttq:ninh-binh', type: 'RUNS', toId: 'campaign:den-on-dap-nghia' });
    const sentence = sentenceId(article, 2);
    const evidence = `${relation}#${evidenceKey(sentence, 10, 20)}`;
    expect(parseEvidenceId(evidence)).toEqual({ relationId: relation, key: `${sentence}|10|20` });
    expect(parseEvidenceKey(relation, `${sentence}|10|20`)).toEqual({ id: evidence, articleId: article, sentenceId: sentence, start: 10, end: 20 });
    // A key vnkg did not write is no span: no sentence, offsets that are not numbers, a part too many or too few.
    for (const bad of [`${article}|10|20`, `${sentence}|10`, `${sentence}|10|x`, `${sentence}|-1|20`, `${sentence}|10|20|30`, `${sentence}||20`, ':s1|1|2', ''])
      expect(parseEvidenceKey(relation, bad), bad).toBeNull();
    const kinds = [
      [article, 'article'],
      [sentence, 'sentence'],
      [mentionId(article, 3, 9, 'province:ninh-binh'), 'mention'],
      [figureMentionId(article, 3, 9), 'figureMention'],
      [extractArticle(A).figures[0]!.id, 'figure'],
      [relation, 'relation'],
      [evidence, 'evidence'],
      ['province:ninh-binh', 'entity'],
    ];
    for (const [id, kind] of kinds) expect(idKind(id!), id).toBe(kind);
    // Provenance ids name what the graph stores (an article and offsets), so they read back.
    expect(parseSentenceId(sentence)).toEqual({ articleId: article, index: 2 });
    expect(parseMentionId(mentionId(article, 3, 9, 'org:uy-ban-mttq:ninh-binh'))).toEqual({ articleId: article, start: 3, end: 9, entityId: 'org:uy-ban-mttq:ninh-binh' });
    expect(parseFigureMentionId(figureMentionId(article, 3, 9))).toEqual({ articleId: article, start: 3, end: 9 });
    for (const notOne of ['province:ninh-binh', `${article}:s`, `${article}:m3-9`, `${article}:f3-x`, relation]) {
      expect([parseSentenceId(notOne), parseMentionId(notOne), parseFigureMentionId(notOne)], notOne).toEqual([null, null, null]);
    }
    for (const r of extractArticle(B).relations) expect(r.id).toBe(relationId(r.type, r.from, r.to));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(extractArticle(B))).toBe(JSON.stringify(extractArticle(B)));
  });
});
