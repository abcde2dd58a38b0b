// What a figure measures, per what, and whether it is a change: sentences of the genre, taken from
// the annotated articles (shared/eval/dev, tests/fixtures/eval/train), each in a minimal article.
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import { figureId, idKind, type FigureKey } from '../../src/core/ids.ts';
import { FIGURE_CHANGES, FIGURE_MEASURES } from '../../src/core/measure.ts';
import { REPO_ROOT } from '../support/fixtures.ts';

/** The figures of one sentence, as [value, unit, measure, per, change]. */
function read(sentence: string): Array<[number, string, string, string | null, string]> {
  const text = ['Tin tổng hợp', '', 'Thứ Hai, 01-03-2021, 09:00', '', sentence].join('\n');
  return extractArticle(text).figures.map((f) => [f.value, f.unit, f.measure, f.per, f.change]);
}
const measures = (sentence: string) => read(sentence).map(([value, , measure]) => [value, measure]);

describe('measure', () => {
  it('reads what money measures from the verb or noun phrase that governs it', () => {
    expect(
      measures(
        'Ủy ban MTTQ tỉnh phối hợp chặt chẽ với chính quyền và các ban, ngành, đoàn thể vận động được gần 100 tỷ đồng; hỗ trợ xây dựng mới 2.411 nhà đại đoàn kết trị giá hơn 130 tỷ đồng; tặng hơn 12 nghìn suất quà trị giá hơn 12 tỷ đồng, hỗ trợ 12.139 học sinh nghèo với số tiền 6,3 tỷ đồng.',
      ),
    ).toEqual([
      [100e9, 'RAISED'],
      [2411, 'BUILT'],
      [130e9, 'BUILT'],
      [12_000, 'DONATED'],
      [12e9, 'DONATED'],
      [12_139, 'BENEFICIARIES'],
      [6.3e9, 'DONATED'],
    ]);
  });

  it('tells a lender\'s capital, its loans and its outstanding loans apart', () => {
    expect(measures('Đến hết tháng 9.2021, tổng nguồn vốn của chi nhánh NHCSXH tỉnh Hà Giang đạt hơn 3.579 tỉ đồng.')).toEqual([[3_579e9, 'CAPITAL']]);
    expect(measures('Doanh số cho vay đạt trên 9.600 tỉ đồng với trên 483.000 lượt hộ vay vốn.')).toEqual([
      [9_600e9, 'LENT'],
      [483_000, 'BENEFICIARIES'],
    ]);
    expect(
      read('Tổng dư nợ 17 chương trình tín dụng chính sách đạt hơn 3.569 tỉ đồng, với 85.579 khách hàng còn dư nợ, tăng trên 3.478 tỉ đồng so với năm 2003.').map(
        ([value, , measure, , change]) => [value, measure, change],
      ),
    ).toEqual([
      [17, 'OTHER', 'LEVEL'],
      [3_569e9, 'OUTSTANDING', 'LEVEL'],
      [85_579, 'BENEFICIARIES', 'LEVEL'],
      [3_478e9, 'OUTSTANDING', 'INCREASE'],
    ]);
  });

  it('reads members admitted, a membership level, and a breakdown of the admitted', () => {
    expect(
      measures(
        '6 tháng đầu năm, toàn tỉnh kết nạp được 603 đảng viên mới, trong đó: đảng viên nữ là 359 đồng chí, đảng viên người dân tộc ít người 14 đồng chí, đưa tổng số đảng viên trong toàn Đảng bộ đạt 74.108 đảng viên.',
      ),
    ).toEqual([
      [603, 'ADMITTED'],
      [359, 'ADMITTED'],
      [14, 'ADMITTED'],
      [74_108, 'MEMBERS'],
    ]);
    expect(read('Nhiệm kỳ 2015-2020, trung bình mỗi năm Lào Cai phát triển 2.800 đảng viên.')).toEqual([[2800, 'đảng viên', 'ADMITTED', 'năm', 'LEVEL']]);
  });

  it('counts party bodies as organizations', () => {
    expect(
      measures(
        'Nâng tổng số ĐV của tỉnh lên 20.952 đồng chí, sinh hoạt tại 434 tổ chức cơ sở đảng (trong đó: 149 đảng bộ cơ sở, với 1.251 chi bộ trực thuộc và 285 chi bộ cơ sở).',
      ),
    ).toEqual([
      [20_952, 'MEMBERS'],
      [434, 'ORGANIZATIONS'],
      [149, 'ORGANIZATIONS'],
      [1_251, 'ORGANIZATIONS'],
      [285, 'ORGANIZATIONS'],
    ]);
  });

  it('reads the predicate after the counted noun', () => {
    expect(measures('Chiến dịch Thanh niên tình nguyện hè 2022 đã huy động gần 1,9 triệu đoàn viên, thanh niên tham gia.')).toEqual([[1.9e6, 'PARTICIPANTS']]);
    expect(measures('Theo đó, đợt này, 2 xã được công nhận đạt chuẩn nông thôn mới.')).toEqual([[2, 'RECOGNISED']]);
    expect(measures('Toàn tỉnh có trên 279 nghìn lượt hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được vay vốn.')).toEqual([[279_000, 'BENEFICIARIES']]);
    expect(measures('Gần 27 nghìn lao động được tạo việc làm; 4.131 căn nhà ở cho hộ nghèo được xây mới.')).toEqual([
      [27_000, 'BENEFICIARIES'],
      [4_131, 'BUILT'],
    ]);
  });

  it('reads houses built and repaired, gifts, and who received them', () => {
    expect(measures('Quỹ “Vì người nghèo” đã hỗ trợ cất mới 374 căn nhà đại đoàn kết, sữa chữa 33 căn nhà, hỗ trợ 70 suất học bổng cho học sinh khó khăn.')).toEqual([
      [374, 'BUILT'],
      [33, 'REPAIRED'],
      [70, 'DONATED'],
    ]);
    expect(measures('Đến nay, toàn tỉnh đã trợ giúp cho 5.552/5.716 địa chỉ nhân đạo với số tiền trên 101 tỷ đồng.')).toEqual([
      [5_552, 'BENEFICIARIES'],
      [101e9, 'DONATED'],
    ]);
    expect(measures('Trong 6 tháng đầu năm, toàn hội giảm được 178 hộ CCB nghèo, 77 hộ CCB cận nghèo.')).toEqual([
      [178, 'ESCAPED_POVERTY'],
      [77, 'ESCAPED_POVERTY'],
    ]);
  });

  it('reads shares, targets and income', () => {
    expect(measures('Trong đó, nguồn vốn cân đối từ Trung ương chiếm 78,28%/tổng nguồn vốn.')).toEqual([[78.28, 'SHARE']]);
    expect(measures('Toàn huyện 15 trường đạt chuẩn Quốc gia đạt 220% so với NQ.')).toEqual([
      [15, 'RECOGNISED'],
      [220, 'TARGET_PROGRESS'],
    ]);
    expect(read('Tỷ lệ hộ nghèo từ 15% vào năm 2015 nay giảm còn 6,11%.').map(([v, , m, , c]) => [v, m, c])).toEqual([
      [15, 'SHARE', 'LEVEL'],
      [6.11, 'SHARE', 'LEVEL'],
    ]);
  });

  it('keeps the governing words of a figure of no known measure', () => {
    const text = ['Tin tổng hợp', '', 'Thứ Hai, 01-03-2021, 09:00', '', 'Tổng sản phẩm xã hội là trên 9.800 tỷ đồng.'].join('\n');
    const [figure] = extractArticle(text).figures;
    expect(figure).toMatchObject({ measure: 'OTHER', measurePhrase: 'Tổng sản phẩm xã hội là' });
  });
});

describe('per', () => {
  it('reads rates from a slash, "mỗi" and "đầu người", and a change of a rate is a rate', () => {
    expect(
      read('Thu nhập bình quân đầu người khu vực nông thôn của huyện năm 2017 đạt 36 triệu đồng/người (tăng 18,5 triệu đồng so với năm 2010).'),
    ).toEqual([
      [36e6, 'VND', 'INCOME', 'người', 'LEVEL'],
      [18.5e6, 'VND', 'INCOME', 'người', 'INCREASE'],
    ]);
    expect(read('Thu nhập bình quân đầu người đạt trên 45 triệu đồng/1 năm.')).toEqual([[45e6, 'VND', 'INCOME', 'người/năm', 'LEVEL']]);
    expect(read('Hội LHPN huyện đã sử dụng nguồn quỹ “Mái ấm tình thương” hỗ trợ mỗi hội viên 30 triệu đồng để xây nhà.')).toEqual([
      [30e6, 'VND', 'DONATED', 'hội viên', 'LEVEL'],
    ]);
  });

  it('leaves amounts, and "mỗi khi", without a per', () => {
    expect(read('Doanh số cho vay đạt trên 9.600 tỉ đồng.')[0]![3]).toBeNull();
    expect(read('Mỗi khi tết đến, Hội tặng được 251.757 suất quà tết cho hộ nghèo.')[0]![3]).toBeNull();
  });
});

describe('change', () => {
  it('reads increases, decreases and levels', () => {
    expect(read('Toàn tỉnh hiện có hơn 49.300 đảng viên, tăng 9.428 đảng viên so với năm 2016.')).toEqual([
      [49_300, 'đảng viên', 'MEMBERS', null, 'LEVEL'],
      [9_428, 'đảng viên', 'MEMBERS', null, 'INCREASE'],
    ]);
    expect(read('Nhân dân trong tỉnh ủng hộ Quỹ “Vì người nghèo” được 25,125 tỷ đồng (tăng 5,02% so với năm 2018).')).toEqual([
      [25.125e9, 'VND', 'RAISED', null, 'LEVEL'],
      [5.02, '%', 'RAISED', null, 'INCREASE'],
    ]);
    expect(read('Tỷ lệ hộ nghèo toàn tỉnh giảm 1,2% so với năm 2019.').map(([, , m, , c]) => [m, c])).toEqual([['SHARE', 'DECREASE']]);
  });
});

describe('one fact, one figure', () => {
  it('merges a title repeating a body figure into one figure whose primary mention is the body', () => {
    const text = [
      'Kết nạp 288 đảng viên mới',
      '',
      'Thứ Hai, 01-08-2022, 09:00',
      '',
      'Theo báo cáo của Ban Tổ chức Tỉnh ủy Ninh Thuận, các đảng bộ trực thuộc Tỉnh ủy kết nạp được 288 đảng viên mới, đạt 35,34% chỉ tiêu.',
    ].join('\n');
    const x = extractArticle(text);
    const figures = x.figures.filter((f) => f.value === 288);
    expect(figures).toHaveLength(1);
    const [f] = figures;
    expect(f!.mentions.map((m) => x.article.text.slice(m.start, m.end))).toEqual(['288 đảng viên mới', '288 đảng viên mới']);
    expect(x.sentences[f!.sentenceIndex]!.start).toBeGreaterThanOrEqual(x.article.text.indexOf('Theo báo cáo'));
    expect(f!.mentions.some((m) => m.start === f!.start && m.end === f!.end)).toBe(true);
  });

  it('keeps two equal values of different things apart', () => {
    const text = [
      'Tin tổng hợp',
      '',
      'Thứ Hai, 01-03-2021, 09:00',
      '',
      'Tỷ lệ gia đình đạt chuẩn văn hóa là 90%. Tỷ lệ thôn, tổ dân phố đạt chuẩn văn hóa 90%.',
    ].join('\n');
    const nineties = extractArticle(text).figures.filter((f) => f.value === 90);
    expect(nineties).toHaveLength(2);
    expect(nineties[0]!.id).not.toBe(nineties[1]!.id);
  });
});

describe('figure ids', () => {
  const fact: FigureKey = {
    subjectIds: ['org:tinh-uy:lao-cai', 'province:lao-cai'],
    measure: 'ADMITTED',
    measurePhrase: 'kết nạp',
    value: 2800,
    unit: 'đảng viên',
    qualifier: 'EXACT',
    period: '2020',
    per: null,
    change: 'LEVEL',
  };

  it('derive from the fact: subjects as a set, measure, value, unit, qualifier, period, per, change', () => {
    expect(figureId(fact)).toMatch(/^figure:[0-9a-f]{16}$/);
    expect(idKind(figureId(fact))).toBe('figure');
    expect(figureId({ ...fact, subjectIds: [...fact.subjectIds].reverse(), measurePhrase: 'kết nạp được' })).toBe(figureId(fact));
    for (const other of [{ measure: 'MEMBERS' }, { per: 'năm' }, { change: 'INCREASE' }, { period: '2021' }, { value: 2801 }] as const) {
      expect(figureId({ ...fact, ...other })).not.toBe(figureId(fact));
    }
  });

  it('count the measure phrase only where the measure does not say what is counted', () => {
    const other = { ...fact, measure: 'OTHER' } as const;
    expect(figureId({ ...other, measurePhrase: 'có' })).not.toBe(figureId({ ...other, measurePhrase: 'duy trì được' }));
    expect(figureId({ ...other, measurePhrase: 'Có' })).toBe(figureId({ ...other, measurePhrase: 'có' }));
  });
});

describe('the vocabulary', () => {
  it('is the GraphQL enums FigureMeasure and FigureChange', () => {
    const schema = buildSchema(readFileSync(`${REPO_ROOT}/schema.graphql`, 'utf8'));
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues();
    expect(values('FigureMeasure').map((v) => v.name)).toEqual([...FIGURE_MEASURES]);
    expect(values('FigureChange').map((v) => v.name)).toEqual([...FIGURE_CHANGES]);
    for (const v of [...values('FigureMeasure'), ...values('FigureChange')]) expect(v.description, v.name).toBeTruthy();
  });
});
