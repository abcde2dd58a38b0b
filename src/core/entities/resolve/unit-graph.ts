// The administrative units an article names, as a graph: one node per unit, with the parent
// each one has (stated in the text, in a parenthesis, known to the gazetteer, or given by the
// unit the sentence is about), and the unit's stable id.
import { lowerUnitId, provinceId, regionId } from '../../ids.ts';
import { fold } from '../../text.ts';
import {
  districtsNamed,
  provinceByName,
  provinceIdAt,
  regionByName,
  type DistrictEntry,
  type ProvinceEntry,
} from '../../gazetteer.ts';
import { rank } from '../admin.ts';
import type { Doc, Mentions, UnitLevel } from '../model.ts';
import { cover, sentenceSpan, type Evidence } from './evidence.ts';

export interface UnitNode {
  key: string;
  level: UnitLevel;
  name: string;
  levelWord: string | null;
  /** The gazetteer's district, once decided (null: not known or ambiguous). */
  district?: DistrictEntry | null;
  /** The gazetteer's province (PROVINCE nodes). */
  province?: ProvinceEntry;
  /** Entity name: the canonical name at the article's date ("Huế" after the reform). */
  label: string;
  /** Level word of place phrases ("Ủy ban MTTQ thành phố Đà Nẵng"), when the gazetteer knows it. */
  placeLevelWord: string | null;
  parentKey: string | null;
  /** Sentence of the mention that stated or implied the parent. */
  parentEvidence: Evidence | null;
  id: string;
}

/** The unit a sentence is about, by sentence index (see focus.ts). */
export type FocusAt = (sentence: number) => string | null;

const unitKey = (level: UnitLevel, name: string) => `${level}:${fold(name)}`;

/** "tỉnh Lào Cai"; a name that already starts with its level word ("Quận 1") is kept. */
export function withLevel(levelWord: string, name: string): string {
  return name.toLowerCase().startsWith(levelWord.toLowerCase() + ' ') ? name : `${levelWord} ${name}`;
}

export class UnitGraph {
  readonly nodes = new Map<string, UnitNode>();
  /** Node key of each unit mention; null for a reference by level word only ("toàn tỉnh"). */
  readonly mentionKey: Array<string | null>;
  /** How often each unit is named (title mentions count twice): the article's salience. */
  private readonly counts = new Map<string, number>();
  /** The unit named most often: the article's default focus. */
  readonly main: string | null = null;

  constructor(
    private readonly doc: Doc,
    private readonly m: Mentions,
    parenPlace: Map<number, number>,
  ) {
    this.mentionKey = m.units.map((u) => (u.name ? unitKey(u.level, u.name) : null));
    m.units.forEach((u, idx) => {
      const key = this.mentionKey[idx];
      if (!key || !u.name) return;
      if (!this.nodes.has(key)) this.nodes.set(key, this.newNode(key, u.level, u.name, u.levelWord));
      const n = this.nodes.get(key)!;
      if (!n.levelWord && u.levelWord) n.levelWord = u.levelWord;
    });
    this.statedParents(parenPlace);
    m.units.forEach((u, idx) => {
      const key = this.mentionKey[idx];
      if (key && u.level !== 'REGION') this.counts.set(key, (this.counts.get(key) ?? 0) + (doc.sentences[u.sentence]?.role === 'title' ? 2 : 1));
    });
    let main: string | null = null;
    for (const [k, c] of this.counts) if (main === null || c > this.counts.get(main)!) main = k;
    this.main = main;
  }

  private newNode(key: string, level: UnitLevel, name: string, levelWord: string | null): UnitNode {
    const province = level === 'PROVINCE' ? provinceByName(name) : undefined;
    const successor = province && this.doc.afterReform ? province.continuedAs : null;
    return {
      key,
      level,
      name,
      levelWord,
      province,
      label: successor ? successor.name : level === 'REGION' ? (regionByName(name)?.name ?? name) : name,
      placeLevelWord: successor ? successor.levelWord : (province?.levelWord ?? null),
      parentKey: null,
      parentEvidence: null,
      id: '',
    };
  }

  /** Parents the text states: "xã A, huyện B" and "huyện Nam Đàn (Nghệ An)". */
  private statedParents(parenPlace: Map<number, number>): void {
    const { m } = this;
    m.units.forEach((u, idx) => {
      const key = this.mentionKey[idx];
      if (!key || u.parent === null) return;
      const pk = this.mentionKey[u.parent];
      const n = this.nodes.get(key)!;
      if (pk && !n.parentKey && pk !== key) {
        n.parentKey = pk;
        n.parentEvidence = cover(this.doc, u, m.units[u.parent]!);
      }
    });
    m.units.forEach((u, idx) => {
      const key = this.mentionKey[idx];
      const p = parenPlace.get(u.groupEnd ?? u.tokEnd);
      if (!key || p === undefined) return;
      const pk = this.mentionKey[p];
      const n = this.nodes.get(key)!;
      if (pk && !n.parentKey && pk !== key && rank(this.nodes.get(pk)!.level) < rank(n.level)) {
        n.parentKey = pk;
        n.parentEvidence = cover(this.doc, u, m.units[p]!);
      }
    });
  }

  node(key: string): UnitNode {
    return this.nodes.get(key)!;
  }

  /** The unit of `level` that contains `key` (itself included), following known parents. */
  ancestorAt(key: string | null, level: UnitLevel): string | null {
    let k = key;
    const seen = new Set<string>();
    while (k && !seen.has(k)) {
      seen.add(k);
      const n = this.nodes.get(k);
      if (!n) return null;
      if (n.level === level) return k;
      if (rank(n.level) < rank(level)) return null;
      k = n.parentKey;
    }
    return null;
  }

  /** The key of the city under province `key` that bears its name ("thành phố Tây Ninh"), when the article names it. */
  cityNamed(key: string): string | null {
    const p = this.nodes.get(key);
    if (!p || p.level !== 'PROVINCE') return null;
    for (const n of this.nodes.values()) if (n.level === 'DISTRICT' && n.label === `thành phố ${p.label}`) return n.key;
    return null;
  }

  /** The province named most often. */
  mainProvince(): string | null {
    let best: string | null = null;
    for (const [k, c] of this.counts) if (this.nodes.get(k)?.level === 'PROVINCE' && (best === null || c > this.counts.get(best)!)) best = k;
    return best;
  }

  /**
   * Districts the gazetteer knows: in the stated province; else the only district of the name;
   * else the only one of the name in the province in focus. A decided district takes its
   * gazetteer name and, when the text names its province, that province as parent.
   */
  placeKnownDistricts(focusAt: FocusAt): void {
    const after = this.doc.afterReform;
    const inProvince = (d: DistrictEntry, p: ProvinceEntry | undefined) =>
      !!p && (d.province === p || (after && p.continuedAs !== null && d.province.successor === p.continuedAs));
    const provinceNodes = [...this.nodes.values()].filter((n) => n.level === 'PROVINCE' && n.province);
    this.m.units.forEach((u, idx) => {
      const key = this.mentionKey[idx];
      if (!key) return;
      const n = this.nodes.get(key)!;
      if (n.level !== 'DISTRICT' || n.district !== undefined) return;
      const named = districtsNamed(n.name, n.levelWord);
      let d: DistrictEntry | null = null;
      if (n.parentKey) {
        const pn = this.nodes.get(n.parentKey)!;
        const within = named.filter((c) => inProvince(c, pn.province));
        if (within.length === 1) d = within[0]!;
      } else if (named.length === 1) d = named[0]!;
      else if (named.length > 1) {
        const fk = this.ancestorAt(focusAt(u.sentence), 'PROVINCE') ?? this.mainProvince();
        const within = named.filter((c) => inProvince(c, fk ? this.nodes.get(fk)!.province : undefined));
        if (within.length === 1) d = within[0]!;
      }
      n.district = d;
      if (!d) return;
      n.name = d.name;
      n.label = d.name;
      n.placeLevelWord = d.levelWord;
      if (n.parentKey) return;
      // its province, when the text names it (after the reform: the unit it became part of)
      const pn = provinceNodes.find((p) => p.province === d.province) ?? provinceNodes.find((p) => inProvince(d, p.province));
      if (pn) {
        n.parentKey = pn.key;
        n.parentEvidence = sentenceSpan(this.doc, u.sentence);
      }
    });
  }

  /**
   * Other districts and communes without a stated parent belong to the unit in focus where they
   * are named: the nearest unit named before them in their sentence, else the one carried in.
   */
  attachToFocus(contextAt: (sentence: number, offset: number) => string | null): void {
    this.m.units.forEach((u, idx) => {
      const key = this.mentionKey[idx];
      if (!key) return;
      const n = this.nodes.get(key)!;
      if (n.parentKey || n.district || (n.level !== 'DISTRICT' && n.level !== 'COMMUNE')) return;
      const f = contextAt(u.sentence, u.start);
      if (!f || f === key) return;
      const want: UnitLevel = n.level === 'COMMUNE' ? 'DISTRICT' : 'PROVINCE';
      const p = this.ancestorAt(f, want) ?? (n.level === 'COMMUNE' ? this.ancestorAt(f, 'PROVINCE') : null);
      if (p && p !== key) {
        n.parentKey = p;
        n.parentEvidence = sentenceSpan(this.doc, u.sentence);
      }
    });
  }

  /** Stable ids, parents first: a lower unit's id includes its parent's. */
  assignIds(): void {
    const after = this.doc.afterReform;
    const idOf = (key: string, depth = 0): string => {
      const n = this.nodes.get(key)!;
      if (n.id) return n.id;
      if (n.level === 'PROVINCE') n.id = n.province ? provinceIdAt(n.province, after) : provinceId(n.name);
      else if (n.level === 'REGION') n.id = regionByName(n.name)?.id ?? regionId(n.name);
      else if (n.district) n.id = n.district.id;
      else {
        const pn = n.parentKey && depth < 4 ? this.nodes.get(n.parentKey)! : null;
        // districts belong to the provinces before the reform, whatever the article's date
        const parent = !pn ? null : n.level === 'DISTRICT' && pn.province ? pn.province.id : idOf(pn.key, depth + 1);
        n.id = lowerUnitId(n.level, n.name, parent);
      }
      return n.id;
    };
    for (const k of this.nodes.keys()) idOf(k);
  }

  /** How a body's name writes its place: "Lào Cai" (bare) or "tỉnh Lào Cai" (level). */
  placePhrase(key: string, style: 'bare' | 'level'): string {
    const n = this.nodes.get(key)!;
    if (style === 'bare' || n.level === 'REGION') return n.label;
    const lw =
      (n.level === 'PROVINCE' ? n.placeLevelWord : null) ??
      n.levelWord ??
      n.placeLevelWord ??
      (n.level === 'PROVINCE' ? 'tỉnh' : n.level === 'DISTRICT' ? 'huyện' : 'xã');
    return withLevel(lw, n.label);
  }
}
