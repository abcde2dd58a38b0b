// Just enough of Bolt's PackStream (https://neo4j.com/docs/bolt/current/packstream/) to edit the
// top-level map of a request message: skip any value, read strings and integers, encode
// strings, integers and map headers. Values the relay does not edit are copied as raw bytes.
// neo4j-driver has a full PackStream codec, but only as internal, unexported modules.

export class PackStreamError extends Error {
  override name = 'PackStreamError';
}

function need(buf: Buffer, offset: number, length: number): void {
  if (offset + length > buf.length) throw new PackStreamError('PackStream value runs past the end of its message');
}

function readLength(buf: Buffer, offset: number, width: 1 | 2 | 4): number {
  need(buf, offset, width);
  return width === 1 ? buf.readUInt8(offset) : width === 2 ? buf.readUInt16BE(offset) : buf.readUInt32BE(offset);
}

/** A container's marker: its kind, how many items (or bytes) it holds, where they start. */
function container(buf: Buffer, offset: number): { kind: 'string' | 'bytes' | 'list' | 'map' | 'struct'; size: number; start: number } | null {
  need(buf, offset, 1);
  const marker = buf[offset]!;
  const high = marker & 0xf0;
  if (high === 0x80) return { kind: 'string', size: marker & 0x0f, start: offset + 1 };
  if (high === 0x90) return { kind: 'list', size: marker & 0x0f, start: offset + 1 };
  if (high === 0xa0) return { kind: 'map', size: marker & 0x0f, start: offset + 1 };
  if (high === 0xb0) return { kind: 'struct', size: marker & 0x0f, start: offset + 2 }; // then the tag byte
  const sized: Record<number, ['string' | 'bytes' | 'list' | 'map', 1 | 2 | 4]> = {
    0xcc: ['bytes', 1], 0xcd: ['bytes', 2], 0xce: ['bytes', 4],
    0xd0: ['string', 1], 0xd1: ['string', 2], 0xd2: ['string', 4],
    0xd4: ['list', 1], 0xd5: ['list', 2], 0xd6: ['list', 4],
    0xd8: ['map', 1], 0xd9: ['map', 2], 0xda: ['map', 4],
  };
  const entry = sized[marker];
  if (!entry) return null;
  const [kind, width] = entry;
  return { kind, size: readLength(buf, offset + 1, width), start: offset + 1 + width };
}

/** Offset just past the value that starts at `offset`. */
export function skipValue(buf: Buffer, offset: number): number {
  need(buf, offset, 1);
  const marker = buf[offset]!;
  if (marker <= 0x7f || marker >= 0xf0 || marker === 0xc0 || marker === 0xc2 || marker === 0xc3) return offset + 1;
  const fixed: Record<number, number> = { 0xc1: 9, 0xc8: 2, 0xc9: 3, 0xca: 5, 0xcb: 9 };
  if (fixed[marker] !== undefined) {
    need(buf, offset, fixed[marker]);
    return offset + fixed[marker];
  }
  const c = container(buf, offset);
  if (!c) throw new PackStreamError(`Unknown PackStream marker 0x${marker.toString(16)}`);
  if (c.kind === 'string' || c.kind === 'bytes') {
    need(buf, c.start, c.size);
    return c.start + c.size;
  }
  let end = c.start;
  const values = c.kind === 'map' ? c.size * 2 : c.size;
  for (let i = 0; i < values; i++) end = skipValue(buf, end);
  return end;
}

export function readString(buf: Buffer, offset: number): { value: string; end: number } {
  const c = container(buf, offset);
  if (!c || c.kind !== 'string') throw new PackStreamError('Expected a PackStream string');
  need(buf, c.start, c.size);
  return { value: buf.toString('utf8', c.start, c.start + c.size), end: c.start + c.size };
}

/** The integer at `offset`, or undefined when the value there is not an integer. */
export function readInteger(buf: Buffer, offset: number): number | undefined {
  need(buf, offset, 1);
  const marker = buf[offset]!;
  if (marker <= 0x7f) return marker;
  if (marker >= 0xf0) return marker - 0x100;
  const widths: Record<number, number> = { 0xc8: 1, 0xc9: 2, 0xca: 4, 0xcb: 8 };
  const width = widths[marker];
  if (width === undefined) return undefined;
  need(buf, offset + 1, width);
  if (width === 1) return buf.readInt8(offset + 1);
  if (width === 2) return buf.readInt16BE(offset + 1);
  if (width === 4) return buf.readInt32BE(offset + 1);
  return Number(buf.readBigInt64BE(offset + 1));
}

/** The struct at `offset`: its tag and where its fields start. */
export function readStructHeader(buf: Buffer, offset: number): { tag: number; fields: number; start: number } {
  const c = container(buf, offset);
  if (!c || c.kind !== 'struct') throw new PackStreamError('Expected a PackStream structure');
  need(buf, offset + 1, 1);
  return { tag: buf[offset + 1]!, fields: c.size, start: c.start };
}

export interface MapEntry {
  key: string;
  /** Where the value starts and ends. */
  valueStart: number;
  end: number;
  /** Where the entry (key then value) starts. */
  start: number;
}

/** The entries of the map at `offset`, and where the map ends. */
export function readMap(buf: Buffer, offset: number): { entries: MapEntry[]; end: number } {
  const c = container(buf, offset);
  if (!c || c.kind !== 'map') throw new PackStreamError('Expected a PackStream map');
  const entries: MapEntry[] = [];
  let at = c.start;
  for (let i = 0; i < c.size; i++) {
    const key = readString(buf, at);
    const end = skipValue(buf, key.end);
    entries.push({ key: key.value, start: at, valueStart: key.end, end });
    at = end;
  }
  return { entries, end: at };
}

function header(size: number, tiny: number, markers: [number, number, number]): Buffer {
  if (size < 16) return Buffer.from([tiny | size]);
  if (size < 0x100) return Buffer.from([markers[0], size]);
  if (size < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = markers[1];
    b.writeUInt16BE(size, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = markers[2];
  b.writeUInt32BE(size, 1);
  return b;
}

export const encodeMapHeader = (size: number): Buffer => header(size, 0xa0, [0xd8, 0xd9, 0xda]);

export function encodeString(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([header(bytes.length, 0x80, [0xd0, 0xd1, 0xd2]), bytes]);
}

export function encodeInteger(value: number): Buffer {
  if (!Number.isSafeInteger(value)) throw new PackStreamError(`Not an integer: ${value}`);
  if (value >= -16 && value <= 0x7f) return Buffer.from([value & 0xff]);
  if (value >= -0x80 && value < 0x80) return Buffer.from([0xc8, value & 0xff]);
  if (value >= -0x8000 && value < 0x8000) {
    const b = Buffer.alloc(3);
    b[0] = 0xc9;
    b.writeInt16BE(value, 1);
    return b;
  }
  if (value >= -0x80000000 && value < 0x80000000) {
    const b = Buffer.alloc(5);
    b[0] = 0xca;
    b.writeInt32BE(value, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = 0xcb;
  b.writeBigInt64BE(BigInt(value), 1);
  return b;
}

/**
 * The map at `offset` re-encoded without the entries `drop` names, followed by `add` (each value
 * already encoded); the entries kept are copied byte for byte.
 */
export function editMap(buf: Buffer, offset: number, drop: ReadonlySet<string>, add: readonly [string, Buffer][]): { bytes: Buffer; end: number } {
  const { entries, end } = readMap(buf, offset);
  const kept = entries.filter((e) => !drop.has(e.key) && !add.some(([key]) => key === e.key));
  const parts = [encodeMapHeader(kept.length + add.length), ...kept.map((e) => buf.subarray(e.start, e.end))];
  for (const [key, value] of add) parts.push(encodeString(key), value);
  return { bytes: Buffer.concat(parts), end };
}
