// Figures: the quantities of a sentence (see numbers.ts) with their subjects and period.
// Subjects: the bodies and campaigns named before the figure in its clause (else in its
// sentence, else the body the section last spoke of), then the unit the figure is about (the
// nearest one named before it, else the sentence's or section's). Money raised by a front body
// is thus about the body, the fund and the place. What a figure measures, per what and whether it
// is a change: measure.ts. One fact stated twice in the article is one figure with two mentions.
import type { ExtractedFigure } from './types.ts';
import { figureId } from './ids.ts';
import { readFigures } from './measure.ts';
import { UNIT_ABBREVIATIONS, scanQuantities, unitAt, type Quantity } from './numbers.ts';
import { periodOf, type PeriodContext } from './periods.ts';
import type { Token } from './tokens.ts';
import type { Doc, Mentions } from './entities/model.ts';
import type { Resolution } from './entities/resolve.ts';

const AGENT_SUBTYPES = new Set(['PARTY', 'FRONT', 'STATE', 'MASS_ORGANIZATION', 'ENTERPRISE', 'MILITARY_POLICE']);

/** `_articleId` is kept for callers: figure ids derive from the fact, not from the article. */
export function extractFigures(doc: Doc, m: Mentions, r: Resolution, _articleId: string, ctx: PeriodContext): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  const tk = doc.tokens;
  const blocked = (i: number) => doc.claimed[i] === 1 || doc.inCampaignName[i] === 1;
  const abbreviations = abbreviationsOf(doc);
  const orgsBySentence = new Map<number, Array<{ o: Mentions['orgs'][number]; id: string }>>();
  m.orgs.forEach((o, idx) => {
    const list = orgsBySentence.get(o.sentence) ?? [];
    list.push({ o, id: r.orgIds[idx]! });
    orgsBySentence.set(o.sentence, list);
  });
  const campaignsBySentence = new Map<number, number[]>();
  m.campaigns.forEach((c, idx) => {
    const list = campaignsBySentence.get(c.sentence) ?? [];
    list.push(idx);
    campaignsBySentence.set(c.sentence, list);
  });
  let lastBody: string | null = null;
  let section = -1;
  for (const s of doc.sentences) {
    if (s.section !== section) {
      section = s.section;
      lastBody = null;
    }
    const orgsHere = orgsBySentence.get(s.index) ?? [];
    if (s.role !== 'byline') {
      const qs = scanQuantities(doc.text, tk, s.tokStart, s.tokEnd, { blocked, abbreviations });
      qs.sort((a, b) => a.start - b.start);
      const units = qs.map((q) => (GENERIC_COUNTERS.has(q.unit) ? (countedNoun(doc.text, tk, s.tokStart, q, abbreviations) ?? q.unit) : q.unit));
      const readings = readFigures(doc.text, tk, s, qs.map((quantity, i) => ({ quantity, unit: units[i]! })), blocked);
      qs.forEach((q, i) => {
        const subjects: string[] = [];
        const add = (id: string | null | undefined) => {
          if (id && !subjects.includes(id)) subjects.push(id);
        };
        const clauseStart = clauseStartOf(tk, s.tokStart, q.tokStart);
        const before = orgsHere.filter(({ o }) => o.start < q.start);
        const inClause = before.filter(({ o }) => o.tokStart >= clauseStart);
        for (const { id } of inClause.length > 0 ? inClause.slice(-1) : before) add(id);
        for (const idx of campaignsBySentence.get(s.index) ?? []) {
          const c = m.campaigns[idx]!;
          if (c.start < q.start && c.subtype !== 'PROGRAM') add(r.campaignIds[idx]);
        }
        if (subjects.length === 0) add(s.role === 'title' ? firstBody(m, r) : lastBody);
        add(r.unitBefore(s.index, q.start));
        const quote = doc.text.slice(q.start, q.end);
        const fact = { subjectIds: subjects, value: q.value, unit: units[i]!, qualifier: q.qualifier, period: periodOf(tk, s, q, ctx), ...readings[i]! };
        out.push({
          id: figureId(fact),
          ...fact,
          quote,
          start: q.start,
          end: q.end,
          sentenceIndex: s.index,
          mentions: [{ quote, start: q.start, end: q.end, sentenceIndex: s.index }],
        });
      });
    }
    const agents = orgsHere.filter(({ o }) => AGENT_SUBTYPES.has(o.subtype) && o.need !== 'NONE' && !o.source);
    // a sentence that goes through several bodies in turn ("bao gồm: Đảng bộ A …; Đảng bộ B …; …")
    // does not change the body the text speaks of
    const distinct = new Set(agents.map((a) => a.id)).size;
    if (agents.length > 0 && (distinct < 3 || lastBody === null)) lastBody = agents[0]!.id;
  }
  return mergeRepeats(doc, out);
}

/**
 * One fact stated twice is one figure with two mentions, its primary one the first body
 * statement. In the body, a repeat is the same fact (same id: subjects, measure, value, unit …).
 * A title or caption repeats a body figure of the same value, a unit one contains the other
 * ("Kết nạp 288 đảng viên" / "288 đảng viên (ĐV) mới"), the same per and change and a measure
 * that agrees or is unknown (OTHER): its subjects are guessed from the article (`firstBody`), so
 * they do not have to agree.
 */
function mergeRepeats(doc: Doc, figures: ExtractedFigure[]): ExtractedFigure[] {
  const display = (f: ExtractedFigure) => {
    const role = doc.sentences[f.sentenceIndex]?.role;
    return role === 'title' || role === 'caption';
  };
  const kept: ExtractedFigure[] = [];
  const byId = new Map<string, ExtractedFigure>();
  for (const f of figures.filter((x) => !display(x))) {
    const seen = byId.get(f.id);
    if (seen) seen.mentions.push(...f.mentions);
    else {
      byId.set(f.id, f);
      kept.push(f);
    }
  }
  const body = [...kept];
  for (const f of figures.filter(display)) {
    const same = body.find(
      (b) =>
        b.value === f.value &&
        (b.unit.includes(f.unit) || f.unit.includes(b.unit)) &&
        b.per === f.per &&
        b.change === f.change &&
        (b.measure === f.measure || b.measure === 'OTHER' || f.measure === 'OTHER'),
    );
    if (same) same.mentions.push(...f.mentions);
    else kept.push(f);
  }
  for (const f of kept) f.mentions.sort((a, b) => a.start - b.start);
  return kept.sort((a, b) => a.start - b.start);
}

function clauseStartOf(tk: Token[], from: number, at: number): number {
  for (let k = at - 1; k >= from; k--) if (tk[k]!.text === ';' || tk[k]!.text === ':') return k + 1;
  return from;
}

/** Counters that only say "people": the counted thing is named earlier in the clause. */
const GENERIC_COUNTERS = new Set(['đồng chí', 'người', 'trường hợp']);

/** "tổng số đảng viên … lên 2.648 đồng chí", "đảng viên nữ là 359 đồng chí" → the named noun. */
function countedNoun(text: string, tk: Token[], from: number, q: Quantity, abbr: ReadonlyMap<string, string>): string | null {
  for (let k = q.tokStart - 2; k >= from; k--) {
    if (tk[k]!.key === 'tổng' && tk[k + 1]?.key === 'số') {
      const u = unitAt(text, tk, k + 2, q.tokStart, abbr);
      return u && u.unit !== 'VND' && u.unit !== '%' ? u.unit : null;
    }
  }
  if (q.unit !== 'đồng chí') return null;
  let c = q.tokStart - 1;
  while (c >= from && tk[c]!.text !== ',' && tk[c]!.text !== ';' && tk[c]!.text !== ':') c--;
  const u = unitAt(text, tk, c + 1, q.tokStart, abbr);
  return u && u.unit !== 'VND' && u.unit !== '%' ? u.unit : null;
}

/** Abbreviations the article defines: "đảng viên (ĐV)", "Hội Cựu chiến binh (CCB)". */
function abbreviationsOf(doc: Doc): Map<string, string> {
  const map = new Map(UNIT_ABBREVIATIONS);
  const tk = doc.tokens;
  for (let i = 1; i + 2 < tk.length; i++) {
    const a = tk[i + 1]!;
    if (tk[i]!.text !== '(' || !a.allCaps || tk[i + 2]!.text !== ')') continue;
    const letters = [...a.text.replace(/[^\p{Lu}]/gu, '')];
    const n = letters.length;
    if (n < 2 || i - n < 0) continue;
    const words = tk.slice(i - n, i);
    if (words.every((w, k) => w.kind === 'word' && w.text[0]!.toUpperCase() === letters[k])) {
      map.set(a.text, words.map((w) => w.text).join(' ').toLowerCase());
    }
  }
  return map;
}

/** The first body the article speaks of, for figures of a title that names none. */
function firstBody(m: Mentions, r: Resolution): string | null {
  const idx = m.orgs.findIndex((o) => AGENT_SUBTYPES.has(o.subtype) && o.need !== 'NONE' && !o.source);
  return idx >= 0 ? r.orgIds[idx]! : null;
}
