// Collectors for the resolution stages: entities merge by id, relations dedupe by id, and
// every relation carries the span of the words that state it.
import type { ExtractedEntity, ExtractedRelation, Mention, RelationType, Span } from '../../types.ts';
import { relationId } from '../../ids.ts';
import { squash, vietnameseLetters } from '../../text.ts';
import type { Doc } from '../model.ts';

export type Evidence = Span & { sentenceIndex: number };
interface Located extends Span {
  sentence: number;
}

export const spanOf = (x: Located): Evidence => ({ start: x.start, end: x.end, sentenceIndex: x.sentence });

export function sentenceSpan(doc: Doc, si: number): Evidence {
  const s = doc.sentences[si]!;
  return { start: s.start, end: s.end, sentenceIndex: si };
}

/** The words from `a` to `b` when they share a sentence, else `a`'s whole sentence. */
export function cover(doc: Doc, a: Located, b: Located): Evidence {
  return a.sentence === b.sentence
    ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), sentenceIndex: a.sentence }
    : sentenceSpan(doc, a.sentence);
}

export const mentionOf = (x: Located & { text: string }): Mention => ({ start: x.start, end: x.end, text: x.text, sentenceIndex: x.sentence });

export class EntityBag {
  private readonly byId = new Map<string, ExtractedEntity>();
  readonly order: ExtractedEntity[] = [];

  add(id: string, type: ExtractedEntity['type'], subtype: string, written: string, aliases: string[], mention: Mention | null): void {
    const name = vietnameseLetters(written);
    let e = this.byId.get(id);
    if (!e) {
      e = { id, type, subtype, name, aliases: [], mentions: [] };
      this.byId.set(id, e);
      this.order.push(e);
    }
    for (const a of aliases) {
      const s = squash(vietnameseLetters(a));
      if (s && s !== e.name && !e.aliases.includes(s)) e.aliases.push(s);
    }
    if (mention && !e.mentions.some((m) => m.start === mention.start && m.end === mention.end)) e.mentions.push(mention);
  }

  get(id: string): ExtractedEntity | undefined {
    return this.byId.get(id);
  }
}

export class RelationBag {
  private readonly seen = new Set<string>();
  readonly list: ExtractedRelation[] = [];

  add(type: RelationType, from: string, to: string, evidence: Evidence): void {
    if (from === to) return;
    const id = relationId(type, from, to);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.list.push({ id, type, from, to, evidence: { start: evidence.start, end: evidence.end, sentenceIndex: evidence.sentenceIndex } });
  }

  has(type: RelationType, from: string, to: string): boolean {
    return this.seen.has(relationId(type, from, to));
  }
}
