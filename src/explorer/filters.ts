// Pure rules of the explorer's two filters, shared by the graph view and the panel.
import type { DateRange } from './api.ts';

/** 1 July 2025: the 34 provinces of Resolution 202/2025/QH15 replace the 63. */
export const MERGER_DAY = '2025-07-01';

export type Era = 'all' | 'before' | 'after';

/** Which side of the merger a unit belongs to; undated entities (bodies, communes …) to both. */
export function unitEra(unit: { validFrom?: string | null; validTo?: string | null }): 'before' | 'after' | 'both' {
  if (unit.validTo && unit.validTo < MERGER_DAY) return 'before';
  if (unit.validFrom && unit.validFrom >= MERGER_DAY) return 'after';
  return 'both';
}

export function shownInEra(unit: { validFrom?: string | null; validTo?: string | null }, era: Era): boolean {
  const side = unitEra(unit);
  return era === 'all' || side === 'both' || side === era;
}

/** The Vietnamese calendar day of a timestamp (articles are dated in +07:00). */
export function vietnamDay(timestamp: string): string {
  return new Date(new Date(timestamp).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whether a publication time falls in the range; an undated article is kept only with no bounds. */
export function inRange(publishedAt: string | null, range: DateRange): boolean {
  if (!range.from && !range.to) return true;
  if (!publishedAt) return false;
  const day = vietnamDay(publishedAt);
  return (!range.from || day >= range.from) && (!range.to || day <= range.to);
}

/**
 * A relation is shown when an article of the range states it, or when it is a gazetteer fact
 * (no evidence: PART_OF, SUCCEEDED_BY), which holds whatever the dates.
 */
export function relationInRange(evidenceDates: readonly (string | null)[], range: DateRange): boolean {
  return evidenceDates.length === 0 || evidenceDates.some((d) => inRange(d, range));
}
