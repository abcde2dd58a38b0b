// The explorer page (/explore): search an entity, draw its neighbourhood, expand by clicking,
// read the evidence in the side panel. Bundled by esbuild on the server (src/server/explore.ts).
import {
  ARTICLE_TEXT,
  DETAILS,
  NEIGHBOURS,
  SEARCH,
  figureFilter,
  graphql,
  type ArticleBrief,
  type DateRange,
  type EntityBrief,
  type EntityDetails,
  type FigureItem,
  type NeighbourRelation,
} from './api.ts';
import { h } from './dom.ts';
import type { Era } from './filters.ts';
import { GraphView } from './graph-view.ts';
import { renderArticle, renderPanel } from './panel.ts';

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
};

const searchBox = byId<HTMLInputElement>('search');
const results = byId<HTMLUListElement>('results');
const panel = byId<HTMLElement>('panel');
const status = byId<HTMLElement>('status');
const fromInput = byId<HTMLInputElement>('from');
const toInput = byId<HTMLInputElement>('to');
const eraSelect = byId<HTMLSelectElement>('era');
const view = new GraphView(byId('graph'));

let selectedId: string | undefined;
/** Bumped on every selection, so a slow answer for an older one is dropped. */
let generation = 0;

const range = (): DateRange => ({ from: fromInput.value, to: toInput.value });

function showStatus(message: string): void {
  const { nodes, edges } = view.counts();
  status.textContent = `${nodes} entities · ${edges} relations${message ? ` · ${message}` : ''}`;
}

function fail(error: unknown): void {
  status.textContent = `Error: ${error instanceof Error ? error.message : String(error)}`;
}

async function expand(id: string): Promise<void> {
  const data = await graphql<{ entity: (EntityBrief & { relations: { totalCount: number; edges: { node: NeighbourRelation }[] } }) | null }>(
    NEIGHBOURS,
    { id },
  );
  if (!data.entity) return;
  const relations = data.entity.relations.edges.map((e) => e.node);
  const added = view.expand(data.entity, relations);
  const more = data.entity.relations.totalCount - relations.length;
  showStatus(`${data.entity.name}: ${added} new${more > 0 ? `, ${more} relations not drawn` : ''}`);
}

async function showDetails(id: string): Promise<void> {
  const mine = ++generation;
  panel.setAttribute('aria-busy', 'true');
  const data = await graphql<{ entity: EntityDetails | null; figures: { totalCount: number; edges: { node: FigureItem }[] } }>(DETAILS, {
    id,
    figures: figureFilter(id, range()),
  });
  if (mine !== generation || !data.entity) return;
  renderPanel(panel, data.entity, data.figures, range(), { select: (other) => void select(other), openArticle: (a, s, e) => void openArticle(a, s, e) });
  panel.setAttribute('aria-busy', 'false');
}

async function openArticle(id: string, start?: number, end?: number): Promise<void> {
  const data = await graphql<{ article: (ArticleBrief & { text: string }) | null }>(ARTICLE_TEXT, { id });
  if (!data.article) return;
  const back = selectedId;
  renderArticle(panel, data.article, { start, end }, () => back && void showDetails(back));
}

async function select(id: string): Promise<void> {
  selectedId = id;
  view.select(id);
  try {
    await Promise.all([expand(id), showDetails(id)]);
    view.focus(id);
  } catch (error) {
    fail(error);
  }
}

let searchTimer: number | undefined;
async function runSearch(): Promise<void> {
  const text = searchBox.value.trim();
  if (text.length < 2) {
    results.replaceChildren();
    return;
  }
  const data = await graphql<{ search: { edges: { node: EntityBrief }[] } }>(SEARCH, { text });
  if (text !== searchBox.value.trim()) return;
  results.replaceChildren(
    ...data.search.edges.map(({ node }) => {
      const item = h('li', { 'data-id': node.id, tabindex: '0' }, h('span', { class: `dot kind-${node.kind}` }), node.name, ' ',
        h('span', { class: 'muted' }, node.subtype.toLowerCase()));
      const choose = () => {
        results.replaceChildren();
        void select(node.id);
      };
      item.addEventListener('click', choose);
      item.addEventListener('keydown', (event) => event.key === 'Enter' && choose());
      return item;
    }),
  );
  if (data.search.edges.length === 0) results.replaceChildren(h('li', { class: 'muted' }, 'no match'));
}

searchBox.addEventListener('input', () => {
  window.clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => void runSearch().catch(fail), 200);
});
searchBox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') (results.querySelector('li[data-id]') as HTMLElement | null)?.click();
});

function applyFilters(): void {
  view.setFilters({ era: eraSelect.value as Era, range: range() });
  showStatus('');
  if (selectedId) void showDetails(selectedId).catch(fail);
}
for (const input of [fromInput, toInput, eraSelect]) input.addEventListener('change', applyFilters);

view.renderer.on('clickNode', ({ node }) => void select(node));
view.renderer.on('enterNode', () => (byId('graph').style.cursor = 'pointer'));
view.renderer.on('leaveNode', () => (byId('graph').style.cursor = ''));

// A handle for the browser console (and the browser test): the graphology graph and sigma.
Object.assign(window, { vnkgExplorer: { graph: view.graph, renderer: view.renderer, view, select } });

const start = new URLSearchParams(window.location.search).get('id');
if (start) void select(start);
showStatus('search for a province, body, campaign or person');
