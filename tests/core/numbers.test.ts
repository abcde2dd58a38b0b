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
    ['hỗ trợ 3.517 học sinh nghèo với số tiền', 3_517, 'học sinh nghèo', 'EXACT'],
    ['cho vay 500 triệu đồng trở lên', 500_000_000, 'VND', 'MORE_THAN'],
  ])('%s', (text, value, unit, qualifier) => {
    const q = one(text);
    expect(q.value).toBeCloseTo(value, 6);
    expect(q.unit).toBe(unit);
    expect(q.qualifier).toBe(qualifier);
  });

  it('keeps the qualifier in the quote', () => {
    expect(one('đã có hơn 27.600 hội viên tham gia').quote).toBe('hơn 27.600 hội viên');
    expect(one('đạt 42 triệu đồng/người.').quote).toBe('42 triệu đồng/người');
  });

  it('counts the numerator of a fraction, and the percentage beside it', () => {
    const qs = findQuantities('Huyện có 23/23 xã (100%) đạt chuẩn');
    expect(qs.map((q) => [q.value, q.unit])).toEqual(expect.arrayContaining([[23, 'xã'], [100, '%']]));
    const inside = findQuantities('Thị xã có 12/12 (100%) phường đạt chuẩn');
    expect(inside.map((q) => [q.value, q.unit])).toEqual(expect.arrayContaining([[12, 'phường'], [100, '%']]));
  });

  it('reads both ends of a range with the shared unit', () => {
    const qs = findQuantities('đàn bò từ 300 đến 2.500 con');
    expect(qs.map((q) => [q.value, q.unit])).toEqual([[300, 'con'], [2500, 'con']]);
  });

  it('finds the unit after a parenthesis', () => {
    const qs = findQuantities('sửa chữa hơn 1.300 (tăng 5% so với năm trước) cây cầu nông thôn');
    expect(qs.map((q) => [q.value, q.unit])).toEqual(expect.arrayContaining([[1300, 'cây cầu nông thôn'], [5, '%']]));
  });

  it('expands counted-noun abbreviations', () => {
    expect(one('kết nạp 17 ĐV mới').unit).toBe('đảng viên mới');
  });

  it.each([
    'trong năm 2020 đã triển khai',
    'vào ngày 18-10 tại hội trường',
    'từ ngày 5-9 đến 20-9-2021',
    'nhiệm kỳ 2015-2020 và nhiệm kỳ 2020 - 2025',
    'lúc 08:15 (GMT+7)',
    'Nghị quyết Trung ương 7 khóa XIII',
    'Chỉ thị số 12 của Ban Bí thư',
    'đại hội lần thứ 6 thành công',
    'bình quân 5 năm qua',
    'các năm 2019, 2020, 2021',
    'phòng chống dịch COVID-19',
    'tháng 6/2024',
  ])('"%s" holds no figure', (text) => {
    expect(findQuantities(text)).toEqual([]);
  });

  it('counts after "tổng số" but not after a bare "số"', () => {
    expect(one('đã có tổng số 9.825 căn hoàn thành')).toMatchObject({ value: 9825, unit: 'căn' });
    expect(findQuantities('nhà số 5 đường Lê Lợi')).toEqual([]);
  });

  it('reads the counted people of court news and stops a counted noun at a verb', () => {
    expect(findQuantities('28 vụ với 48 bị can').map((q) => `${q.value} ${q.unit}`)).toEqual(['28 vụ', '48 bị can']);
    expect(one('4 đồng chí giữ chức Phó Chủ tịch').unit).toBe('đồng chí');
  });

  it('reads a unit of measure glued to its number, not a code', () => {
    expect(findQuantities('diện tích sửa chữa 70m2 và kênh dài 5km').map((q) => `${q.value} ${q.unit}`)).toEqual(['70 m2', '5 km']);
    expect(findQuantities('ca bệnh F0 và số 19A')).toEqual([]);
  });

  it('counts the member noun a clause opens with when its count ends the clause', () => {
    expect(findQuantities('Số hội viên là Đảng viên có 213, hội viên dưới 60 tuổi có 126.').map((q) => `${q.value} ${q.unit}`)).toEqual([
      '213 hội viên',
      '126 hội viên',
    ]);
  });

  it('reads a qualifier typed without its space, and skips the sides of an area and the levels of a government', () => {
    expect(one('còn khoảng150 hộ nghèo')).toMatchObject({ value: 150, unit: 'hộ nghèo', qualifier: 'ABOUT' });
    expect(findQuantities('diện tích 32 m2 (4 m x 8m), chính quyền địa phương 2 cấp').map((q) => `${q.value} ${q.unit}`)).toEqual(['32 m2']);
  });
});
