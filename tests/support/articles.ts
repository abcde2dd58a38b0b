// Short articles of the genre written for tests (not taken from any evaluation set): one
// province each, with a front body, a fund, a movement and figures that fan out.
export const TEST_PROVINCES = ['Lào Cai', 'Bắc Ninh', 'Nghệ An', 'Hà Nam', 'Tiền Giang', 'Yên Bái', 'Thái Bình', 'Nam Định'];

export function provinceArticle(province: string, i: number): string {
  return [
    `${province} đẩy mạnh phong trào thi đua yêu nước năm ${2010 + i}`,
    '',
    `Thứ Hai, 0${(i % 9) + 1}-12-${2010 + i}, 08:00`,
    `Năm ${2010 + i}, Ủy ban MTTQ tỉnh ${province} vận động được hơn ${10 + i} tỷ đồng ủng hộ Quỹ “Vì người nghèo”.`,
    `Hội Nông dân tỉnh ${province} phát động phong trào “Nông dân thi đua sản xuất kinh doanh giỏi” với ${100 + i} hộ tham gia.`,
    `Toàn tỉnh ${province} hiện có ${partyMembers(i).toLocaleString('de-DE')} đảng viên.`,
  ].join('\n');
}

/** The party-member figure of `provinceArticle(_, i)`, written with a dot between thousands. */
export const partyMembers = (i: number): number => 12_000 + i * 7;
