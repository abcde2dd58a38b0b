import { describe, expect, it } from 'vitest';
import { parseDateLine, parseLayout } from '../../src/core/layout.ts';
import { extractArticle } from '../../src/core/extract.ts';

const ARTICLE = [
  'Hà Giang tăng cường phát triển đảng viên',
  '',
  'Thứ Hai, 05-04-2021, 08:15',
  'Cán bộ xã kiểm tra mô hình trồng cam. Ảnh: MINH ĐỨC',
  '',
  'Năm 2020, Ban Thường vụ Tỉnh ủy Hà Giang chỉ đạo kết nạp 1.200 đảng viên.',
  ' ★ Những năm qua, Ủy ban MTTQ tỉnh Sơn La vận động được 20 tỷ đồng.',
  'Văn An',
].join('\n');

describe('layout', () => {
  it('parses date lines in the genre’s formats', () => {
    expect(parseDateLine('Thứ Năm, 03-06-2021, 14:05')).toBe('2021-06-03T14:05:00+07:00');
    expect(parseDateLine('Chủ nhật, 09/02/2020, 06:40 (GMT+7)')).toBe('2020-02-09T06:40:00+07:00');
    expect(parseDateLine('Cập nhật: 21:10, 27/12/2018 (GMT+7)')).toBe('2018-12-27T21:10:00+07:00');
    expect(parseDateLine('14-07-2022, 10:30')).toBe('2022-07-14T10:30:00+07:00');
    expect(parseDateLine('không có ngày')).toBeNull();
  });

  it('finds title, date, caption credit, ★ sections and byline', () => {
    const l = parseLayout(ARTICLE);
    expect(ARTICLE.slice(l.title!.start, l.title!.end)).toBe('Hà Giang tăng cường phát triển đảng viên');
    expect(l.publishedAt).toBe('2021-04-05T08:15:00+07:00');
    expect(l.credits.map((c) => ARTICLE.slice(c.start, c.end))).toEqual(['MINH ĐỨC']);
    expect(l.sectionStarts).toHaveLength(1);
    expect(l.blocks.map((b) => b.role)).toEqual(['title', 'date', 'caption', 'body', 'body', 'byline']);
  });

  it('gives sentences their ★ section and people their role', () => {
    const x = extractArticle(ARTICLE);
    expect(x.article.title).toBe('Hà Giang tăng cường phát triển đảng viên');
    expect(x.article.publishedAt).toBe('2021-04-05T08:15:00+07:00');
    const last = x.sentences.find((s) => s.text.includes('Sơn La'))!;
    expect(last.section).toBe(1);
    const credit = x.entities.find((e) => e.id === 'person:minh-duc')!;
    expect(credit).toMatchObject({ type: 'Person', subtype: 'photographer', name: 'Minh Đức', aliases: ['MINH ĐỨC'] });
    expect(x.entities.find((e) => e.id === 'person:van-an')?.subtype).toBe('reporter');
  });

  it('lets meta override title and date', () => {
    const x = extractArticle(ARTICLE, { title: 'Khác', publishedAt: '2021-01-01T00:00:00+07:00' });
    expect(x.article.title).toBe('Khác');
    expect(x.article.publishedAt).toBe('2021-01-01T00:00:00+07:00');
  });

  it('reads a byline opened by "Thực hiện:" and takes its name as the reporter', () => {
    const text = 'Thực hiện tốt công tác xét xử\n\nTòa án nhân dân huyện Định Hóa xét xử 31 vụ.\n\nThực hiện: Dương Chiêm';
    expect(parseLayout(text).blocks.map((b) => b.role)).toEqual(['title', 'body', 'byline']);
    const reporter = extractArticle(text).entities.find((e) => e.type === 'Person');
    expect(reporter).toMatchObject({ name: 'Dương Chiêm', subtype: 'reporter' });
  });
});
