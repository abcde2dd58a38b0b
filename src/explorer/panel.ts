// The side panel of the selected entity: its figures (each quote marked in its sentence, with a
// link to the article), its relations with their evidence, and the articles that mention it.
import type { ArticleBrief, DateRange, EntityDetails, FigureItem, RelationItem, Statement } from './api.ts';
import { h, highlighted } from './dom.ts';
import { inRange, unitEra, vietnamDay } from './filters.ts';

export interface PanelActions {
  /** Select (and expand) another entity. */
  select(id: string): void;
  /** Show an article's text with a span marked. */
  openArticle(id: string, start?: number, end?: number): void;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const QUALIFIERS: Record<string, string> = { MORE_THAN: 'more than ', LESS_THAN: 'less than ', NEARLY: 'nearly ', ABOUT: 'about ' };

function articleLink(article: ArticleBrief, actions: PanelActions, span?: { start: number; end: number }): HTMLElement {
  const date = article.publishedAt ? vietnamDay(article.publishedAt) : 'undated';
  const link = h('a', { href: `#${encodeURIComponent(article.id)}`, class: 'article-link', 'data-article': article.id }, article.title);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    actions.openArticle(article.id, span?.start, span?.end);
  });
  const source = article.url ? h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer', class: 'source' }, 'source ↗') : null;
  return h('div', { class: 'article' }, link, ' ', h('span', { class: 'date' }, date), source ? ' ' : null, source);
}

function statement(s: { quote: string; start: number; end: number; sentence: { text: string; start: number } }): HTMLElement {
  return highlighted(s.sentence.text, s.start - s.sentence.start, s.end - s.sentence.start);
}

function figureItem(figure: FigureItem, actions: PanelActions): HTMLElement {
  const what = figure.measure === 'OTHER' && figure.measurePhrase ? `OTHER (${figure.measurePhrase})` : figure.measure;
  return h(
    'li',
    { class: 'figure' },
    h('div', { class: 'figure-head' },
      h('strong', { class: 'value' }, `${QUALIFIERS[figure.qualifier] ?? ''}${numberFormat.format(figure.value)} ${figure.unit}`),
      ' · ', h('span', { class: 'measure' }, what),
      figure.period ? ' · ' : null, figure.period ? h('span', { class: 'period' }, figure.period) : null),
    statement(figure),
    articleLink(figure.article, actions, figure),
  );
}

function relationItem(relation: RelationItem, selectedId: string, range: DateRange, actions: PanelActions): HTMLElement {
  const outgoing = relation.from.id === selectedId;
  const other = outgoing ? relation.to : relation.from;
  const otherLink = h('a', { href: `#${encodeURIComponent(other.id)}`, class: 'entity-link' }, other.name);
  otherLink.addEventListener('click', (event) => {
    event.preventDefault();
    actions.select(other.id);
  });
  const evidence = relation.evidence.edges.map((e) => e.node).filter((e: Statement) => inRange(e.sentence.article.publishedAt, range));
  return h(
    'li',
    { class: 'relation' },
    h('div', {}, outgoing ? '→ ' : '← ', h('span', { class: 'relation-type' }, relation.type), ' ', otherLink),
    relation.evidence.totalCount === 0
      ? h('div', { class: 'muted' }, 'gazetteer fact (no article needed)')
      : h('ul', { class: 'evidence' }, ...evidence.map((e) => h('li', {}, statement(e), articleLink(e.sentence.article, actions, e)))),
  );
}

function section(title: string, count: string, body: HTMLElement): HTMLElement {
  return h('section', {}, h('h3', {}, title, ' ', h('span', { class: 'count' }, count)), body);
}

export function renderPanel(
  container: HTMLElement,
  entity: EntityDetails,
  figures: { totalCount: number; edges: { node: FigureItem }[] },
  range: DateRange,
  actions: PanelActions,
): void {
  const era = entity.kind === 'ADMINISTRATIVE_UNIT' ? unitEra(entity) : 'both';
  const dates = [entity.validFrom ? `from ${entity.validFrom}` : '', entity.validTo ? `until ${entity.validTo}` : ''].filter(Boolean).join(' ');
  const relations = entity.relations.edges.map((e) => e.node);
  const articles = entity.articles.edges.map((e) => e.node).filter((a) => inRange(a.publishedAt, range));
  container.replaceChildren(
    h('h2', { class: 'entity-name' }, entity.name),
    h('div', { class: 'entity-meta' },
      `${entity.kind} · ${entity.subtype}`,
      entity.code ? ` · code ${entity.code}` : '',
      dates ? ` · ${dates}` : '',
      era === 'before' ? ' · before 1 July 2025' : era === 'after' ? ' · from 1 July 2025' : ''),
    entity.aliases.length ? h('div', { class: 'aliases' }, `also: ${entity.aliases.slice(0, 6).join('; ')}`) : '',
    section('Figures', `${figures.edges.length} of ${figures.totalCount}`,
      h('ul', { class: 'figures' }, ...figures.edges.map((e) => figureItem(e.node, actions)))),
    section('Relations', `${relations.length} of ${entity.relations.totalCount}`,
      h('ul', { class: 'relations' }, ...relations.map((r) => relationItem(r, entity.id, range, actions)))),
    section('Articles', `${articles.length} of ${entity.articles.totalCount}`,
      h('ul', { class: 'articles' }, ...articles.map((a) => h('li', {}, articleLink(a, actions))))),
  );
}

export function renderArticle(
  container: HTMLElement,
  article: ArticleBrief & { text: string },
  span: { start?: number | undefined; end?: number | undefined },
  back: () => void,
): void {
  const backLink = h('a', { href: '#', class: 'back' }, '← back');
  backLink.addEventListener('click', (event) => {
    event.preventDefault();
    back();
  });
  const text = span.start !== undefined && span.end !== undefined ? highlighted(article.text, span.start, span.end) : h('span', {}, article.text);
  container.replaceChildren(
    backLink,
    h('h2', {}, article.title),
    h('div', { class: 'entity-meta' }, article.publishedAt ?? 'undated', article.url ? ' · ' : '',
      article.url ? h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'source ↗') : null),
    h('div', { class: 'article-text' }, text),
  );
  container.querySelector('mark')?.scrollIntoView({ block: 'center' });
}
