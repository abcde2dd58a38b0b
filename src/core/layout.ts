// Article layout: title, date line, photo captions with credits, ★ sections, byline, body
// paragraphs. Works on lines of the NFC text; every span indexes that text.
import type { Span } from './types.ts';

export type BlockRole = 'title' | 'date' | 'caption' | 'body' | 'byline';

export interface Block extends Span {
  role: BlockRole;
}

export interface Layout {
  title: Span | null;
  publishedAt: string | null;
  blocks: Block[];
  /** Offsets of the ★ markers; sentence section = number of markers before it. */
  sectionStarts: number[];
  /** Name spans after "Ảnh:" in captions (the photo credit). */
  credits: Span[];
}

const SECTION_MARK = '★';
const DATE_RE = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)/;
const DATE_WORDS_RE = /(?<!\p{L})ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const TIME_RE = /(?<!\d)(\d{1,2})\s*[:hg]\s*(\d{2})(?!\d)/;
const CREDIT_RE = /(?<!\p{L})(?:(?:Tin|Bài|Tin bài)\s*,?\s*)?[Ảả]nh\s*:\s*([^\n()/:]+?)\s*[).]?\s*$/u;

const SPACE_RE = /\s/;
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE_RE.test(text[i]!);
}

function lines(text: string): Span[] {
  const out: Span[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && isSpaceAt(text, s)) s++;
    while (e > s && isSpaceAt(text, e - 1)) e--;
    if (e > s) out.push({ start: s, end: e });
    pos = nl + 1;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Thứ Bảy, 21-11-2020, 02:27" → "2020-11-21T02:27:00+07:00"; null when no valid date. */
export function parseDateLine(line: string): string | null {
  const m = DATE_RE.exec(line) ?? DATE_WORDS_RE.exec(line);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2100) return null;
  const rest = line.slice(0, m.index) + ' ' + line.slice(m.index + m[0].length);
  const t = TIME_RE.exec(rest);
  let hh = 0;
  let mm = 0;
  if (t && Number(t[1]) < 24 && Number(t[2]) < 60) {
    hh = Number(t[1]);
    mm = Number(t[2]);
  }
  return `${year}-${pad(month)}-${pad(day)}T${pad(hh)}:${pad(mm)}:00+07:00`;
}

function isDateLine(line: string): boolean {
  if (line.length > 80) return false;
  if (!DATE_RE.test(line) && !DATE_WORDS_RE.test(line)) return false;
  // a date line is mostly the date: few words besides weekday, "ngày", "cập nhật", GMT …
  const words = line.match(/\p{L}+/gu) ?? [];
  return words.length <= 8;
}

/** Words that may open a byline: "Thực hiện: Dương Chiêm", "Bài và ảnh: …", "Tin, ảnh: …". */
const BYLINE_LEAD_RE = /^(?:thực hiện|bài|bài và ảnh|bài, ảnh|tin|tin và ảnh|tin, ảnh|nhóm phóng viên|tác giả)\s*:\s*/iu;

/** A short last line of capitalised words with no final full stop: the author's byline. */
function isByline(full: string): boolean {
  const line = full.replace(BYLINE_LEAD_RE, '');
  if (line.length > 60 || /[.!?:;…]$/.test(line) || /\d/.test(line)) return false;
  const words = line.match(/[\p{L}\p{M}]+/gu) ?? [];
  if (words.length === 0 || words.length > 8) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || w === 'và');
}

/** Words that begin where an author works ("Xã Lạc Thủy", "Đài Kim Bảng", "Báo Phú Thọ"), not a name. */
export const AFFILIATION_WORDS = new Set(['xã', 'phường', 'thị trấn', 'huyện', 'tỉnh', 'thành phố', 'tp', 'quận', 'thị xã', 'đài', 'báo', 'trung tâm', 'ban', 'hội', 'ubnd', 'văn phòng', 'phòng', 'sở']);

export function isAffiliation(line: string): boolean {
  const words = line.trim().toLowerCase().split(/\s+/u);
  return AFFILIATION_WORDS.has(words[0] ?? '') || AFFILIATION_WORDS.has(words.slice(0, 2).join(' '));
}

export function parseLayout(text: string): Layout {
  const ls = lines(text);
  const blocks: Block[] = [];
  let title: Span | null = null;
  let publishedAt: string | null = null;
  const credits: Span[] = [];
  ls.forEach((l, idx) => {
    const s = text.slice(l.start, l.end);
    if (idx === 0) {
      title = l;
      blocks.push({ start: l.start, end: l.end, role: 'title' });
      return;
    }
    if (publishedAt === null && idx <= 3 && isDateLine(s)) {
      publishedAt = parseDateLine(s);
      if (publishedAt) {
        blocks.push({ start: l.start, end: l.end, role: 'date' });
        return;
      }
    }
    const credit = CREDIT_RE.exec(s);
    if (credit && credit[1]) {
      const nameStart = l.start + credit.index + credit[0].indexOf(credit[1], credit[0].indexOf(':'));
      credits.push({ start: nameStart, end: nameStart + credit[1].length });
      blocks.push({ start: l.start, end: l.end, role: 'caption' });
      return;
    }
    if (idx === ls.length - 1 && idx > 1 && isByline(s)) {
      blocks.push({ start: l.start, end: l.end, role: 'byline' });
      return;
    }
    // "Nguyễn Thị Chung" over "Xã Lạc Thủy": the author's name, then where the author works
    const last = ls[ls.length - 1];
    if (idx === ls.length - 2 && idx > 1 && last && isByline(s) && isAffiliation(text.slice(last.start, last.end))) {
      blocks.push({ start: l.start, end: l.end, role: 'byline' });
      return;
    }
    // a line without final punctuation is a photo caption or a subheading, not running text
    blocks.push({ start: l.start, end: l.end, role: /[.!?…:;"”)\]]$/u.test(s) ? 'body' : 'caption' });
  });
  const sectionStarts: number[] = [];
  for (let p = text.indexOf(SECTION_MARK); p >= 0; p = text.indexOf(SECTION_MARK, p + 1)) sectionStarts.push(p);
  return { title, publishedAt, blocks, sectionStarts, credits };
}

/** Section index of an offset: the number of ★ markers before it. */
export function sectionAt(sectionStarts: number[], offset: number): number {
  let n = 0;
  for (const s of sectionStarts) if (s <= offset) n++;
  return n;
}
