// Internal mention records the recognisers produce, before ids are assigned. Token indices
// are into `Doc.tokens`; `tokEnd` is exclusive.
import type { Token } from '../tokens.ts';
import type { Span } from '../types.ts';

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'REGION';
export type SentenceRole = 'title' | 'caption' | 'body' | 'byline';

export interface SentenceInfo extends Span {
  index: number;
  section: number;
  role: SentenceRole;
  tokStart: number;
  tokEnd: number;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: SentenceInfo[];
  /** Per token: claimed by an entity mention, so other recognisers skip it. */
  claimed: Uint8Array;
  /** Per token: inside a campaign's quoted name. */
  inCampaignName: Uint8Array;
  /** Published on or after 2025-07-01: province names mean the 34 units of the reform. */
  afterReform: boolean;
}

interface MentionBase extends Span {
  text: string;
  sentence: number;
  tokStart: number;
  tokEnd: number;
}

export interface UnitMention extends MentionBase {
  level: UnitLevel;
  /** Canonical name; null for a reference by level word only ("toàn tỉnh", "UBND tỉnh"). */
  name: string | null;
  /** The level word used ("huyện", "thị xã", "thành phố" …), when there was one. */
  levelWord: string | null;
  /** May be the unit the sentence is about (not locative, not in a list or parentheses). */
  focusable: boolean;
  /** Index (in the unit mention list) of a unit stated as this one's parent. */
  parent: number | null;
  /** Inside the place part of an organization mention. */
  inOrg: boolean;
  /** For an item of a list ("các xã A, B và C"): the token after the list, where a parenthesis names the parent of every item. */
  groupEnd?: number;
}

/** `CITY`: a city's body (Thành ủy): the provincial-level city, else a city under the province, never a commune. */
export type PlaceNeed = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'CITY' | 'ANY' | 'NONE' | 'EXPLICIT';

export interface OrgMention extends MentionBase {
  /** Name of the body without its place, e.g. "Ban Thường vụ Tỉnh ủy", "Ủy ban MTTQ". */
  base: string;
  /** Other spellings of the base, for aliases (abbreviations expanded or contracted). */
  baseVariants: string[];
  subtype: string;
  /** Which unit the body belongs to when no place is written. */
  need: PlaceNeed;
  /** "Tỉnh ủy Lào Cai" (bare) vs "Ủy ban MTTQ tỉnh Bắc Ninh" (level word before the name). */
  style: 'bare' | 'level';
  /** Index of the unit mention written as the body's place, if any. */
  place: number | null;
  /** Index of a unit mention the body is located in (parenthesis or "tại X"), if any. */
  locatedIn: number | null;
  /** Index of the campaign mention a "Ban vận động Quỹ …" is named after. */
  campaign: number | null;
  /** Token start of another body's mention this one belongs to ("Công đoàn cơ sở Công ty X" → the company). */
  partOfTok: number | null;
  /** Cited as a source ("Theo báo cáo của Ban Tổ chức Tỉnh ủy, …"), not acting in its sentence. */
  source: boolean;
  /** Campaign mentions inside a descriptive name ("Ban Chỉ đạo xây dựng nông thôn mới"): the body runs them. */
  embeddedCampaigns: number[];
  /** For bodies that belong to another, named inside ("Ban Thường vụ Tỉnh ủy" → "Tỉnh ủy"). */
  parentBase: string | null;
  /** Token range of the parent body's name inside this mention. */
  parentSpan: Span | null;
}

export interface CampaignMention extends MentionBase {
  name: string;
  /** Key for the id, independent of the announcing word. */
  key: string;
  subtype: string;
  aliases: string[];
  /** Inside an organization's name ("Ban vận động Quỹ “…”"). */
  embedded: boolean;
}

export interface PersonMention extends MentionBase {
  name: string;
  role: string;
  aliases: string[];
  /** Index of the organization mention named in the person's title, if any. */
  org: number | null;
  leads: boolean;
}

export interface Mentions {
  units: UnitMention[];
  orgs: OrgMention[];
  campaigns: CampaignMention[];
  people: PersonMention[];
}

export function sentenceOfToken(doc: Doc, i: number): SentenceInfo | undefined {
  const s = doc.tokens[i]?.sentence;
  return s === undefined || s < 0 ? undefined : doc.sentences[s];
}

export function spanText(doc: Doc, from: number, to: number): string {
  return doc.text.slice(doc.tokens[from]!.start, doc.tokens[to - 1]!.end);
}

export function claim(doc: Doc, from: number, to: number): void {
  for (let k = from; k < to; k++) doc.claimed[k] = 1;
}

export function isFree(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.claimed[k]) return false;
  return true;
}

/**
 * The body an article is about: of the bodies of `subtypes`, the base named most often (first
 * mention's index). `strict`: only when named at least twice and no other base is as frequent.
 * `localOnly`: not a central organ (Bộ Chính trị, Trung ương …), which decides on local bodies' posts
 * without being the body they belong to.
 */
export function dominantBody(orgs: readonly OrgMention[], subtypes: ReadonlySet<string>, strict = false, localOnly = false): number | null {
  const counts = new Map<string, { n: number; first: number }>();
  orgs.forEach((o, idx) => {
    if (!subtypes.has(o.subtype) || o.partOfTok !== null || (localOnly && o.need === 'NONE')) return;
    const c = counts.get(o.base) ?? { n: 0, first: idx };
    c.n++;
    counts.set(o.base, c);
  });
  let best: { n: number; first: number } | null = null;
  let tie = false;
  for (const c of counts.values()) {
    if (!best || c.n > best.n) {
      best = c;
      tie = false;
    } else if (c.n === best.n) tie = true;
  }
  if (!best || (strict && (best.n < 2 || tie))) return null;
  return best.first;
}
