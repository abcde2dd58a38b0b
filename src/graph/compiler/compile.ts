// Turns the plan of one root field (which lists of which nodes a request selects, with their
// pages and filters) into one Cypher statement that returns the whole answer: each list a COLLECT
// subquery with its ORDER BY, SKIP and LIMIT, its COUNT only when selected, nested to the depth
// of the selection. The lists come from graph/lists.ts; every value is a parameter, and the
// map keys are generated (`l0`, `l1` …), so nothing of the request's text reaches the Cypher.
import neo4j from 'neo4j-driver';
import { LISTS, type ListName, type Names } from '../lists.ts';
import { articlePageStatement } from '../articles.ts';
import { entityPageStatement, entityFilterParams, type EntityFilter } from '../entities.ts';
import { articleRecord, entityRecord, entitySummary } from '../projections.ts';
import type { PageRequest } from '../records.ts';

/** One list a request selects, and the lists it selects below each of its items. */
export interface ListPlan {
  /** The response key the list answers (a field name or its alias). */
  key: string;
  list: ListName;
  /** The entity types the field exists on, when the owner may be of others (`... on Organization`). */
  ownerTypes: readonly string[] | null;
  filter: Record<string, unknown>;
  page: PageRequest;
  /** Whether the list's length is read (`totalCount` or `pageInfo` selected). */
  count: boolean;
  /** The keys of the items' records the request reads; null: all (relations are read whole). */
  keep: ReadonlySet<string> | null;
  lists: ListPlan[];
}

export type RootPlan =
  /** `details`: the entity read whole; else its summary (details are read by id if asked for later). */
  | { root: 'entity'; id: string; lists: ListPlan[]; details: boolean }
  | { root: 'article'; id: string; lists: ListPlan[] }
  | { root: 'entities'; filter: EntityFilter; page: PageRequest; lists: ListPlan[] }
  | { root: 'articles'; page: PageRequest; lists: ListPlan[] };

export interface CompiledStatement {
  /** Names the statement in logs and benchmarks: `compiled:<root field>`. */
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** A list as read: its page, and the compiled lists of each item under `compiled`. */
export interface CompiledList {
  list: ListName;
  /** The list's length; 0 when the plan does not count it. */
  total: number;
  /** Where the page starts (the plan's offset). */
  offset: number;
  items: CompiledRecord[];
  /** Whether the items are whole records, which the loaders may share; else they hold only what the request reads. */
  whole: boolean;
}

/** A record read by a compiled statement, with the lists selected below it by response key. */
export type CompiledRecord = Record<string, unknown> & { compiled?: Map<string, CompiledList | null> };

/** The key under which a record carries its compiled lists in the statement's result. */
const COMPILED = 'compiled';

class Builder {
  readonly params: Record<string, unknown> = {};
  private nextParam = 0;
  private nextList = 0;

  param(value: unknown): string {
    const name = `p${this.nextParam++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /** `, compiled: {l0: …, l1: …}` for the lists selected below the record of `owner`. */
  extra(owner: string, lists: readonly ListPlan[]): string {
    if (lists.length === 0) return '';
    const entries = lists.map((plan, i) => `l${i}: ${this.list(owner, plan)}`);
    return `, ${COMPILED}: {${entries.join(', ')}}`;
  }

  /**
   * The lists of a root record, each read in its own branch of a UNION and collected once. Read
   * inline (`extra`), each list's sort would carry the lists read before it in every row it holds,
   * and Neo4j counts them against the transaction's memory once per row: W1's statement at 10k
   * was estimated at 10 MB this way against 0.7 MB, enough for a few concurrent requests at 100k
   * to reach the memory limit for transactions. One list has nothing to carry: it stays inline.
   */
  rootLists(owner: string, lists: readonly ListPlan[]): { call: string; extra: string } {
    if (lists.length < 2) return { call: '', extra: this.extra(owner, lists) };
    const branches = lists.map((plan, i) => `RETURN ${i} AS listIndex, ${this.list(owner, plan)} AS listValue`);
    const call = `CALL (${owner}) {
  ${branches.join('\n  UNION ALL\n  ')}
}
WITH ${owner}, collect([listIndex, listValue]) AS lists
`;
    const entries = lists.map((_, i) => `l${i}: [x IN lists WHERE x[0] = ${i} | x[1]][0]`);
    return { call, extra: `, ${COMPILED}: {${entries.join(', ')}}` };
  }

  private list(owner: string, plan: ListPlan): string {
    const definition = LISTS[plan.list];
    const suffix = this.nextList++;
    const v: Names = (name) => `${name}_${suffix}`;
    const filter = Object.fromEntries(definition.filters.map((name) => [name, this.param(plan.filter[name] ?? null)]));
    const offset = this.param(neo4j.int(plan.page.offset));
    const limit = this.param(neo4j.int(plan.page.limit));
    const item = definition.project(owner, v, this.extra(v(definition.itemVariable), plan.lists), filter, plan.keep);
    // Only what the plan does not know travels back: the page's items, and its length when counted.
    const items = `COLLECT {
      ${definition.rows(owner, v, filter)}
      SKIP ${offset} LIMIT ${limit}
      RETURN ${item}
    }`;
    const value = plan.count ? `{total: ${definition.count(owner, v, filter)}, items: ${items}}` : items;
    return plan.ownerTypes ? `CASE WHEN ${owner}.type IN ${this.param([...plan.ownerTypes])} THEN ${value} END` : value;
  }
}

/** The statement of a root plan; its first line names it, for logs, `PROFILE` and the benchmark. */
export function compile(plan: RootPlan): CompiledStatement {
  const statement = compileBody(plan);
  return { ...statement, cypher: `/* ${statement.name} */\n${statement.cypher}` };
}

function compileBody(plan: RootPlan): CompiledStatement {
  const b = new Builder();
  switch (plan.root) {
    case 'entity': {
      const id = b.param(plan.id);
      const { call, extra } = b.rootLists('n', plan.lists);
      return {
        name: 'compiled:entity',
        cypher: `MATCH (n:Entity {id: ${id}})\n${call}RETURN ${(plan.details ? entityRecord : entitySummary)('n', extra)} AS value`,
        params: b.params,
      };
    }
    case 'article': {
      const id = b.param(plan.id);
      const { call, extra } = b.rootLists('a', plan.lists);
      return { name: 'compiled:article', cypher: `MATCH (a:Article {id: ${id}})\n${call}RETURN ${articleRecord('a', extra)} AS value`, params: b.params };
    }
    case 'entities': {
      const extra = b.extra('n', plan.lists);
      return { name: 'compiled:entities', cypher: entityPageStatement(extra), params: { ...b.params, ...entityFilterParams(plan.filter), ...pageOf(plan.page) } };
    }
    case 'articles': {
      const extra = b.extra('a', plan.lists);
      return { name: 'compiled:articles', cypher: articlePageStatement(extra), params: { ...b.params, ...pageOf(plan.page) } };
    }
  }
}

const pageOf = (page: PageRequest) => ({ offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) });

/** The lists of a record as read, keyed by response key, each item finished as graph/lists.ts says. */
export function finishRecord(record: Record<string, unknown>, lists: readonly ListPlan[]): CompiledRecord {
  if (lists.length === 0) return record;
  type RawItems = Record<string, unknown>[];
  const raw = (record[COMPILED] ?? {}) as Record<string, { total: number; items: RawItems } | RawItems | null>;
  const { [COMPILED]: _, ...rest } = record;
  const compiled = new Map<string, CompiledList | null>();
  lists.forEach((plan, i) => {
    const value = raw[`l${i}`];
    if (!value) {
      compiled.set(plan.key, null);
      return;
    }
    const finish = LISTS[plan.list].finish;
    const counted = Array.isArray(value) ? { total: 0, items: value } : value;
    const items = counted.items.map((item) => finishRecord((finish ? finish(item) : item) as Record<string, unknown>, plan.lists));
    compiled.set(plan.key, { list: plan.list, total: counted.total, offset: plan.page.offset, items, whole: plan.keep === null });
  });
  return { ...rest, compiled };
}
