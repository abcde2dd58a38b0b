// Genre rules added with the gazetteer (extractor version 2), on short made-up reports.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';

const ids = (text: string) => extractArticle(text).entities.map((e) => e.id);
const entity = (text: string, id: string) => extractArticle(text).entities.find((e) => e.id === id);
const rel = (text: string) => extractArticle(text).relations.map((r) => `${r.type} ${r.from} -> ${r.to}`);

describe('units named in a counted list', () => {
  const t = 'Tin\n\nNăm 2022, 2 xã được công nhận đạt chuẩn nông thôn mới nâng cao là Giao Thiện và Giao An (huyện Giao Thủy).';
  it('reads "N xã … là A và B" and gives every item the parent in the parenthesis', () => {
    expect(ids(t)).toEqual(expect.arrayContaining(['commune:nam-dinh:giao-thuy:giao-thien', 'commune:nam-dinh:giao-thuy:giao-an']));
    expect(rel(t)).toEqual(
      expect.arrayContaining([
        'PART_OF commune:nam-dinh:giao-thuy:giao-thien -> district:nam-dinh:giao-thuy',
        'PART_OF commune:nam-dinh:giao-thuy:giao-an -> district:nam-dinh:giao-thuy',
      ]),
    );
  });

  it('does not read a list longer than the count, or a person', () => {
    expect(ids('Tin\n\nNăm 2022, 2 xã đạt chuẩn là Giao Thiện, Giao An và Giao Hải.').some((id) => id.startsWith('commune:'))).toBe(false);
    expect(ids('Tin\n\nNăm 2022, 1 xã có người đạt giải là Nguyễn Văn An.').some((id) => id.startsWith('commune:'))).toBe(false);
  });
});

describe('bodies with descriptive names', () => {
  it('reads a steering committee up to its place, and the programmes it is named after', () => {
    const t = 'Tin\n\nBan Chỉ đạo xây dựng nông thôn mới tỉnh Ninh Bình đã kiểm tra 5 xã.';
    const e = entity(t, 'org:ban-chi-dao-xay-dung-nong-thon-moi:ninh-binh');
    expect(e?.name).toBe('Ban Chỉ đạo xây dựng nông thôn mới tỉnh Ninh Bình');
    expect(rel(t)).toContain('RUNS org:ban-chi-dao-xay-dung-nong-thon-moi:ninh-binh -> campaign:xay-dung-nong-thon-moi');
    const u = 'Tin\n\nNăm 2021, tỉnh Ninh Bình có mưa lớn. Ban Chỉ đạo phòng, chống thiên tai các cấp đã sơ tán 300 hộ.';
    expect(ids(u)).toContain('org:ban-chi-dao-phong-chong-thien-tai:ninh-binh');
  });

  it('does not take the verb phrase after a bare "Ban Chỉ đạo" for a name', () => {
    expect(ids('Tin\n\nBan Chỉ đạo họp triển khai nhiệm vụ năm 2021.').some((id) => id.startsWith('org:ban-chi-dao'))).toBe(false);
  });

  it('reads a club and makes it part of the mass organization of its members', () => {
    const t = 'Tin\n\nHội Nông dân tỉnh Ninh Bình thành lập Câu lạc bộ Nông dân sản xuất giỏi với 30 thành viên.';
    const club = extractArticle(t).entities.find((e) => e.aliases.includes('Câu lạc bộ Nông dân sản xuất giỏi'));
    expect(club?.id).toMatch(/^org:cau-lac-bo-nong-dan-san-xuat-gioi:/);
    expect(rel(t)).toContain(`PART_OF ${club!.id} -> org:hoi-nong-dan:ninh-binh`);
  });

  it('reads a public service centre only up to its place', () => {
    const t = 'Tin\n\nNăm 2021, Trung tâm Bảo trợ xã hội tỉnh Ninh Bình chăm sóc 120 người. Trung tâm Hội nghị tổ chức sự kiện.';
    expect(entity(t, 'org:trung-tam-bao-tro-xa-hoi:ninh-binh')?.name).toBe('Trung tâm Bảo trợ xã hội tỉnh Ninh Bình');
    expect(ids(t).filter((id) => id.startsWith('org:trung-tam'))).toEqual(['org:trung-tam-bao-tro-xa-hoi:ninh-binh']);
  });

  it('reads the district office of the social policy bank', () => {
    const t = 'Tin\n\nNăm 2021, Phòng giao dịch NHCSXH huyện Kim Sơn giải ngân 5 tỷ đồng.';
    expect(ids(t)).toContain('org:phong-giao-dich-ngan-hang-chinh-sach-xa-hoi:ninh-binh:kim-son');
  });

  it('reads the trade union of an enterprise as part of it', () => {
    const t = 'Tin\n\nCông đoàn cơ sở Công ty May Sông Hồng tặng 20 suất quà.';
    expect(rel(t)).toContain('PART_OF org:cong-doan-co-so-cong-ty-may-song-hong -> org:cong-ty-may-song-hong');
  });
});

describe('who acts', () => {
  it('does not take a body cited as a source for the agent', () => {
    const t = 'Tin\n\nTheo báo cáo của Sở Y tế, Ủy ban MTTQ tỉnh Ninh Bình vận động Quỹ “Vì người nghèo” được 2 tỷ đồng.';
    const r = rel(t);
    expect(r).toContain('RUNS org:uy-ban-mttq:ninh-binh -> campaign:vi-nguoi-ngheo');
    expect(r.some((x) => x.startsWith('RUNS org:so-y-te'))).toBe(false);
  });

  it('lets the body of the previous sentence run a campaign announced in a sentence without a body', () => {
    const t = 'Tin\n\nHội Liên hiệp Phụ nữ tỉnh Ninh Bình tổng kết công tác năm 2021.\n\nPhong trào “Phụ nữ tích cực học tập” thu hút hơn 5.000 hội viên.';
    expect(rel(t)).toContain('RUNS org:hoi-lien-hiep-phu-nu:ninh-binh -> campaign:phu-nu-tich-cuc-hoc-tap');
  });

  it('reads a title that ends with the first word of the body ("Trưởng Ban" + "Ban Tuyên giáo …")', () => {
    const t = 'Tin\n\nPhó Trưởng Ban Tuyên giáo Tỉnh ủy Ninh Bình Trần Văn Bình phát biểu.';
    expect(rel(t)).toContain('MEMBER_OF person:tran-van-binh -> org:ban-tuyen-giao-tinh-uy:ninh-binh');
  });

  it('places the party organizations of districts and provincial bodies under the Tỉnh ủy', () => {
    const t = 'Tin\n\nTỉnh ủy Ninh Bình chỉ đạo Đảng bộ huyện Kim Sơn và Đảng bộ Công an tỉnh kết nạp 120 đảng viên.';
    expect(rel(t)).toEqual(
      expect.arrayContaining([
        'PART_OF org:dang-bo:ninh-binh:kim-son -> org:tinh-uy:ninh-binh',
        'PART_OF org:dang-bo-cong-an:ninh-binh -> org:tinh-uy:ninh-binh',
      ]),
    );
  });
});
