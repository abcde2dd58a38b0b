// Genre rules on short made-up reports (none taken from the evaluation articles).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';

const ids = (text: string) => extractArticle(text).entities.map((e) => e.id);
const entity = (text: string, id: string) => extractArticle(text).entities.find((e) => e.id === id);
const rel = (text: string) => extractArticle(text).relations.map((r) => `${r.type} ${r.from} -> ${r.to}`);

describe('administrative units', () => {
  it('reads level words, bare province names, variant spellings and regions', () => {
    const t = 'Tin địa phương\n\nNăm nay, huyện Krông Nô và thị xã Gia Nghĩa của tỉnh Đăk Nông hỗ trợ đồng bào các tỉnh miền trung và Tây Nguyên. Khánh Hoà cũng tham gia.';
    const got = ids(t);
    expect(got).toEqual(expect.arrayContaining(['province:dak-nong', 'province:khanh-hoa', 'region:mien-trung', 'region:tay-nguyen']));
    expect(entity(t, 'province:dak-nong')?.name).toBe('Đắk Nông');
    expect(got.some((id) => id.startsWith('district:') && id.endsWith(':krong-no'))).toBe(true);
  });

  it('reads (District, Province) after a name', () => {
    const t = 'Tin\n\nCông nhân Nhà máy Gạch men Thạch Bàn (Gia Lâm, Hà Nội) kiểm tra sản phẩm.';
    expect(ids(t)).toEqual(expect.arrayContaining(['district:ha-noi:gia-lam', 'province:ha-noi', 'org:nha-may-gach-men-thach-ban']));
    expect(rel(t)).toEqual(expect.arrayContaining(['PART_OF district:ha-noi:gia-lam -> province:ha-noi', 'LOCATED_IN org:nha-may-gach-men-thach-ban -> district:ha-noi:gia-lam']));
  });

  it('attaches communes listed after a district to it', () => {
    const t = 'Tin\n\nHuyện Đô Lương (Nghệ An) có 30/30 xã đạt chuẩn. Năm nay, các xã Lam Sơn, Bồi Sơn, Giang Sơn Đông đều có 100% hộ dùng điện.';
    const r = rel(t);
    expect(r).toContain('PART_OF district:nghe-an:do-luong -> province:nghe-an');
    expect(r).toContain('PART_OF commune:nghe-an:do-luong:boi-son -> district:nghe-an:do-luong');
  });
});

describe('organizations', () => {
  const T = 'Bình Phước chăm lo Tết\n\nThứ Hai, 04-01-2021, 08:00\n\nỦy ban MTTQ các cấp tỉnh Bình Phước vận động được 2 tỷ đồng. Ban Thường vụ Tỉnh ủy chỉ đạo MTTQ các cấp phối hợp với chính quyền, các ban, ngành, đoàn thể và UBND tỉnh thực hiện.';
  it('expands abbreviations, treats "các cấp" as the same body and attaches the place', () => {
    const mttq = entity(T, 'org:uy-ban-mttq:binh-phuoc')!;
    expect(mttq.name).toBe('Ủy ban MTTQ tỉnh Bình Phước');
    expect(mttq.aliases).toEqual(expect.arrayContaining(['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Phước', 'Ủy ban MTTQ các cấp tỉnh Bình Phước']));
    expect(mttq.mentions).toHaveLength(2);
    expect(entity(T, 'org:ban-thuong-vu-tinh-uy:binh-phuoc')?.name).toBe('Ban Thường vụ Tỉnh ủy Bình Phước');
    expect(entity(T, 'org:uy-ban-nhan-dan:binh-phuoc')?.aliases).toContain('UBND tỉnh');
  });

  it('does not make entities of generic words', () => {
    const names = extractArticle(T).entities.map((e) => e.name.toLowerCase());
    for (const w of ['cấp ủy', 'chính quyền', 'các ban, ngành, đoàn thể', 'nhân dân']) expect(names).not.toContain(w);
  });

  it('gives a body of a ★ section the province of that section', () => {
    const t = 'Tin\n\nTỉnh Cà Mau tổ chức hội nghị.\n ★ Tại Bạc Liêu, Ủy ban MTTQ tỉnh Bạc Liêu phát động. Ban Thường vụ Tỉnh ủy biểu dương.';
    expect(ids(t)).toContain('org:ban-thuong-vu-tinh-uy:bac-lieu');
  });

  it('reads national bodies', () => {
    const t = 'Tin\n\nĐoàn công tác của Trung ương Hội Nông dân Việt Nam và Bộ Nông nghiệp và Phát triển nông thôn làm việc với Bộ Chính trị.';
    expect(ids(t)).toEqual(expect.arrayContaining(['org:trung-uong-hoi-nong-dan-viet-nam', 'org:bo-nong-nghiep-va-phat-trien-nong-thon', 'org:bo-chinh-tri']));
  });
});

describe('campaigns', () => {
  const T = 'Tin\n\nNăm 2021, Ủy ban MTTQ tỉnh Long An đẩy mạnh các cuộc vận động, phong trào thi đua như: “Người Việt Nam ưu tiên dùng hàng Việt Nam”, “Toàn dân chung sức xây dựng quê hương”; Phong trào thi đua “Cả nước chung tay vì người nghèo”; ủng hộ Quỹ “Đền ơn đáp nghĩa”.';
  it('reads quoted names after an announcing word, lists included', () => {
    const x = extractArticle(T);
    const c = x.entities.filter((e) => e.type === 'Campaign');
    expect(c.map((e) => e.name)).toEqual([
      'Người Việt Nam ưu tiên dùng hàng Việt Nam',
      'Toàn dân chung sức xây dựng quê hương',
      'Cả nước chung tay vì người nghèo',
      'Quỹ “Đền ơn đáp nghĩa”',
    ]);
    expect(c.map((e) => e.subtype)).toEqual(['EMULATION_MOVEMENT', 'EMULATION_MOVEMENT', 'EMULATION_MOVEMENT', 'FUND']);
    for (const e of c) expect(rel(T)).toContain(`RUNS org:uy-ban-mttq:long-an -> ${e.id}`);
  });

  it('links a fund-raising board to its fund', () => {
    const t = 'Tin\n\nBan vận động Quỹ “Khuyến học” tỉnh Hưng Yên trao 500 suất học bổng.';
    expect(rel(t)).toContain('RUNS org:ban-van-dong-quy-khuyen-hoc:hung-yen -> campaign:khuyen-hoc');
  });

  it('knows the national target programmes', () => {
    const t = 'Tin\n\nTỉnh có thêm 5 xã đạt chuẩn nông thôn mới; Chương trình mục tiêu quốc gia giảm nghèo bền vững được triển khai.';
    expect(ids(t)).toEqual(expect.arrayContaining(['campaign:xay-dung-nong-thon-moi', 'campaign:giam-ngheo-ben-vung']));
  });
});

describe('people', () => {
  it('reads a title, the body it heads and the name', () => {
    const t = 'Tin\n\nChủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng và Phó Bí thư Tỉnh ủy Nguyễn Đăng Quang dự hội nghị.';
    const r = rel(t);
    expect(r).toContain('LEADS person:vo-van-hung -> org:uy-ban-nhan-dan:quang-tri');
    expect(r).toContain('MEMBER_OF person:nguyen-dang-quang -> org:tinh-uy:quang-tri');
    expect(entity(t, 'person:vo-van-hung')?.subtype).toBe('Chủ tịch');
  });

  it('reads "đồng chí X, Bí thư …" and does not take a person for a place', () => {
    const t = 'Tin\n\nĐồng chí Trần Văn Lâm, Bí thư Huyện ủy Yên Dũng phát biểu. Phó Chủ tịch Hội Nông dân tỉnh Lê Thị Hoa trao quà.';
    const got = ids(t);
    expect(got).toContain('person:tran-van-lam');
    expect(got).toContain('person:le-thi-hoa');
    expect(got.some((id) => id.includes('le-thi-hoa') && !id.startsWith('person:'))).toBe(false);
    expect(rel(t)).toContain('LEADS person:tran-van-lam -> org:huyen-uy:yen-dung');
  });
});

describe('unit lists and programme lists', () => {
  it('reads the names listed after a plural level word and a colon, up to a lower-case word', () => {
    const names = extractArticle('Tin\n\nHội trao 3 nhà tại các xã: Quan Sơn, Thường Xuân và Lương Sơn, mỗi hộ được hỗ trợ 80 triệu đồng.')
      .entities.filter((e) => e.type === 'AdministrativeUnit')
      .map((e) => `${e.subtype} ${e.name}`);
    expect(names).toEqual(['COMMUNE Quan Sơn', 'COMMUNE Thường Xuân', 'COMMUNE Lương Sơn']);
  });

  it('reads a counted list of programmes separated by semicolons, and the national target programmes', () => {
    const names = extractArticle(
      'Tin\n\nToàn tỉnh sửa chữa 10.760 căn nhà đối với 3 chương trình: Hỗ trợ nhà ở cho người có công với cách mạng; Hỗ trợ nhà ở theo chương trình mục tiêu quốc gia; Xóa nhà tạm, nhà dột nát cho các hộ nghèo. Chương trình mục tiêu quốc gia phát triển vùng đồng bào DTTS và miền núi hỗ trợ 1.149 căn.',
    )
      .entities.filter((e) => e.type === 'Campaign')
      .map((e) => e.name);
    expect(names).toEqual([
      'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
      'Hỗ trợ nhà ở cho người có công với cách mạng',
      'Hỗ trợ nhà ở theo chương trình mục tiêu quốc gia',
      'Xóa nhà tạm, nhà dột nát cho các hộ nghèo',
    ]);
  });

  it('reads a province written without its level word after a unit and a comma as its parent', () => {
    const x = extractArticle('Tin\n\nNgày 19-1, Ủy ban MTTQ Việt Nam phường Tân Khánh, TPHCM tổ chức lễ khởi công.');
    expect(x.relations.filter((r) => r.type === 'PART_OF').map((r) => `${r.from} -> ${r.to}`)).toEqual(['commune:ho-chi-minh:tan-khanh -> province:ho-chi-minh']);
  });

  it('reads communes listed in groups, each group with its district in parentheses, and Ð typed for Đ', () => {
    const x = extractArticle('Tin\n\nUBND tỉnh Nam Định công nhận 13 xã. Cụ thể là các xã: Ðồng Sơn, Nam Hùng (Nam Trực); Nghĩa Minh (Nghĩa Hưng).');
    const name = (id: string) => x.entities.find((e) => e.id === id)?.name;
    expect(x.relations.filter((r) => r.type === 'PART_OF').map((r) => `${name(r.from)} -> ${name(r.to)}`)).toEqual(
      expect.arrayContaining(['Đồng Sơn -> Nam Trực', 'Nam Hùng -> Nam Trực', 'Nghĩa Minh -> Nghĩa Hưng', 'Nam Trực -> Nam Định']),
    );
  });

  it('reads the national months of action as campaigns', () => {
    const x = extractArticle('Tin\n\nHội Chữ thập đỏ tỉnh Thanh Hóa: Tháng Nhân đạo vận động trên 3,4 tỷ đồng.');
    expect(x.entities.filter((e) => e.type === 'Campaign').map((e) => `${e.subtype} ${e.name}`)).toEqual(['CAMPAIGN Tháng Nhân đạo']);
  });
});
