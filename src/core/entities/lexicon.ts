// Closed word lists of the genre: function words that end a name, level words, Vietnamese
// surnames, and titles (roles) that introduce a person.
import { toneKey } from '../text.ts';

const keys = (words: string) => new Set(words.split(/\s*,\s*/).filter(Boolean).map(toneKey));

/** Function words that never continue a name. */
export const FUNCTION_WORDS = keys(
  'đã, đang, sẽ, được, bị, là, và, hoặc, với, cho, để, tại, ở, trong, ngoài, từ, đến, tới, về, theo, có, không, ' +
    'cũng, vừa, thì, mà, nhằm, này, đó, kia, nay, các, những, của, do, bởi, nhờ, khi, sau, trước, qua, vào, ra, ' +
    'lên, xuống, đều, mỗi, như, nhưng, nên, vẫn, luôn, rất, hơn, trên, dưới, gần, khoảng, so, năm, tháng, ngày, ' +
    'giai, nhiệm, hiện, thuộc, gồm',
);

/** Words that end a counted noun phrase after a number: function words and common verbs. */
export const UNIT_STOP_WORDS = new Set([
  ...FUNCTION_WORDS,
  ...keys(
    'tăng, giảm, còn, đạt, chiếm, vượt, bằng, cùng, tham, hoàn, trị, kết, nạp, phát, thực, nâng, đưa, giúp, ' +
      'góp, hỗ, trợ, xây, dựng, tạo, đóng, ủng, tặng, trao, hưởng, đi, bảo, đảm, tiếp, nhận, chuyển, vay, ' +
      'triển, khai, trở, lần, khác, giữ',
  ),
]);

/** Level words of administrative units, with the level they introduce. */
export const LEVEL_WORDS: ReadonlyArray<{ phrase: string; level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'CITY' }> = [
  { phrase: 'tỉnh', level: 'PROVINCE' },
  { phrase: 'thành phố', level: 'CITY' },
  { phrase: 'tp', level: 'CITY' },
  { phrase: 'huyện', level: 'DISTRICT' },
  { phrase: 'thị xã', level: 'DISTRICT' },
  { phrase: 'quận', level: 'DISTRICT' },
  { phrase: 'xã', level: 'COMMUNE' },
  { phrase: 'phường', level: 'COMMUNE' },
  { phrase: 'thị trấn', level: 'COMMUNE' },
];

export const LEVEL_KEYS = keys('tỉnh, thành, tp, huyện, thị, quận, xã, phường');

/** Common Vietnamese family names (first syllable of a person's name). */
export const SURNAMES = keys(
  'Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Vương, Trịnh, ' +
    'Đinh, Lâm, Phùng, Mai, Tô, Trương, Hà, Lò, Lương, Cao, Đoàn, Lưu, Thái, Tạ, Chu, Quách, Kiều, Đào, ' +
    'Triệu, Mạc, Giàng, Thào, Sùng, Vi, Nông, Hứa, Châu, La, Lục, Doãn, Khổng, Mông, Ma, Đàm, Tăng, Thân, ' +
    'Văn, Lại, Kim, Ninh, Tống, Âu, Diệp, Đậu, Nghiêm, Quan, Giáp, Hầu, Lữ, Từ, Ông, Bạch, Phó, Cù, Lã, Khúc, ' +
    'Trịnh, Tôn, Y, H, Ksor, Rơ, Siu, Nay, Rahlan, Điểu, Thạch, Danh, Sơn, Kha, Vàng, Hờ, Sầm, Hà, ' +
    // northern and central ethnic-minority family names, Khmer and Central Highlands name heads
    'Lộc, Lường, Cầm, Bế, Quàng, Tòng, Đèo, Sình, Vừ, Mùa, Lầu, Hạng, Tẩn, Chảo, Bàn, Sằm, Lăng, Mã, Dư, Trình, Lù, ' +
    'Chau, Néang, Ka, Kpă, Rmah, Niê, Byă, Êban, Mlô, Khương, Tiêu, Ôn, Cổ, Phí, Mẫn, Bành, Biện, Hàn, Nhữ, Thiều, Ung, ' +
    'Viên, Mua, Lò, Sa, Pờ, Alăng, Bhriu, Zơ, Coor, Hồ, Đoàn, Thân, Khúc, Nguyên, Ngọ, Lỗ, Tào, Khổng, Đồng, Ân, Lai',
);

/** Words of address before a name ("đồng chí", "ông", "bà"). */
export const HONORIFIC_WORDS = new Set(['đồng chí', 'đ/c', 'ông', 'bà', 'anh', 'chị', 'cụ']);

export interface TitleEntry {
  role: string;
  leads: boolean;
}

/** Titles that introduce a person's name; `leads` = head of the body named after the title. */
export const TITLES: ReadonlyArray<[string, TitleEntry]> = (
  [
    ['Tổng Bí thư', true], ['Chủ tịch nước', true], ['Phó Chủ tịch nước', false], ['Thủ tướng', true],
    ['Phó Thủ tướng', false], ['Chủ tịch Quốc hội', true], ['Phó Chủ tịch Quốc hội', false],
    ['Bộ trưởng', true], ['Thứ trưởng', false], ['Bí thư', true], ['Phó Bí thư', false],
    ['Phó Bí thư Thường trực', false], ['Chủ tịch', true], ['Phó Chủ tịch', false],
    ['Phó Chủ tịch Thường trực', false], ['Giám đốc', true], ['Phó Giám đốc', false], ['Tổng Giám đốc', true],
    ['Phó Tổng Giám đốc', false], ['Trưởng ban', true], ['Phó Trưởng ban', false], ['Trưởng Ban', true],
    ['Phó Trưởng Ban', false], ['Chánh Văn phòng', true], ['Chủ nhiệm', true], ['Phó Chủ nhiệm', false],
    ['Trưởng phòng', true], ['Phó Trưởng phòng', false], ['Ủy viên', false], ['Ủy viên Ban Thường vụ', false],
    ['Tỉnh ủy viên', false], ['Đại biểu Quốc hội', false], ['Trưởng Đoàn đại biểu Quốc hội', true],
    ['Tư lệnh', true], ['Chính ủy', true], ['Chỉ huy trưởng', true], ['Hiệu trưởng', true], ['Viện trưởng', true],
    ['Chánh án', true], ['Tổng Biên tập', true], ['Đại tướng', false], ['Thượng tướng', false],
    ['Trung tướng', false], ['Thiếu tướng', false], ['Đại tá', false], ['Thượng tá', false], ['Trung tá', false],
    ['Thiếu tá', false], ['Đại úy', false], ['Thượng úy', false], ['Trung úy', false], ['Thiếu úy', false],
    ['Phó Ban', false], ['Phó Chánh án', false], ['Phó Viện trưởng', false], ['Phó Chỉ huy trưởng', false],
    ['Chính trị viên', false], ['Phó Chính trị viên', false], ['Phó Chánh Văn phòng', false], ['Chánh Thanh tra', true],
    ['Phó Chánh Thanh tra', false], ['Ủy viên Thường vụ', false], ['Ủy viên Ban Chấp hành', false], ['Ủy viên BTV', false],
    ['Ủy viên Ban Thường vụ', false], ['Ủy viên Ủy ban Kiểm tra', false], ['Thành ủy viên', false], ['Huyện ủy viên', false],
    ['Đảng ủy viên', false], ['Quận ủy viên', false], ['Thị ủy viên', false],
    ['Phó Giám đốc Thường trực', false], ['Phó Trưởng ban Thường trực', false], ['Phó Trưởng Ban Thường trực', false],
    ['Trưởng thôn', true], ['Trưởng ấp', true], ['Trưởng bản', true], ['Thẩm phán', false], ['Kiểm sát viên', false],
    ['Chủ tịch Hội đồng quản trị', true], ['Chủ tịch HĐQT', true], 
    ['Phó chủ tịch Thường trực', false], ['Thư ký', false], ['Đại biểu HĐND', false], ['Trưởng Công an', true],
    ['Phó Trưởng Công an', false], ['Giám đốc Công an', true], ['Phó Giám đốc Công an', false], ['Phó Tư lệnh', false],
    ['Phó Chính ủy', false], ['Phó Hiệu trưởng', false], ['Phó Tổng Biên tập', false], ['PCT', false], ['PBT', false],
    ['UVBTV', false], ['Tham mưu trưởng', false], ['Phó Tham mưu trưởng', false], ['Chủ nhiệm Chính trị', false],
    ['đồng chí', false], ['ông', false], ['bà', false], ['anh', false], ['chị', false], ['cụ', false],
  ] as Array<[string, boolean]>
).map(([role, leads]) => [role, { role, leads }]);
