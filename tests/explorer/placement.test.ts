// Where the explorer first puts new neighbours: apart from each other and from the rest of the
// graph before the layout has run a single step.
import { describe, expect, it } from 'vitest';
import { ringAround, type Point } from '../../src/explorer/placement.ts';

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const positions = (count: number, towards: number | undefined, origin: Point = { x: 3, y: -2 }) => {
  const place = ringAround(origin, count, towards);
  return Array.from({ length: count }, (_, i) => place(i));
};

describe('ringAround', () => {
  it('spreads the neighbours of a lone node all around it, at one distance, none on another', () => {
    const origin = { x: 3, y: -2 };
    const ring = positions(12, undefined, origin);
    const radii = ring.map((p) => distance(p, origin));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 9);
    const closest = Math.min(...ring.flatMap((p, i) => ring.slice(i + 1).map((q) => distance(p, q))));
    expect(closest).toBeCloseTo(2 * radii[0]! * Math.sin(Math.PI / 12), 9); // evenly spaced
    // All around: some to the left of the node and some to the right, above and below.
    expect(ring.some((p) => p.x < origin.x) && ring.some((p) => p.x > origin.x)).toBe(true);
    expect(ring.some((p) => p.y < origin.y) && ring.some((p) => p.y > origin.y)).toBe(true);
  });

  it('puts the neighbours of a node inside a graph on the half facing away from it', () => {
    const origin = { x: 0, y: 0 };
    for (const p of positions(7, 0, origin)) expect(p.x).toBeGreaterThan(0); // facing +x
    for (const p of positions(7, Math.PI / 2, origin)) expect(p.y).toBeGreaterThan(0); // facing +y
  });

  it('widens the ring as the neighbours grow in number, so that they keep their spacing', () => {
    const gap = (count: number) => {
      const ring = positions(count, undefined);
      return distance(ring[0]!, ring[1]!);
    };
    expect(gap(200)).toBeGreaterThan(gap(8) / 5);
    expect(distance(positions(200, undefined)[0]!, { x: 3, y: -2 })).toBeGreaterThan(distance(positions(8, undefined)[0]!, { x: 3, y: -2 }));
  });
});
