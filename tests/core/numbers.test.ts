import { describe, expect, it } from 'vitest';
import { findQuantities, parseVietNumber } from '../../src/core/numbers.ts';

const one = (text: string) => {
  const qs = findQuantities(text);
  expect(qs, text).toHaveLength(1);
  const q = qs[0]!;
  return { value: q.value, unit: q.unit, qualifier: q.qualifier, quote: text.slice(q.start, q.end) };
};

describe('parseVietNumber', () => {
  it('reads dots as thousands and commas as decimals', () => {
    expect(parseVietNumber('49.300')).toBe(49300);
    expect(parseVietNumber('1.234.567')).toBe(1234567);
    expect(parseVietNumber('6,3')).toBe(6.3);
    expect(parseVietNumber('25,125')).toBe(25.125);
    expect(parseVietNumber('3.548,5')).toBe(3548.5);
    expect(parseVietNumber('18.10.2019')).toBeNull();
  });
});

describe('number grammar', () => {
  it.each([
    ['có 49.300 đảng viên', 49300, 'đảng viên', 'EXACT'],
    ['với số tiền 6,3 tỷ đồng', 6_300_000_000, 'VND', 'EXACT'],
    ['được 25,125 tỷ đồng', 25_125_000_000, 'VND', 'EXACT'],
    ['tặng 12 nghìn suất quà', 12_000, 'suất quà', 'EXACT'],
    ['trị giá hơn 130 tỷ đồng', 130_000_000_000, 'VND', 'MORE_THAN'],
    ['vận động gần 100 tỷ đồng', 100_000_000_000, 'VND', 'NEARLY'],
    ['tỷ lệ hộ nghèo dưới 5%', 5, '%', 'LESS_THAN'],
    ['toàn huyện là 3,16%', 3.16, '%', 'EXACT'],
    ['đạt 36 triệu đồng/người', 36_000_000, 'VND', 'EXACT'],
    ['là trên 9.800 tỷ đồng', 9_800_000_000_000, 'VND', 'MORE_THAN'],
    ['là trên 54.000 héc ta đạt kế hoạch', 54_000, 'héc ta', 'MORE_THAN'],
    ['có 100% xã đạt chuẩn', 100, '%', 'EXACT'],
    ['khoảng 2.000 hộ dân', 2_000, 'hộ dân', 'ABOUT'],
    ['xấp xỉ 1,5 nghìn tỷ đồng', 1_500_000_000_000, 'VND', 'ABOUT'],
    ['ước đạt 70 nghìn tấn', 70_000, 'tấn', 'ABOUT'],
    ['hỗ trợ 12.139 học sinh nghèo với số tiền', 12_139, 'học sinh nghèo', 'EXACT'],
    ['cho vay 500 triệu đồng trở lên', 500_000_000, 'VND', 'MORE_THAN'],
  ])('%s', (text, value, unit, qualifier) => {
    const q = one(text);
    expect(q.value).toBeCloseTo(value, 6);
    expect(q.unit).toBe(unit);
    expect(q.qualifier).toBe(qualifier);
  });

  it('keeps the qualifier in the quote', () => {
    expect(one('đã có hơn 41.000 hội viên tham gia').quote).toBe('hơn 41.000 hội viên');
    expect(one('đạt 38 triệu đồng/người.').quote).toBe('38 triệu đồng/người');
  });

  it('counts the numerator of a fraction, and the percentage beside it', () => {
    const qs = findQuantities('Huyện có 23/23 xã (100%) đạt chuẩn');
    expect(qs.map((q) => [q.value, q.unit])).toEqual(expect.arrayContaining([[23, 'xã'], [100, '%']]));
    const inside = findQuantities('Huyện có 16/16 (100%) xã đạt chuẩn');
    expect(inside.map((q) => [q.value, q.unit])).toEqual(expect.arrayContaining([[16, 'xã'], [100, '%']]));
  });

  it('reads both ends of a range with the shared unit', () => {
    const qs = findQuantities('quy mô từ 500 đến 1.200 con');
    expect(qs.map((q) => [q.value, q.unit])).toEqual([[500, 'con'], [1200, 'con']]);
  });

  it('finds the unit after a parenthesis', () => {
    const qs = findQuantities('thực hiện hơn 1.300 (tăng 5% so với năm 2021) công trình thanh niên');
    expect(qs.map((q) => [q.value, q.unit])).toEqual(expect.arrayContaining([[1300, 'công trình thanh niên'], [5, '%']]));
  });

  it('expands counted-noun abbreviations', () => {
    expect(one('kết nạp 21 ĐV mới').unit).toBe('đảng viên mới');
  });

  it.each([
    'trong năm 2020 đã triển khai',
    'vào ngày 18-10 tại hội trường',
    'từ ngày 17-10 đến 18-11-2019',
    'nhiệm kỳ 2015-2020 và nhiệm kỳ 2020 - 2025',
    'lúc 19:57 (GMT+7)',
    'Nghị quyết Trung ương 4 khóa XII',
    'Chỉ thị số 05 của Bộ Chính trị',
    'đại hội lần thứ 4 thành công',
    'bình quân 5 năm qua',
    'các năm 2016, 2017, 2018',
    'phòng chống dịch COVID-19',
    'tháng 8/2025',
  ])('"%s" holds no figure', (text) => {
    expect(findQuantities(text)).toEqual([]);
  });
});
