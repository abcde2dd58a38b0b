import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences.ts';

const split = (text: string) => splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops before capitalised words', () => {
    expect(split('Xã đạt chuẩn. Huyện có 3 xã. Tỉnh khen thưởng.')).toEqual(['Xã đạt chuẩn.', 'Huyện có 3 xã.', 'Tỉnh khen thưởng.']);
  });

  it('does not split numbers with dots or commas', () => {
    expect(split('Toàn tỉnh có 52.100 đảng viên, tăng 4,7% so với năm trước.')).toHaveLength(1);
  });

  it('splits after an ellipsis before a capital, not before lower case', () => {
    expect(split('trao 240 suất quà... Sau đó đoàn đến thăm trường.')).toEqual(['trao 240 suất quà...', 'Sau đó đoàn đến thăm trường.']);
    expect(split('xây nhà, tặng quà... cho hộ nghèo.')).toHaveLength(1);
  });

  it('keeps abbreviations and initials inside the sentence', () => {
    expect(split('Tại TP. Hồ Chí Minh, ông N. V. An phát biểu.')).toHaveLength(1);
    expect(split('Đoàn công tác của TP.HCM đến thăm.')).toHaveLength(1);
  });

  it('splits a full stop glued to the next sentence and a free-standing one', () => {
    expect(split('đạt 51 triệu đồng/người.Năm tới huyện phấn đấu 55 triệu đồng.')).toEqual(['đạt 51 triệu đồng/người.', 'Năm tới huyện phấn đấu 55 triệu đồng.']);
    expect(split('vượt kế hoạch . số hộ dùng nước sạch tăng')).toHaveLength(2);
  });

  it('keeps offsets into the text', () => {
    const text = '  Câu một. Câu hai?  ';
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Câu một.', 'Câu hai?']);
  });
});
