// People and their posts: titles before a name, appositions after it, election and appointment
// verbs, lists of attendees and of the elected.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';

function posts(text: string) {
  const x = extractArticle(text);
  const name = (id: string) => x.entities.find((e) => e.id === id)?.name ?? id;
  return {
    people: x.entities.filter((e) => e.type === 'Person').map((e) => e.name),
    rels: x.relations.filter((r) => r.type === 'LEADS' || r.type === 'MEMBER_OF').map((r) => `${name(r.from)} ${r.type} ${name(r.to)}`),
  };
}

describe('people and posts', () => {
  it('reads the post an election verb gives, as the new post', () => {
    const p = posts('Tin\n\nÔng Trần Văn Bình tiếp tục được hiệp thương giữ chức Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Hà Nam.');
    expect(p.people).toEqual(['Trần Văn Bình']);
    expect(p.rels).toEqual(['Trần Văn Bình LEADS Ủy ban MTTQ tỉnh Hà Nam']);
  });

  it('reads an attendee list with a chain of titles for each person', () => {
    const p = posts(
      'Tin\n\nDự đại hội có các đồng chí: Lê Văn An, Ủy viên Thường vụ, Trưởng Ban Tổ chức Trung ương Hội Nông dân Việt Nam; Phạm Thị Hoa, Phó Chủ tịch UBND tỉnh Nam Định.',
    );
    expect(p.people).toEqual(['Lê Văn An', 'Phạm Thị Hoa']);
    expect(p.rels).toContain('Lê Văn An LEADS Ban Tổ chức Trung ương Hội Nông dân Việt Nam');
    expect(p.rels).toContain('Phạm Thị Hoa MEMBER_OF Ủy ban nhân dân tỉnh Nam Định');
  });

  it('takes every name of a list of the elected, with the post the list announces', () => {
    const p = posts(
      'Tin\n\nỦy ban MTTQ tỉnh Bến Tre tổ chức đại hội. Đại hội hiệp thương cử 3 phó chủ tịch gồm: bà Nguyễn Thị Lan, ông Võ Văn Tám và ông Hồ Văn Sáu.',
    );
    expect(p.people).toEqual(['Nguyễn Thị Lan', 'Võ Văn Tám', 'Hồ Văn Sáu']);
    expect(p.rels).toEqual(['Nguyễn Thị Lan', 'Võ Văn Tám', 'Hồ Văn Sáu'].map((n) => `${n} MEMBER_OF Ủy ban MTTQ tỉnh Bến Tre`));
  });

  it('does not take a capitalised place or body for a person without a cue', () => {
    const p = posts('Tin\n\nHà Nội và Lâm Đồng phối hợp tổ chức hội chợ; Mai Sơn có thêm 2 xã đạt chuẩn.');
    expect(p.people).toEqual([]);
  });

  it('keeps a five-syllable name whole', () => {
    const p = posts('Tin\n\nTòa án nhân dân tỉnh Tây Ninh bổ nhiệm bà Phan Ngọc Hoàng Đình Thục làm Phó Chánh án.');
    expect(p.people).toEqual(['Phan Ngọc Hoàng Đình Thục']);
  });
});

describe('appointments', () => {
  it('puts the new post first when an apposition gives the former one', () => {
    const p = posts(
      'Tin\n\nÔng Hoàng Văn Đông, Bí thư Đảng ủy xã Sao Vàng, được bổ nhiệm giữ chức Giám đốc Sở Xây dựng tỉnh Thanh Hóa.',
    );
    expect(p.rels[0]).toBe('Hoàng Văn Đông LEADS Sở Xây dựng tỉnh Thanh Hóa');
  });

  it('gives a title without a body of its own the body of the next title', () => {
    const p = posts('Tin\n\nĐại tá Đinh Văn Thê - Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ CHQS tỉnh Gia Lai phát biểu.');
    expect(p.rels).toEqual(['Đinh Văn Thê MEMBER_OF Bộ Chỉ huy Quân sự tỉnh Gia Lai']);
  });
});

describe('titles that run into a body', () => {
  it('ends a long title where a body starts inside it', () => {
    const p = posts('Tin\n\nDự có đồng chí Nguyễn Đình Cường, Ủy viên Ban Thường vụ Tỉnh ủy Phú Thọ, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.');
    expect(p.rels).toEqual([
      'Nguyễn Đình Cường MEMBER_OF Ban Thường vụ Tỉnh ủy Phú Thọ',
      'Nguyễn Đình Cường LEADS Bộ Chỉ huy Quân sự tỉnh Phú Thọ',
    ]);
  });

  it('reads "Tỉnh ủy viên" as a title, not as the committee, and keeps the next post', () => {
    const p = posts('Tin\n\nĐồng chí Lương Thị Hạnh, Tỉnh uỷ viên, Chủ tịch Hội LHPN tỉnh Thanh Hóa thăm hội viên.');
    expect(p.people).toEqual(['Lương Thị Hạnh']);
    expect(p.rels).toEqual(['Lương Thị Hạnh LEADS Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa']);
  });

  it('does not give a former post ("nguyên …") but the one the person is appointed to', () => {
    const p = posts(
      'Tin\n\nĐồng chí Trần Anh Du, nguyên Chủ tịch Hội CCB tỉnh Vĩnh Phúc (cũ) được chỉ định giữ chức Chủ tịch Hội CCB tỉnh Phú Thọ.',
    );
    expect(p.rels).toEqual(['Trần Anh Du LEADS Hội Cựu chiến binh tỉnh Phú Thọ']);
  });

  it('gives the post of a coordinated election to every person elected', () => {
    const p = posts(
      'Tin\n\nHĐND tỉnh Quảng Ngãi đã bầu ông Nguyễn Công Hoàng, Chủ tịch HĐND xã Ba Gia và ông Đỗ Tâm Hiển, Bí thư Đảng ủy xã Khánh Cường, giữ chức vụ Phó chủ tịch UBND tỉnh Quảng Ngãi.',
    );
    expect(p.rels).toContain('Nguyễn Công Hoàng MEMBER_OF Ủy ban nhân dân tỉnh Quảng Ngãi');
    expect(p.rels).toContain('Đỗ Tâm Hiển MEMBER_OF Ủy ban nhân dân tỉnh Quảng Ngãi');
    expect(p.rels).not.toContain('Nguyễn Công Hoàng LEADS Đảng ủy xã Khánh Cường');
  });

  it('reads a title with a colon as the post of the names listed after it, in the body the sentence names', () => {
    const p = posts(
      'Tin\n\nUBND tỉnh Quảng Ngãi có Chủ tịch UBND tỉnh Nguyễn Hoàng Giang và các Phó chủ tịch: Trần Phước Hiền, Nguyễn Ngọc Sâm.',
    );
    expect(p.rels).toContain('Trần Phước Hiền MEMBER_OF Ủy ban nhân dân tỉnh Quảng Ngãi');
    expect(p.rels).toContain('Nguyễn Ngọc Sâm MEMBER_OF Ủy ban nhân dân tỉnh Quảng Ngãi');
  });

  it('reads an appointment whose agent is named ("được Bộ Chính trị chỉ định"), after an age', () => {
    const p = posts('Tin\n\nÔng Nguyễn Đình Trung, 52 tuổi, được Bộ Chính trị chỉ định tiếp tục giữ chức Bí thư Tỉnh ủy Đắk Lắk.');
    expect(p.rels).toEqual(['Nguyễn Đình Trung LEADS Tỉnh ủy Đắk Lắk']);
  });

  it('gives the members of a list its post in the local body, not in the central organ that decided it', () => {
    const p = posts(
      'Tin\n\nBộ Chính trị chỉ định nhân sự Tỉnh ủy Đắk Lắk. Bí thư Tỉnh ủy Đắk Lắk Nguyễn Đình Trung phát biểu. 4 Phó bí thư gồm bà: Cao Thị Hòa An (Chủ tịch HĐND tỉnh), ông Tạ Anh Tuấn.',
    );
    expect(p.rels).toContain('Cao Thị Hòa An MEMBER_OF Tỉnh ủy Đắk Lắk');
    expect(p.rels).toContain('Cao Thị Hòa An LEADS Hội đồng nhân dân tỉnh Đắk Lắk');
    expect(p.rels).toContain('Tạ Anh Tuấn MEMBER_OF Tỉnh ủy Đắk Lắk');
  });

  it('makes a person transferred to a body its member, besides the post held', () => {
    const p = posts('Tin\n\nÔng Lê Trường Sơn, Phó Giám đốc Sở Tài chính tỉnh Bình Phước được điều động về Ban Nội chính Tỉnh ủy.');
    expect(p.rels).toEqual([
      'Lê Trường Sơn MEMBER_OF Sở Tài chính tỉnh Bình Phước',
      'Lê Trường Sơn MEMBER_OF Ban Nội chính Tỉnh ủy Bình Phước',
    ]);
  });
});
