// Genre-level geographic data: the 63 provinces and centrally-run cities of Vietnam as they
// were before 1 July 2025 (articles of the genre speak of these units), with common variant
// spellings, and the customary regions. Matching folds diacritics, so tone-placement variants
// (Hòa/Hoà) and Đắk/Đăk/Đak need no separate entry; only spellings that differ in letters do.

export interface ProvinceEntry {
  /** Official short name, e.g. "Lào Cai", "Hồ Chí Minh". */
  name: string;
  /** Centrally-run city (thành phố trực thuộc trung ương). */
  city: boolean;
  /** Other spellings that name the unit without a level word. */
  aliases: string[];
  /** Spellings valid only after "thành phố"/"TP" (e.g. "Hồ Chí Minh" alone is the person). */
  cityOnly?: string[];
}

const P = (name: string, ...aliases: string[]): ProvinceEntry => ({ name, city: false, aliases });
const C = (name: string, aliases: string[] = [], cityOnly: string[] = []): ProvinceEntry => ({
  name,
  city: true,
  aliases,
  cityOnly,
});

export const PROVINCES: readonly ProvinceEntry[] = [
  C('Hà Nội'),
  C('Hồ Chí Minh', ['TP.HCM', 'TPHCM', 'TP HCM', 'TP. HCM', 'Sài Gòn'], ['Hồ Chí Minh', 'HCM']),
  C('Hải Phòng'),
  C('Đà Nẵng'),
  C('Cần Thơ'),
  P('An Giang'),
  P('Bà Rịa - Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Bà Rịa – Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BR-VT'),
  P('Bắc Giang'),
  P('Bắc Kạn', 'Bắc Cạn'),
  P('Bạc Liêu'),
  P('Bắc Ninh'),
  P('Bến Tre'),
  P('Bình Định'),
  P('Bình Dương'),
  P('Bình Phước'),
  P('Bình Thuận'),
  P('Cà Mau'),
  P('Cao Bằng'),
  P('Đắk Lắk', 'Đắc Lắc', 'Đắk Lăk', 'Đăk Lăk', 'Daklak', 'Đaklak'),
  P('Đắk Nông', 'Đắc Nông', 'Daknong'),
  P('Điện Biên'),
  P('Đồng Nai'),
  P('Đồng Tháp'),
  P('Gia Lai'),
  P('Hà Giang'),
  P('Hà Nam'),
  P('Hà Tĩnh'),
  P('Hải Dương'),
  P('Hậu Giang'),
  P('Hòa Bình'),
  P('Hưng Yên'),
  P('Khánh Hòa'),
  P('Kiên Giang'),
  P('Kon Tum', 'Kontum'),
  P('Lai Châu'),
  P('Lâm Đồng'),
  P('Lạng Sơn'),
  P('Lào Cai'),
  P('Long An'),
  P('Nam Định'),
  P('Nghệ An'),
  P('Ninh Bình'),
  P('Ninh Thuận'),
  P('Phú Thọ'),
  P('Phú Yên'),
  P('Quảng Bình'),
  P('Quảng Nam'),
  P('Quảng Ngãi'),
  P('Quảng Ninh'),
  P('Quảng Trị'),
  P('Sóc Trăng'),
  P('Sơn La'),
  P('Tây Ninh'),
  P('Thái Bình'),
  P('Thái Nguyên'),
  P('Thanh Hóa'),
  P('Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Thừa Thiên-Huế', 'TT-Huế'),
  P('Tiền Giang'),
  P('Trà Vinh'),
  P('Tuyên Quang'),
  P('Vĩnh Long'),
  P('Vĩnh Phúc'),
  P('Yên Bái'),
];

export interface RegionEntry {
  name: string;
  aliases: string[];
}

/** Customary regions; the first word's case is free ("miền trung" = "miền Trung"). */
export const REGIONS: readonly RegionEntry[] = [
  { name: 'miền Bắc', aliases: [] },
  { name: 'miền Trung', aliases: ['Duyên hải miền Trung'] },
  { name: 'miền Nam', aliases: [] },
  { name: 'miền núi phía Bắc', aliases: ['Trung du và miền núi phía Bắc', 'Trung du miền núi phía Bắc'] },
  { name: 'Tây Bắc', aliases: ['Tây Bắc Bộ'] },
  { name: 'Đông Bắc', aliases: ['Đông Bắc Bộ'] },
  { name: 'Việt Bắc', aliases: [] },
  { name: 'Tây Nguyên', aliases: [] },
  { name: 'Đồng bằng sông Cửu Long', aliases: ['ĐBSCL', 'Tây Nam Bộ', 'miền Tây Nam Bộ'] },
  { name: 'Đồng bằng sông Hồng', aliases: ['ĐBSH'] },
  { name: 'Đông Nam Bộ', aliases: [] },
  { name: 'Bắc Trung Bộ', aliases: [] },
  { name: 'Nam Trung Bộ', aliases: ['Duyên hải Nam Trung Bộ'] },
];
