// The unit each sentence is about (its focus): the first unit the sentence names, else the one
// carried from the sentence before in its ★ section, else the section's first unit, else the
// unit the article names most. References by level word ("toàn tỉnh") resolve against it.
import type { Doc, Mentions, UnitLevel } from '../model.ts';
import type { UnitGraph } from './unit-graph.ts';

interface Candidate {
  start: number;
  key: string | null;
  level: UnitLevel;
  /** Named as the place of a body ("Hội Nông dân tỉnh"), not on its own. */
  inOrg: boolean;
}

export class Focus {
  /** Per sentence: node key of the unit in focus. */
  private focusKey: Array<string | null> = [];
  /** Per sentence: the focus carried into it from the sentences before. */
  private carryBefore: Array<string | null> = [];
  /** Per sentence: its unit candidates, resolved (null: a unit the text never names). */
  private resolved: Array<Array<{ start: number; key: string | null; inOrg: boolean }>> = [];
  private readonly cands: Candidate[][];
  private readonly sectionFirst = new Map<number, string>();

  constructor(
    private readonly doc: Doc,
    m: Mentions,
    private readonly units: UnitGraph,
  ) {
    this.cands = doc.sentences.map(() => []);
    m.units.forEach((u, idx) => {
      if (u.level === 'REGION' || !u.focusable) return;
      this.cands[u.sentence]!.push({ start: u.start, key: units.mentionKey[idx] ?? null, level: u.level, inOrg: u.inOrg });
    });
    for (const c of this.cands) c.sort((x, y) => x.start - y.start);
    doc.sentences.forEach((s) => {
      const k = this.cands[s.index]!.find((c) => c.key)?.key;
      if (k && s.role !== 'caption' && !this.sectionFirst.has(s.section)) this.sectionFirst.set(s.section, k);
    });
    this.compute();
  }

  private resolveRef(level: UnitLevel, context: string | null): string | null {
    return this.units.ancestorAt(context, level) ?? (level === 'PROVINCE' && !context ? this.units.mainProvince() : null);
  }

  /** (Re)computes the focus; call again once parents are known, to resolve more references. */
  compute(): void {
    this.focusKey = [];
    this.carryBefore = [];
    this.resolved = [];
    let carry: string | null = null;
    let section = -1;
    for (const s of this.doc.sentences) {
      if (s.section !== section) {
        section = s.section;
        carry = null;
      }
      const context: string | null = carry ?? this.sectionFirst.get(s.section) ?? this.units.main;
      const list: Array<{ start: number; key: string | null; inOrg: boolean }> = this.cands[s.index]!.map((c) => ({ start: c.start, key: c.key ?? this.resolveRef(c.level, context), inOrg: c.inOrg }));
      this.resolved.push(list);
      this.carryBefore.push(carry);
      const own: string | null = list.find((c) => c.key !== null)?.key ?? null;
      this.focusKey.push(own ?? context);
      if (own && s.role !== 'caption') carry = own;
    }
  }

  readonly at = (si: number): string | null => this.focusKey[si] ?? null;

  /** The unit of `level` sentence `si` is about; for PROVINCE, the article's province as a fallback. */
  placeAt(si: number, level: UnitLevel | 'ANY'): string | null {
    const f = this.at(si);
    if (level === 'ANY') return f;
    const a = this.units.ancestorAt(f, level);
    if (a) return a;
    if (level === 'PROVINCE') {
      // a district in focus whose province is unknown: no guess; otherwise the article's province
      const fn = f ? this.units.nodes.get(f) : undefined;
      return fn && fn.level !== 'PROVINCE' ? null : this.units.mainProvince();
    }
    return null;
  }

  /**
   * The unit of `level` a body written without its place, at token `tok` of sentence `si`, belongs
   * to: the unit named last before it in its clause (";" ends a clause), else the last one the
   * sentence names on its own (not as another body's place) before the clause, else the first one
   * named after it, else the focus carried into the sentence. ("… Phó Trưởng ban … tỉnh Phú Thọ; các đồng chí lãnh đạo Đảng ủy, HĐND, UBND" in an
   * article about a commune: the commune's bodies.)
   */
  placeOfBareAt(si: number, tok: number, level: UnitLevel | 'ANY'): string | null {
    const s = this.doc.sentences[si]!;
    let clause = tok;
    while (clause > s.tokStart && this.doc.tokens[clause - 1]!.text !== ';') clause--;
    if (clause === s.tokStart) return this.placeAt(si, level);
    const from = this.doc.tokens[clause]!.start;
    const offset = this.doc.tokens[tok]!.start;
    let k: string | null = null;
    for (const c of this.resolved[si] ?? []) if (c.start >= from && c.start < offset && c.key) k = c.key;
    if (!k) for (const c of this.resolved[si] ?? []) if (c.start < from && c.key && !c.inOrg) k = c.key;
    if (!k) k = (this.resolved[si] ?? []).find((c) => c.start > offset && c.key)?.key ?? null;
    const f = k ?? this.carryBefore[si] ?? this.at(si);
    if (level === 'ANY') return f;
    return this.units.ancestorAt(f, level) ?? (level === 'PROVINCE' ? this.placeAt(si, level) : null);
  }

  /** The unit a figure at `offset` in sentence `si` is about: the nearest one named before it. */
  unitBefore(si: number, offset: number): string | null {
    let k: string | null | undefined;
    for (const c of this.resolved[si] ?? []) if (c.start < offset) k = c.key;
    // a reference to a unit the text never names ("của tỉnh") stops the carried focus
    if (k === undefined) k = this.carryBefore[si] ?? this.at(si);
    return k;
  }
}
