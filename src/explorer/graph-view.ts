// The drawing: a graphology graph rendered by sigma.js (WebGL) and laid out by ForceAtlas2 in a
// web worker, so the page stays responsive while a thousand nodes settle. sigma + graphology
// rather than Cytoscape.js: WebGL keeps panning and zooming fluid at thousands of nodes where
// Cytoscape's canvas renderer slows down, graphology is already what vnkg's exports are built
// with, and it is the stack of Gephi Lite, which users of the GEXF export know.
import { MultiDirectedGraph } from 'graphology';
import FA2Module from 'graphology-layout-forceatlas2/worker.js';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { EntityBrief, EntityKind, NeighbourRelation } from './api.ts';
import { relationInRange, shownInEra, type Era } from './filters.ts';
import { ringAround } from './placement.ts';
import type { DateRange } from './api.ts';

export const KIND_COLOURS: Record<EntityKind, string> = {
  ADMINISTRATIVE_UNIT: '#2f6fd6',
  ORGANIZATION: '#2e9a58',
  CAMPAIGN: '#e08a1e',
  PERSON: '#8e4fc4',
};
// The package is CommonJS (`module.exports = FA2LayoutSupervisor`) but typed as an ES default
// export: take whichever of the two the bundler hands over.
const FA2Layout = ((FA2Module as unknown as { default?: typeof FA2Module.default }).default ??
  FA2Module) as unknown as typeof FA2Module.default;
type FA2Supervisor = InstanceType<typeof FA2Layout>;

const SUCCESSOR_COLOUR = '#d6336c';
const EDGE_COLOUR = '#9aa3ad';
/** How long the layout runs after the graph grows: enough to settle, short enough to stop burning CPU. */
const LAYOUT_MS = 2_500;

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  kind: EntityKind;
  subtype: string;
  validFrom: string | null;
  validTo: string | null;
  expanded: boolean;
}

export interface EdgeAttributes {
  label: string;
  type: 'arrow';
  size: number;
  color: string;
  relation: string;
  /** Publication times of the articles stating the relation (empty for a gazetteer fact). */
  dates: (string | null)[];
}

export interface ViewFilters {
  era: Era;
  range: DateRange;
}

export class GraphView {
  readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  readonly renderer: Sigma<NodeAttributes, EdgeAttributes>;
  private layout: FA2Supervisor | undefined;
  private layoutTimer: number | undefined;
  private selected: string | undefined;
  private filters: ViewFilters = { era: 'all', range: { from: '', to: '' } };

  constructor(container: HTMLElement) {
    this.renderer = new Sigma(this.graph, container, {
      renderEdgeLabels: true,
      defaultEdgeType: 'arrow',
      labelRenderedSizeThreshold: 6,
      labelDensity: 0.5,
      edgeLabelSize: 11,
      zIndex: true,
      nodeReducer: (node, data) => {
        if (!this.nodeVisible(node)) return { ...data, hidden: true };
        if (node === this.selected) return { ...data, highlighted: true, zIndex: 1 };
        return data;
      },
      edgeReducer: (edge, data) => (this.edgeVisible(edge) ? data : { ...data, hidden: true }),
    });
  }

  /** Adds an entity if new, at `at` (the origin by default); returns whether it was. */
  addEntity(entity: EntityBrief, at: { x: number; y: number } = { x: 0, y: 0 }): boolean {
    if (this.graph.hasNode(entity.id)) return false;
    this.graph.addNode(entity.id, {
      x: at.x,
      y: at.y,
      size: entity.kind === 'ADMINISTRATIVE_UNIT' && entity.subtype === 'PROVINCE' ? 9 : 6,
      label: entity.name,
      color: KIND_COLOURS[entity.kind] ?? '#666',
      kind: entity.kind,
      subtype: entity.subtype,
      validFrom: entity.validFrom ?? null,
      validTo: entity.validTo ?? null,
      expanded: false,
    });
    return true;
  }

  /** Adds an entity's relations and their far ends around it, then lets the layout settle. */
  expand(centre: EntityBrief, relations: readonly NeighbourRelation[]): number {
    this.addEntity(centre);
    const origin = this.graph.getNodeAttributes(centre.id);
    const newcomers = new Set(relations.flatMap((r) => [r.from, r.to]).filter((e) => !this.graph.hasNode(e.id)).map((e) => e.id));
    const place = ringAround(origin, newcomers.size, this.outwardAngle(origin));
    let added = 0;
    for (const relation of relations) {
      for (const end of [relation.from, relation.to]) if (this.addEntity(end, place(added))) added += 1;
      if (this.graph.hasEdge(relation.id)) continue;
      const successor = relation.type === 'SUCCEEDED_BY';
      this.graph.addDirectedEdgeWithKey(relation.id, relation.from.id, relation.to.id, {
        // A successor link reads as what it is: the old unit was merged into the new one.
        label: successor ? 'SUCCEEDED_BY · 1 Jul 2025' : relation.type,
        type: 'arrow',
        size: successor ? 3 : 1.5,
        color: successor ? SUCCESSOR_COLOUR : EDGE_COLOUR,
        relation: relation.type,
        dates: relation.evidence.edges.map((e) => e.node.sentence.article.publishedAt),
      });
    }
    this.graph.setNodeAttribute(centre.id, 'expanded', true);
    this.runLayout();
    return added;
  }

  select(id: string | undefined): void {
    this.selected = id;
    this.renderer.refresh({ skipIndexation: true });
  }

  setFilters(filters: ViewFilters): void {
    this.filters = filters;
    this.renderer.refresh({ skipIndexation: true });
  }

  nodeVisible(node: string): boolean {
    if (node === this.selected) return true;
    return shownInEra(this.graph.getNodeAttributes(node), this.filters.era);
  }

  edgeVisible(edge: string): boolean {
    const [source, target] = this.graph.extremities(edge);
    if (!this.nodeVisible(source) || !this.nodeVisible(target)) return false;
    return relationInRange(this.graph.getEdgeAttribute(edge, 'dates'), this.filters.range);
  }

  /** Visible nodes and edges, for the status line and tests. */
  counts(): { nodes: number; edges: number } {
    return {
      nodes: this.graph.filterNodes((n: string) => this.nodeVisible(n)).length,
      edges: this.graph.filterEdges((e: string) => this.edgeVisible(e)).length,
    };
  }

  /** The direction from the centre of the drawn graph to `point`: new neighbours go that way, into free space. */
  private outwardAngle(point: { x: number; y: number }): number | undefined {
    let x = 0;
    let y = 0;
    this.graph.forEachNode((_node: string, attributes: NodeAttributes) => {
      x += attributes.x;
      y += attributes.y;
    });
    const order = this.graph.order;
    return order > 1 ? Math.atan2(point.y - y / order, point.x - x / order) : undefined;
  }

  /** ForceAtlas2 in its worker for a while; restarted from scratch when the graph changed shape. */
  runLayout(): void {
    this.layout?.kill();
    this.layout = new FA2Layout(this.graph, { settings: { ...inferSettings(this.graph), barnesHutOptimize: this.graph.order > 300 } });
    this.layout.start();
    window.clearTimeout(this.layoutTimer);
    this.layoutTimer = window.setTimeout(() => this.layout?.stop(), LAYOUT_MS);
  }

  layoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  focus(id: string): void {
    const position = this.renderer.getNodeDisplayData(id);
    if (position) void this.renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.8 }, { duration: 400 });
  }
}
