// Figures: the quantities of a sentence (see numbers.ts) with their subjects and period.
// Subjects: the bodies and campaigns the sentence names before the figure (money raised by a
// front body is about the body, the fund and the place), then the unit the sentence is about.
import type { ExtractedFigure } from './types.ts';
import { figureId } from './ids.ts';
import { scanQuantities, unitAt, type Quantity } from './numbers.ts';
import type { Token } from './tokens.ts';
import { periodOf, type PeriodContext } from './periods.ts';
import type { Doc, Mentions } from './entities/model.ts';
import type { Resolution } from './entities/resolve.ts';

export function extractFigures(doc: Doc, m: Mentions, r: Resolution, articleIdValue: string, ctx: PeriodContext): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  const blocked = (i: number) => doc.claimed[i] === 1 || doc.inCampaignName[i] === 1;
  for (const s of doc.sentences) {
    if (s.role !== 'title' && s.role !== 'body') continue;
    const qs = scanQuantities(doc.text, doc.tokens, s.tokStart, s.tokEnd, { blocked });
    if (qs.length === 0) continue;
    qs.sort((a, b) => a.start - b.start);
    for (const q of qs) {
      const subjects: string[] = [];
      const add = (id: string | null | undefined) => {
        if (id && !subjects.includes(id)) subjects.push(id);
      };
      m.orgs.forEach((o, idx) => {
        if (o.sentence === s.index && o.start < q.start) add(r.orgIds[idx]);
      });
      m.campaigns.forEach((c, idx) => {
        if (c.sentence === s.index && c.start < q.start && c.subtype !== 'PROGRAM') add(r.campaignIds[idx]);
      });
      add(r.focusId[s.index]);
      const unit = GENERIC_COUNTERS.has(q.unit) ? (namedTotal(doc.text, doc.tokens, s.tokStart, q) ?? q.unit) : q.unit;
      out.push({
        id: figureId(articleIdValue, q.start, q.end),
        subjectIds: subjects,
        value: q.value,
        unit,
        qualifier: q.qualifier,
        period: periodOf(doc.tokens, s, q, ctx),
        quote: doc.text.slice(q.start, q.end),
        start: q.start,
        end: q.end,
        sentenceIndex: s.index,
      });
    }
  }
  return out;
}

/** Counters that only say "people": the counted thing is named by "tổng số X … lên N đồng chí". */
const GENERIC_COUNTERS = new Set(['đồng chí', 'người', 'trường hợp']);

function namedTotal(text: string, tk: Token[], from: number, q: Quantity): string | null {
  for (let k = q.tokStart - 2; k >= from; k--) {
    if (tk[k]!.key === 'tổng' && tk[k + 1]?.key === 'số') {
      const u = unitAt(text, tk, k + 2, q.tokStart);
      return u && u.unit !== 'VND' && u.unit !== '%' ? u.unit : null;
    }
  }
  return null;
}
