// Stable ids. The same real thing gets the same id in every article (it is the MERGE key of
// the graph): ids are slugs of canonical names (diacritics folded, đ → d), and a body's id
// includes its place, so "Ủy ban MTTQ" of two provinces are two ids.
import { createHash } from 'node:crypto';
import { slug } from './text.ts';

export function articleId(text: string, url?: string): string {
  const h = createHash('sha256').update(url && url.trim() ? url.trim() : text, 'utf8').digest('hex');
  return `article:${h.slice(0, 16)}`;
}

export function provinceId(name: string): string {
  return `province:${slug(name)}`;
}

export function regionId(name: string): string {
  return `region:${slug(name)}`;
}

/** "district:bac-ninh:tu-son" when the province is known, else "district:tu-son". */
export function lowerUnitId(level: 'DISTRICT' | 'COMMUNE', name: string, parentId: string | null): string {
  const kind = level === 'DISTRICT' ? 'district' : 'commune';
  return parentId ? `${kind}:${idTail(parentId)}:${slug(name)}` : `${kind}:${slug(name)}`;
}

/** The id without its kind prefix: "province:lao-cai" → "lao-cai". */
export function idTail(id: string): string {
  const i = id.indexOf(':');
  return i < 0 ? id : id.slice(i + 1);
}

/** "org:ban-thuong-vu-tinh-uy:lao-cai"; national and unplaced bodies have no place part. */
export function orgId(base: string, placeId: string | null): string {
  return placeId ? `org:${slug(base)}:${idTail(placeId)}` : `org:${slug(base)}`;
}

export function campaignId(key: string): string {
  return `campaign:${slug(key)}`;
}

export function personId(name: string): string {
  return `person:${slug(name)}`;
}

export function figureId(articleIdValue: string, start: number, end: number): string {
  return `figure:${idTail(articleIdValue)}:${start}-${end}`;
}

export function relationId(type: string, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}
