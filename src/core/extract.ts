// Entry point of the pure extraction core: article text in, entities, figures and relations
// out, every one of them with the character span it came from. No I/O.
import type { Extraction, Sentence } from './types.ts';
import { articleId } from './ids.ts';
import { isAfterReform } from './gazetteer.ts';
import { normalizeArticleText } from './normalize.ts';
import { parseLayout, sectionAt, type BlockRole } from './layout.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';
import { squash } from './text.ts';
import { recognizeCampaigns } from './entities/campaigns.ts';
import { recognizeOrgs } from './entities/orgs.ts';
import { recognizeUnits } from './entities/admin.ts';
import { recognizeCredits, recognizePeople } from './entities/people.ts';
import { resolve } from './entities/resolve.ts';
import type { Doc, Mentions, SentenceInfo, SentenceRole } from './entities/model.ts';
import { extractFigures } from './figures.ts';
import { periodContext } from './periods.ts';

export { ExtractionInputError } from './errors.ts';
export { MAX_ARTICLE_CHARS } from './normalize.ts';
export { toContractJson, type ContractJson } from './contract.ts';

export interface ArticleInputMeta {
  title?: string;
  publishedAt?: string;
  url?: string;
}

const ROLE: Record<Exclude<BlockRole, 'date'>, SentenceRole> = { title: 'title', caption: 'caption', body: 'body', byline: 'byline' };

function buildDoc(text: string, meta: ArticleInputMeta): { doc: Doc; layout: ReturnType<typeof parseLayout>; publishedAt: string | null } {
  const layout = parseLayout(text);
  const publishedAt = meta.publishedAt ?? layout.publishedAt;
  const tokens = tokenize(text);
  const sentences: SentenceInfo[] = [];
  let t = 0;
  for (const b of layout.blocks) {
    if (b.role === 'date') continue;
    const spans = b.role === 'title' || b.role === 'byline' ? [{ start: b.start, end: b.end }] : splitSentences(text, b);
    for (const sp of spans) {
      while (t < tokens.length && tokens[t]!.start < sp.start) t++;
      const tokStart = t;
      while (t < tokens.length && tokens[t]!.end <= sp.end) tokens[t++]!.sentence = sentences.length;
      sentences.push({
        start: sp.start,
        end: sp.end,
        index: sentences.length,
        section: sectionAt(layout.sectionStarts, sp.start),
        role: ROLE[b.role],
        tokStart,
        tokEnd: t,
      });
    }
  }
  return {
    doc: {
      text,
      tokens,
      sentences,
      claimed: new Uint8Array(tokens.length),
      inCampaignName: new Uint8Array(tokens.length),
      afterReform: isAfterReform(publishedAt),
    },
    layout,
    publishedAt,
  };
}

/** The recognisers' mentions of an NFC-normalised text, before resolution (exported for stage tests). */
export function recognizeMentions(text: string, meta: ArticleInputMeta = {}) {
  const { doc, layout, publishedAt } = buildDoc(text, meta);
  const mentions: Mentions = { units: [], orgs: [], campaigns: [], people: [] };
  recognizeCampaigns(doc, mentions.campaigns);
  recognizeOrgs(doc, mentions.orgs, mentions.units, mentions.campaigns);
  const scan = recognizeUnits(doc, mentions.units);
  recognizePeople(doc, mentions.people, mentions.orgs, mentions.units);
  const byline = layout.blocks.find((b) => b.role === 'byline') ?? null;
  recognizeCredits(doc, mentions.people, layout.credits, byline);
  return { doc, layout, publishedAt, mentions, parenPlace: scan.parenPlace };
}

/** Extracts the knowledge of one article. Throws ExtractionInputError on unusable input. */
export function extractArticle(raw: string, meta: ArticleInputMeta = {}): Extraction {
  const text = normalizeArticleText(raw);
  const { doc, layout, publishedAt, mentions, parenPlace } = recognizeMentions(text, meta);
  const id = articleId(text, meta.url);
  const resolution = resolve(doc, mentions, parenPlace, id);
  const title = meta.title ?? (layout.title ? squash(text.slice(layout.title.start, layout.title.end)) : '');
  const leadEnd = doc.sentences.find((s) => s.role === 'body' && s.index > 1)?.tokEnd ?? doc.tokens.length;
  const ctx = periodContext(doc.tokens, publishedAt, leadEnd);
  const figures = extractFigures(doc, mentions, resolution, id, ctx);
  const sentences: Sentence[] = doc.sentences.map((s) => ({ index: s.index, section: s.section, start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
  return {
    article: { id, title, publishedAt, text },
    sentences,
    entities: resolution.entities,
    figures,
    relations: resolution.relations,
  };
}
