// Node and relationship tables as the CSV files of `neo4j-admin database import full`: a header
// naming each column's id space or property type, then one line per node or relationship.
// Strings are always quoted (an unquoted empty field is "no property", a quoted one the empty
// string), quotes doubled; texts keep their line breaks (the import runs with
// --multiline-fields=true). Array elements are joined with a character none of them contains.
import type { Cell, Column, GraphTables, NodeTable, RelationshipTable } from './tables.ts';

/** Candidates for the array delimiter: control characters no article is expected to contain. */
const ARRAY_DELIMITERS = ['\u001f', '\u001e', '\u001d', '\u001c', '\u0007', '\u0006', '\u0005'];

/** Every string a delimited list will hold (labels and string arrays). */
function* listElements(tables: GraphTables): Generator<string> {
  const arrays = (columns: readonly Column[], cells: readonly Cell[]) =>
    cells.filter((c, i) => columns[i]!.type === 'string[]' && Array.isArray(c)) as string[][];
  for (const table of tables.nodes) {
    for (const row of table.rows) {
      yield* row.labels;
      for (const list of arrays(table.columns, row.cells)) yield* list;
    }
  }
  for (const table of tables.relationships) for (const row of table.rows) for (const list of arrays(table.columns, row.cells)) yield* list;
}

/** A delimiter that occurs in no array element, so that splitting gives the elements back. */
export function chooseArrayDelimiter(tables: GraphTables): string {
  const unused = new Set(ARRAY_DELIMITERS);
  for (const element of listElements(tables)) {
    for (const d of unused) if (element.includes(d)) unused.delete(d);
    if (unused.size === 0) break;
  }
  const [delimiter] = unused;
  if (delimiter === undefined) throw new Error('Every candidate array delimiter occurs in the data; the import cannot split its lists.');
  return delimiter;
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * One field. An empty array has no spelling (the importer reads an empty field as no property),
 * so it is written as none and set afterwards (`emptyArrays`).
 */
function field(cell: Cell, type: Column['type'], arrayDelimiter: string): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) {
    if (cell.length === 0) return '';
    return type === 'string[]' ? quote(cell.join(arrayDelimiter)) : cell.join(arrayDelimiter);
  }
  if (type === 'string' || type === 'datetime' || type === 'date') return quote(String(cell));
  return String(cell);
}

const header = (columns: readonly Column[]) => columns.map((c) => `${c.name}:${c.type}`);

/** The lines of a node table's file (each with its line break). */
export function* nodeCsv(table: NodeTable, arrayDelimiter: string): Generator<string> {
  yield `${[`id:ID(${table.idSpace})`, ':LABEL', ...header(table.columns)].join(',')}\n`;
  for (const row of table.rows) {
    const cells = row.cells.map((c, i) => field(c, table.columns[i]!.type, arrayDelimiter));
    yield `${[quote(row.id), quote(row.labels.join(arrayDelimiter)), ...cells].join(',')}\n`;
  }
}

/** The lines of a relationship table's file. */
export function* relationshipCsv(table: RelationshipTable, arrayDelimiter: string): Generator<string> {
  yield `${[`:START_ID(${table.fromSpace})`, `:END_ID(${table.toSpace})`, ':TYPE', ...header(table.columns)].join(',')}\n`;
  for (const row of table.rows) {
    const cells = row.cells.map((c, i) => field(c, table.columns[i]!.type, arrayDelimiter));
    yield `${[quote(row.from), quote(row.to), quote(row.type), ...cells].join(',')}\n`;
  }
}

export interface EmptyArrays {
  /** Per id space (which is also the label): node id → the properties that are empty lists. */
  nodes: { label: string; id: string; keys: string[] }[];
  relationships: { fromLabel: string; from: string; type: string; toLabel: string; to: string; keys: string[] }[];
}

/** The empty list properties the CSV files cannot carry, to be set once the store is up. */
export function emptyArrays(tables: GraphTables): EmptyArrays {
  const emptyKeys = (columns: readonly Column[], cells: readonly Cell[]) =>
    cells.flatMap((c, i) => (Array.isArray(c) && c.length === 0 ? [columns[i]!.name] : []));
  return {
    nodes: tables.nodes.flatMap((t) =>
      t.rows.flatMap((r) => {
        const keys = emptyKeys(t.columns, r.cells);
        return keys.length ? [{ label: t.idSpace, id: r.id, keys }] : [];
      }),
    ),
    relationships: tables.relationships.flatMap((t) =>
      t.rows.flatMap((r) => {
        const keys = emptyKeys(t.columns, r.cells);
        return keys.length ? [{ fromLabel: t.fromSpace, from: r.from, type: r.type, toLabel: t.toSpace, to: r.to, keys }] : [];
      }),
    ),
  };
}
