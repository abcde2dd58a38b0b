// The JSON of the extraction contract (shared/eval/README.md): what `vnkg extract` prints and
// what the scorer reads. The contract's keys, and a few more the scorer ignores: a figure's
// measure, per, change and every mention of it, a relation's id (the ids are those the API serves).
import type { Extraction } from './types.ts';

export interface ContractJson {
  article: { title: string; publishedAt: string | null };
  entities: Array<{
    id: string;
    type: string;
    subtype: string;
    name: string;
    aliases: string[];
    mentions: Array<{ start: number; end: number; text: string }>;
  }>;
  figures: Array<{
    id: string;
    subjectIds: string[];
    value: number;
    unit: string;
    qualifier: string;
    period: string | null;
    quote: string;
    start: number;
    end: number;
    measure: string;
    measurePhrase: string | null;
    per: string | null;
    change: string;
    mentions: Array<{ quote: string; start: number; end: number; sentenceIndex: number }>;
  }>;
  relations: Array<{ id: string; type: string; from: string; to: string; evidence: { start: number; end: number } }>;
}

export function toContractJson(x: Extraction): ContractJson {
  return {
    article: { title: x.article.title, publishedAt: x.article.publishedAt },
    entities: x.entities.map((e) => ({
      id: e.id,
      type: e.type,
      subtype: e.subtype,
      name: e.name,
      aliases: [...e.aliases],
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    figures: x.figures.map((f) => ({
      id: f.id,
      subjectIds: [...f.subjectIds],
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      period: f.period,
      quote: f.quote,
      start: f.start,
      end: f.end,
      measure: f.measure,
      measurePhrase: f.measurePhrase,
      per: f.per,
      change: f.change,
      mentions: f.mentions.map((m) => ({ quote: m.quote, start: m.start, end: m.end, sentenceIndex: m.sentenceIndex })),
    })),
    relations: x.relations.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      evidence: { start: r.evidence.start, end: r.evidence.end },
    })),
  };
}
