// Where new nodes first appear, before ForceAtlas2 moves them: pure, so that it is unit tested.

/** Distance of new neighbours from the node they were expanded from, in graph units. */
const RING_RADIUS = 10;

export interface Point {
  x: number;
  y: number;
}

/**
 * Positions for `count` new neighbours of `origin`, evenly spaced so that they are apart from the
 * first frame on, however few steps the layout gets to run on a busy machine: all around a lone
 * node, on the half-ring facing `towards` (away from the rest of the graph) otherwise.
 */
export function ringAround(
  origin: Point,
  count: number,
  towards: number | undefined,
): (index: number) => Point {
  const span = towards === undefined ? 2 * Math.PI : Math.PI;
  const radius = RING_RADIUS * Math.max(1, Math.sqrt(count / 8));
  return (index) => {
    const angle = (towards ?? 0) - span / 2 + (span * (index + 0.5)) / Math.max(count, 1);
    return { x: origin.x + Math.cos(angle) * radius, y: origin.y + Math.sin(angle) * radius };
  };
}
