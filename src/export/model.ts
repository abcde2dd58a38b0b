// The format-neutral graph every serializer writes: entities as nodes, relations as directed edges.
// Serializers are pure: they turn these records into text and do no I/O.

/** An entity as a node. */
export interface ExportNode {
  /** The entity's id, e.g. `province:bac-ninh`. */
  id: string;
  /** Display label: the entity's canonical name. */
  label: string;
  /** The entity's kind: ADMINISTRATIVE_UNIT, ORGANIZATION, CAMPAIGN or PERSON. */
  kind: string;
  /** PROVINCE, DISTRICT, PARTY, FUND … or a person's role word. */
  subtype: string;
  /** Other surface forms of the name. */
  aliases: readonly string[];
  /** Gazetteer facts of administrative units; left out of the output when null or absent. */
  code?: string | null;
  level?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/** The optional string attributes of a node, in the order formats declare them. */
export const OPTIONAL_NODE_ATTRIBUTES = ['code', 'level', 'validFrom', 'validTo'] as const;

/** A relation as a directed edge. */
export interface ExportEdge {
  /** The relation's id: `FROM-[TYPE]->TO`. */
  id: string;
  source: string;
  target: string;
  /** LOCATED_IN, PART_OF, RUNS, MEMBER_OF, LEADS, RELATED_TO or SUCCEEDED_BY. */
  type: string;
  /** Number of article spans that state the relation. */
  evidenceCount: number;
}

export type Many<T> = Iterable<T> | AsyncIterable<T>;

/** A graph to serialize. Every edge's source and target must be the id of one of the nodes. */
export interface ExportGraph<N extends Many<ExportNode> = Many<ExportNode>, E extends Many<ExportEdge> = Many<ExportEdge>> {
  nodes: N;
  edges: E;
}

/**
 * A file format, as the pieces of its text: the output is `header`, each node, `between`, each
 * edge, `footer` — so a graph can be written as it is read, never held whole.
 */
export interface GraphFormat {
  /** File extension, also the export route's suffix: `graph.<extension>`. */
  extension: string;
  /** HTTP Content-Type. */
  contentType: string;
  header(): string;
  /** A node; `index` counts from 0. */
  node(node: ExportNode, index: number): string;
  between(): string;
  /** An edge; `index` counts from 0. */
  edge(edge: ExportEdge, index: number): string;
  footer(): string;
}
