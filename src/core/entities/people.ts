// People: a title followed (possibly through the body it heads) by a name — "Chủ tịch Ủy ban
// MTTQ tỉnh X Nguyễn Văn A", "Phó Thủ tướng Vương Đình Huệ", "đồng chí X, Bí thư …" —,
// photo credits ("Ảnh: THANH PHONG") and the byline at the end.
import { PhraseIndex, type Token } from '../tokens.ts';
import { titleCase, toneKey } from '../text.ts';
import { isAffiliation } from '../layout.ts';
import { HONORIFIC_WORDS, SURNAMES, TITLES, type TitleEntry } from './lexicon.ts';
import { claim, dominantBody, type Doc, type OrgMention, type PersonMention, type UnitMention } from './model.ts';
import type { Span } from '../types.ts';

const TITLE_INDEX = new PhraseIndex<TitleEntry>('key');
for (const [p, e] of TITLES) if (!HONORIFIC_WORDS.has(p)) TITLE_INDEX.add(p, e);
const HONORIFIC_INDEX = new PhraseIndex<true>('key');
for (const p of HONORIFIC_WORDS) for (const pre of ['', 'các ', 'cho ', 'cho các ']) HONORIFIC_INDEX.add(`${pre}${p}`, true);
const BAN = toneKey('ban');
const NOT_NAMES = new Set(['pv', 'ctv', 'ttxvn', 'vna', 'nhóm', 'theo', 'bài', 'ảnh', 'nguồn', 'internet', 'tin']);
const DASHES = new Set(['-', '–', '—']);
const LIST_WORDS = new Set(['gồm', 'là'].map(toneKey));
const AND = toneKey('và');
const FORMER = toneKey('nguyên');
const DUOC = toneKey('được');
const TRANSFER_FILLERS = new Set('được cũng đã vừa điều động luân chuyển biệt phái về nhận công tác làm việc tại'.split(' ').map(toneKey));
const TRANSFER_VERBS = new Set('động chuyển phái'.split(' ').map(toneKey));
const TRANSFER_TO = new Set('về tại'.split(' ').map(toneKey));
const MEMBER: TitleEntry = { role: '', leads: false };
const AGE = toneKey('tuổi');
const AGENT_SUBTYPES = new Set(['PARTY', 'FRONT', 'STATE', 'MASS_ORGANIZATION']);

const UY_VIEN = [toneKey('ủy'), toneKey('viên')];
/** "Tỉnh ủy viên", "Đảng ủy viên": a member of a party committee the title itself names, not of the next post's body. */
const namesItsCommittee = (tk: Token[], p: { from: number; to: number }) =>
  p.to - p.from === 3 && tk[p.to - 2]!.key === UY_VIEN[0] && tk[p.to - 1]!.key === UY_VIEN[1];
const isNameWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.cap && !t.allCaps;
const isCap = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.cap;

/** End of a person's name (2–5 capitalised words, surname first) at i; i when none. */
function personName(doc: Doc, i: number, end: number, anySurname = false): number {
  const tk = doc.tokens;
  const first = tk[i];
  if (!isNameWord(first) || (!anySurname && !SURNAMES.has(first!.key)) || doc.claimed[i] || TITLE_INDEX.starts(tk, i)) return i;
  let k = i;
  while (k < end && k - i < 5 && isNameWord(tk[k]) && !doc.claimed[k] && (k === i || tk[k]!.space)) k++;
  return k - i >= 2 ? k : i;
}

function push(doc: Doc, out: PersonMention[], from: number, to: number, p: Omit<PersonMention, 'start' | 'end' | 'text' | 'sentence' | 'tokStart' | 'tokEnd'>): void {
  const tk = doc.tokens;
  const start = tk[from]!.start;
  const end = tk[to - 1]!.end;
  out.push({
    start,
    end,
    text: doc.text.slice(start, end),
    sentence: tk[from]!.sentence,
    tokStart: from,
    tokEnd: to,
    name: p.name,
    role: p.role,
    aliases: p.aliases,
    org: p.org,
    leads: p.leads,
  });
  claim(doc, from, to);
}

/** One post of a person: the title's words and the body it names (null: none written). */
interface Post {
  from: number;
  to: number;
  entry: TitleEntry;
  org: number | null;
}

export function recognizePeople(doc: Doc, people: PersonMention[], orgs: OrgMention[], units: UnitMention[] = []): void {
  const tk = doc.tokens;
  const orgAt = new Map<number, number>();
  orgs.forEach((o, idx) => orgAt.set(o.tokStart, idx));
  const unitAt = new Map<number, number>();
  units.forEach((u, idx) => unitAt.set(u.tokStart, idx));
  /** The body named after a title ending at k; "Trưởng Ban" + "Ban Tuyên giáo …" share the word "Ban". */
  const orgAfterTitle = (k: number): number | undefined => orgAt.get(k) ?? (tk[k - 1]?.key === BAN ? orgAt.get(k - 1) : undefined);
  const dominant = dominantBody(orgs, AGENT_SUBTYPES, false, true);
  /**
   * "Bí thư Chi bộ" after "Chi bộ Các cơ quan Đảng xã Hữu Liên": a body's head word alone, not
   * followed by a name, refers to the last body named with that head.
   */
  const bareReference = (k: number): number | undefined => {
    if (!isNameWord(tk[k]) || doc.claimed[k]) return undefined;
    for (const len of [2, 1]) {
      if (isCap(tk[k + len]) || doc.claimed[k + len - 1]) continue;
      const words = tk.slice(k, k + len).map((t) => t.key).join(' ');
      for (let o = orgs.length - 1; o >= 0; o--) {
        const body = orgs[o]!;
        if (body.tokEnd > k) continue;
        const head = body.base.split(' ').slice(0, len).map(toneKey).join(' ');
        if (head === words && body.base.split(' ').length > len) return o;
      }
    }
    return undefined;
  };

  /**
   * Titles from k, each with the body it names: "Ủy viên Thường vụ, Trưởng Ban xã hội Trung
   * ương Hội Nông dân Việt Nam", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", "Bí thư xã X".
   */
  const titleChain = (k: number, end: number): { posts: Post[]; end: number } => {
    const posts: Post[] = [];
    let j = k;
    for (;;) {
      const found = TITLE_INDEX.match(tk, j, (_v, from, to) => to <= end && !doc.claimed[from]);
      if (!found) break;
      // "Ủy viên Ban Chấp hành Đảng bộ tỉnh": a body that starts inside a long title ends the title
      let m = found;
      for (let r = j + 1; r < j + found.length; r++) {
        if (!orgAt.has(r)) continue;
        const shorter = TITLE_INDEX.match(tk, j, (_v, _from, to) => to === r);
        if (shorter) m = shorter;
        break;
      }
      let e = j + m.length;
      // "Phó Chủ tịch chuyên trách UBMTTQ …": a lower-case qualifier between title and body
      let q = e;
      for (let n = 0; n < 2 && orgAfterTitle(q) === undefined && tk[q]?.kind === 'word' && !tk[q]!.cap && q < end; n++) q++;
      let org = orgAfterTitle(q) ?? bareReference(q) ?? null;
      // "Ủy viên Ban Chấp Trung ương Đảng": a word or two the recognisers did not take, then the body
      for (let r = e + 1; org === null && r <= e + 2 && r < end && tk[r - 1]!.kind === 'word' && tk[r - 1]!.cap && !doc.claimed[r - 1]; r++) {
        const o = orgAt.get(r);
        if (o !== undefined) org = o;
      }
      if (org !== null) e = orgs[org]!.tokEnd;
      else if (unitAt.has(e)) e = units[unitAt.get(e)!]!.tokEnd;
      posts.push({ from: j, to: j + m.length, entry: m.value, org });
      j = e;
      const sep = tk[j];
      if (sep && (sep.text === ',' || sep.key === 'kiêm') && j + 1 < end && TITLE_INDEX.starts(tk, j + 1) && TITLE_INDEX.match(tk, j + 1)) {
        j++;
        continue;
      }
      break;
    }
    // a title without a body of its own belongs to the body of the next one ("Ủy viên Thường vụ, Trưởng Ban … Hội …")
    for (let n = posts.length - 2; n >= 0; n--) {
      const next = posts[n + 1]!;
      if (posts[n]!.org === null && next.org !== null && !namesItsCommittee(tk, posts[n]!)) {
        const o = orgs[next.org]!;
        posts[n]!.org = o.partOfTok !== null ? (orgAt.get(o.partOfTok) ?? next.org) : next.org;
      }
    }
    return { posts, end: j };
  };

  /** Posts stated after a name: an apposition (", Bí thư …", "– Bí thư …", "(Phó Chủ tịch …)") or an appointment ("giữ chức …"). */
  /** `fresh`: the posts an appointment verb gives ("được bầu giữ chức …"), not those held before. */
  const postsAfter = (e: number, end: number): { posts: Post[]; end: number; appointed: boolean; fresh: Post[] } => {
    const sep = tk[e];
    // "X, nguyên Chủ tịch Hội … (cũ) được chỉ định giữ chức Chủ tịch …": a former post is not held
    if (sep && sep.text === ',' && tk[e + 1]?.key === FORMER) {
      const c = titleChain(e + 2, end);
      if (c.posts.length > 0) {
        let k = c.end;
        if (tk[k]?.text === '(' && tk[k + 2]?.text === ')') k += 3;
        if (tk[k]?.text === ',') k++;
        const a = appointment(doc, k, end, bodyEnd);
        const next = a > k ? titleChain(a, end) : null;
        if (next && next.posts.length > 0) return { posts: next.posts, end: next.end, appointed: true, fresh: next.posts };
        return { posts: [], end: k, appointed: false, fresh: [] };
      }
    }
    if (sep && (sep.text === ',' || DASHES.has(sep.text) || sep.text === '(')) {
      const c = titleChain(e + 1, end);
      if (c.posts.length > 0) {
        const close = sep.text === '(' && tk[c.end]?.text === ')' ? c.end + 1 : c.end;
        // "ông X, Bí thư Đảng ủy xã …, được bổ nhiệm làm Giám đốc Sở …": the new post first
        const from = tk[close]?.text === ',' ? close + 1 : close;
        const a = appointment(doc, from, end, bodyEnd);
        const next = a > from ? titleChain(a, end) : null;
        if (next && next.posts.length > 0) return { posts: [...next.posts, ...c.posts], end: next.end, appointed: true, fresh: next.posts };
        const moved = transfer(from, end);
        if (moved) return { posts: [...c.posts, moved.post], end: moved.end, appointed: false, fresh: [moved.post] };
        return { posts: c.posts, end: close, appointed: false, fresh: [] };
      }
    }
    // "Ông X, 52 tuổi, được … chỉ định": the age between the name and the appointment
    const a0 = sep?.text === ',' && tk[e + 1]?.kind === 'num' && tk[e + 2]?.key === AGE ? (tk[e + 3]?.text === ',' ? e + 4 : e + 3) : e;
    const a = appointment(doc, a0, end, bodyEnd);
    if (a > a0) {
      const c = titleChain(a, end);
      if (c.posts.length > 0) return { posts: c.posts, end: c.end, appointed: true, fresh: c.posts };
    }
    return { posts: [], end: e, appointed: false, fresh: [] };
  };

  /** "được điều động về (nhận công tác tại) Ban Nội chính Tỉnh ủy": a transfer to a body, as its member. */
  const transfer = (k: number, end: number): { post: Post; end: number } | null => {
    let j = k;
    let verb = false;
    while (j < end && j - k < 10 && tk[j]!.kind === 'word' && !tk[j]!.cap && TRANSFER_FILLERS.has(tk[j]!.key)) {
      if (TRANSFER_VERBS.has(tk[j]!.key)) verb = true;
      j++;
    }
    const o = orgAt.get(j);
    if (!verb || o === undefined || !TRANSFER_TO.has(tk[j - 1]!.key)) return null;
    return { post: { from: j, to: j, entry: MEMBER, org: o }, end: orgs[o]!.tokEnd };
  };

  const bodyEnd = (k: number) => {
    const o = orgAt.get(k);
    return o === undefined ? undefined : orgs[o]!.tokEnd;
  };

  /** A further post of the person whose first mention is people[at]. */
  const addPost = (at: number, p: Post) => {
    const base = people[at]!;
    const role = p.to > p.from ? doc.text.slice(tk[p.from]!.start, tk[p.to - 1]!.end) : base.role;
    people.push({ ...base, role: base.role === 'person' ? role : base.role, aliases: [], org: p.org, leads: p.entry.leads });
  };

  const emit = (from: number, to: number, posts: Post[], fallbackRole: string) => {
    const name = doc.text.slice(tk[from]!.start, tk[to - 1]!.end);
    // a post without words of its own (a transfer to a body) keeps the role of the one before
    const words = (p: Post) => (p.to > p.from ? doc.text.slice(tk[p.from]!.start, tk[p.to - 1]!.end) : (people[people.length - 1]?.role ?? fallbackRole));
    if (posts.length === 0) {
      push(doc, people, from, to, { name, role: fallbackRole, aliases: [], org: null, leads: false });
      return;
    }
    posts.forEach((p, n) => {
      const role = words(p);
      const mention = { name, role, aliases: p.org === null ? [`${role} ${name}`] : [], org: p.org, leads: p.entry.leads };
      if (n === 0) push(doc, people, from, to, mention);
      else people.push({ ...people[people.length - 1]!, ...mention });
    });
  };

  for (const s of doc.sentences) {
    if (s.role === 'byline') continue;
    let listTitle: TitleEntry | null = null;
    let listRole = '';
    let listOpen = false;
    /** The body a list's members belong to: the sentence's first body before the list, else the article's. */
    let listOrg = dominant;
    const bodyBefore = (i: number) => {
      let clause = i;
      while (clause > s.tokStart && tk[clause - 1]!.text !== ';') clause--;
      const o = orgs.findIndex((x) => x.sentence === s.index && x.tokStart >= clause && x.tokEnd <= i && AGENT_SUBTYPES.has(x.subtype));
      return o >= 0 ? o : dominant;
    };
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (doc.claimed[i]) continue;
      const t = tk[i]!;
      // "8 phó chủ tịch chuyên trách gồm: …": the list's members hold that post
      // (or without the colon, before the word of address of the first: "Các Phó Bí thư Tỉnh Đoàn gồm các anh …")
      if (LIST_WORDS.has(t.key) && (tk[i + 1]?.text === ':' || HONORIFIC_INDEX.match(tk, i + 1) !== null)) {
        listOpen = true;
        // the longest title ending nearest the list word ("phó chủ tịch", not "chủ tịch")
        let best: { at: number; length: number; entry: TitleEntry } | null = null;
        for (let b = i - 1; b >= Math.max(s.tokStart, i - 6); b--) {
          const m = TITLE_INDEX.match(tk, b, (_v, _from, to) => to <= i);
          if (m && (!best || b + m.length >= best.at + best.length)) best = { at: b, length: m.length, entry: m.value };
          else if (best) break;
        }
        if (best) {
          listTitle = best.entry;
          listRole = doc.text.slice(tk[best.at]!.start, tk[best.at + best.length - 1]!.end);
        }
        // "Các Phó Bí thư Tỉnh Đoàn gồm …": the body named after the list's title
        listOrg = (best ? orgAfterTitle(best.at + best.length) : undefined) ?? bodyBefore(i);
      }
      let j = i;
      let before: Post[] = [];
      const chain = TITLE_INDEX.starts(tk, i) ? titleChain(i, s.tokEnd) : null;
      if (chain && chain.posts.length > 0) {
        before = chain.posts;
        j = chain.end;
        // "và các Phó chủ tịch: A, B, C": a title without a body opens a list of its holders
        const last = before[before.length - 1]!;
        if (tk[j]?.text === ':' && last.org === null) {
          listTitle = last.entry;
          listRole = doc.text.slice(tk[last.from]!.start, tk[last.to - 1]!.end);
          listOpen = true;
          listOrg = bodyBefore(i);
          before = before.map((p) => (p.org === null ? { ...p, org: listOrg } : p));
        }
        if (tk[j] && (tk[j]!.text === ',' || DASHES.has(tk[j]!.text) || tk[j]!.text === ':')) j++;
      }
      const hon = HONORIFIC_INDEX.match(tk, j, (_v, from, to) => to <= s.tokEnd && !doc.claimed[from]);
      const honored = hon !== null;
      if (hon) {
        j += hon.length;
        if (tk[j]?.text === ':') j++;
      }
      // after a word of address any family name will do ("đồng chí Lộc Duy Quang")
      const e = personName(doc, j, s.tokEnd, honored);
      if (e === j) continue;
      const after = postsAfter(e, s.tokEnd);
      // "5 quần chúng ưu tú … gồm: Phạm Thị Yến Nhi, Hồ Thành Long, …": full names after a list cue
      const inList = (listTitle !== null || (listOpen && e - j >= 3)) && isListed(tk, j, s.tokStart);
      // a bare name is a person only with a title, an honorific, a post after it or a list of people
      if (before.length === 0 && !honored && after.posts.length === 0 && !inList) continue;
      const posts = after.appointed ? [...after.posts, ...before] : [...before, ...after.posts];
      // the list's post, besides the posts each member holds ("gồm: ông A (Chủ tịch HĐND tỉnh), …")
      if (inList && listTitle && !posts.some((p) => p.entry === listTitle)) posts.push({ from: -1, to: -1, entry: listTitle, org: listOrg });
      /** People of a coordinated run ("ông A, … và ông B, …, giữ chức vụ …") not yet given the run's new post. */
      const unappointed: number[] = after.appointed ? [] : [people.length];
      emitListed(j, e, posts);
      i = Math.max(e, after.end) - 1;
      // "các ông A, B, C và bà D", "các đồng chí: A, Ủy viên …; B, …": the list goes on
      let k = Math.max(e, after.end);
      for (;;) {
        const sep = tk[k];
        if (!sep || !(sep.text === ',' || sep.text === ';' || sep.key === AND)) break;
        let n = k + 1;
        if (tk[n]?.key === AND) n++;
        const h = HONORIFIC_INDEX.match(tk, n, (_v, from, to) => to <= s.tokEnd && !doc.claimed[from]);
        if (h) n += h.length;
        const ne = personName(doc, n, s.tokEnd, h !== null);
        if (ne === n) break;
        const more = postsAfter(ne, s.tokEnd);
        const listed = [...more.posts];
        if (listTitle && !listed.some((p) => p.entry === listTitle)) listed.push({ from: -1, to: -1, entry: listTitle, org: listOrg });
        if (more.appointed && sep.text !== ';') {
          for (const at of unappointed) for (const p of more.fresh) addPost(at, p);
          unappointed.length = 0;
        } else if (!more.appointed) unappointed.push(people.length);
        emitListed(n, ne, listed);
        k = Math.max(ne, more.end);
        i = k - 1;
      }
    }

    function emitListed(from: number, to: number, posts: Post[]): void {
      // a post taken from the list's head has no words of its own: its role is the head's title
      const own = posts.filter((p) => p.from >= 0);
      if (own.length === posts.length) return emit(from, to, posts, 'person');
      const name = doc.text.slice(tk[from]!.start, tk[to - 1]!.end);
      emit(from, to, own, listRole || 'person');
      for (const p of posts.filter((q) => q.from < 0)) {
        const base = people[people.length - 1]!;
        const mention = { ...base, name, role: listRole, aliases: p.org === null ? [`${listRole} ${name}`] : [], org: p.org, leads: p.entry.leads };
        if (own.length === 0) Object.assign(base, mention);
        else people.push(mention);
      }
    }
  }
}

/** The token before a name is a list separator or the list's colon. */
function isListed(tk: Token[], at: number, floor: number): boolean {
  let k = at - 1;
  while (k >= floor && tk[k]!.kind === 'word' && !tk[k]!.cap && k >= at - 2) k--; // "bà", "ông"
  const t = tk[k];
  return !!t && (t.text === ':' || t.text === ',' || t.text === ';' || t.key === AND);
}

/** Words between a name and the post it is elected or appointed to ("tiếp tục được hiệp thương giữ chức"). */
const APPOINT_FILLERS = new Set(
  'tiếp tục được đã vừa lại chính thức tái đắc cử bầu hiệp thương bổ nhiệm điều động luân chuyển chỉ định giữ chức vụ làm đảm nhận nhận kiêm trúng giới thiệu phân công giao tiếp và'
    .split(' ')
    .map(toneKey),
);
const APPOINT_HEADS = new Set('giữ làm cử nhận kiêm bầu'.split(' ').map(toneKey));

/**
 * End of an appointment phrase after a name at e ("được bầu giữ chức"), e when none. `bodyEnd`
 * gives the end of a body named at a token, for the agent of a passive ("được Bộ Chính trị chỉ định").
 */
function appointment(doc: Doc, e: number, end: number, bodyEnd: (k: number) => number | undefined = () => undefined): number {
  const tk = doc.tokens;
  let k = e;
  let head = false;
  while (k < end && k - e < 14) {
    const t = tk[k]!;
    const agentEnd = tk[k - 1]?.key === DUOC ? bodyEnd(k) : undefined;
    if (agentEnd !== undefined) {
      k = agentEnd;
      continue;
    }
    if (t.kind !== 'word' || t.cap || !APPOINT_FILLERS.has(t.key)) break;
    if (APPOINT_HEADS.has(t.key)) head = true;
    k++;
  }
  return head ? k : e;
}

/** Names in a photo credit or byline ("THANH PHONG", "Lê Xuân", "MINH ANH - THU HÀ"). */
export function namesInCredit(doc: Doc, span: Span): Array<{ from: number; to: number }> {
  const tk = doc.tokens;
  const out: Array<{ from: number; to: number }> = [];
  let lo = 0;
  let hi = tk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tk[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  let from = -1;
  const flush = (to: number) => {
    if (from >= 0 && to - from >= 2 && to - from <= 4) {
      const words = tk.slice(from, to);
      const affiliation = isAffiliation(doc.text.slice(words[0]!.start, words[words.length - 1]!.end));
      if (!affiliation && words.every((w) => !NOT_NAMES.has(w.key)) && (words.every((w) => w.allCaps) || words.every((w) => w.cap && !w.allCaps))) {
        out.push({ from, to });
      }
    }
    from = -1;
  };
  for (; k < tk.length && tk[k]!.end <= span.end; k++) {
    const t = tk[k]!;
    if (t.kind === 'word' && t.cap) {
      if (from < 0) from = k;
    } else flush(k);
  }
  flush(k);
  return out;
}

export function recognizeCredits(doc: Doc, people: PersonMention[], credits: Span[], byline: Span | null): void {
  const tk = doc.tokens;
  const add = (span: Span, role: string) => {
    for (const { from, to } of namesInCredit(doc, span)) {
      const surface = doc.text.slice(tk[from]!.start, tk[to - 1]!.end);
      const name = tk[from]!.allCaps ? titleCase(surface) : surface;
      push(doc, people, from, to, { name, role, aliases: surface !== name ? [surface] : [], org: null, leads: false });
    }
  };
  for (const c of credits) add(c, 'photographer');
  if (byline) add(byline, 'reporter');
}
