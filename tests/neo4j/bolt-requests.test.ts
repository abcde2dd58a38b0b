// The Bolt relay's request rewriting (src/neo4j/bolt-requests.ts, packstream.ts), byte-level:
// authentication always becomes the read-only account's, transactions get the relay's timeout
// at most, everything else passes unchanged, in any slicing of the stream.
import { describe, expect, it } from 'vitest';
import { BoltRelayError, BoltRequestStream, rewriteRequest } from '../../src/neo4j/bolt-requests.ts';
import { editMap, encodeInteger, encodeMapHeader, encodeString, readInteger, readMap, readString, readStructHeader, skipValue } from '../../src/neo4j/packstream.ts';

const READER = { username: 'reader', password: 'reader-secret' };
const RULES = { credentials: READER, maxTransactionMs: 30_000, maxMessageBytes: 64 * 1024 };

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** A test-side PackStream encoder for the values a request carries. */
function pack(value: Value): Buffer {
  if (value === null) return Buffer.from([0xc0]);
  if (value === true) return Buffer.from([0xc3]);
  if (value === false) return Buffer.from([0xc2]);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return encodeInteger(value);
    const b = Buffer.alloc(9);
    b[0] = 0xc1;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (typeof value === 'string') return encodeString(value);
  if (Array.isArray(value)) {
    if (value.length >= 16) throw new Error('test encoder: tiny lists only');
    return Buffer.concat([Buffer.from([0x90 | value.length]), ...value.map(pack)]);
  }
  const entries = Object.entries(value);
  return Buffer.concat([encodeMapHeader(entries.length), ...entries.flatMap(([k, v]) => [encodeString(k), pack(v)])]);
}

const struct = (tag: number, ...fields: Value[]) => Buffer.concat([Buffer.from([0xb0 | fields.length, tag]), ...fields.map(pack)]);

/** The map field `index` of a message, decoded to key → raw value start (strings and ints read). */
function mapField(message: Buffer, index: number): Record<string, string | number | undefined> {
  let at = readStructHeader(message, 0).start;
  for (let i = 0; i < index; i++) at = skipValue(message, at);
  const out: Record<string, string | number | undefined> = {};
  for (const e of readMap(message, at).entries) {
    const marker = message[e.valueStart]!;
    out[e.key] = (marker & 0xf0) === 0x80 || (marker >= 0xd0 && marker <= 0xd2) ? readString(message, e.valueStart).value : readInteger(message, e.valueStart);
  }
  return out;
}

function frame(message: Buffer): Buffer {
  const size = Buffer.alloc(2);
  size.writeUInt16BE(message.length);
  return Buffer.concat([size, message, Buffer.alloc(2)]);
}

/** Splits a framed stream back into messages. */
function unframe(bytes: Buffer): Buffer[] {
  const messages: Buffer[] = [];
  let current: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = bytes.readUInt16BE(at);
    if (size === 0) {
      if (current.length) messages.push(Buffer.concat(current));
      current = [];
    } else current.push(bytes.subarray(at + 2, at + 2 + size));
    at += 2 + size;
  }
  return messages;
}

const HANDSHAKE = Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 0, 1, 0xff, 0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 0, 3]);

describe('PackStream', () => {
  it('skips every kind of value, nested, to the byte', () => {
    const value: Value = { a: [1, -5, 300, -70_000, 5_000_000_000, 1.5, null, true, 'ü'.repeat(20)], b: { c: 'x'.repeat(300) }, d: [] };
    const bytes = Buffer.concat([pack(value), Buffer.from([0x2a])]);
    expect(skipValue(bytes, 0)).toBe(bytes.length - 1);
  });

  it('reads back the integers it encodes at every width', () => {
    for (const n of [0, 127, -16, -17, -128, 128, -32768, 32767, 65_536, -2_147_483_648, 2 ** 40, -(2 ** 40)]) {
      expect(readInteger(encodeInteger(n), 0)).toBe(n);
    }
  });

  it('refuses a value that runs past its message', () => {
    expect(() => skipValue(encodeString('hello').subarray(0, 3), 0)).toThrow(/past the end/);
  });

  it('edits a map: drops and adds entries, copies the others byte for byte', () => {
    const map = pack({ keep: [1, 2, { deep: 'x' }], drop: 'y', replace: 1 });
    const { bytes } = editMap(map, 0, new Set(['drop']), [['replace', encodeInteger(2)], ['new', encodeString('z')]]);
    expect(bytes.equals(pack({ keep: [1, 2, { deep: 'x' }], replace: 2, new: 'z' }))).toBe(true);
  });
});

describe('Bolt request rewriting', () => {
  it('logs every client in as the read-only account, whatever it sent (LOGON, Bolt 5.1+)', () => {
    for (const auth of [{ scheme: 'none' } as Record<string, Value>, { scheme: 'basic', principal: 'neo4j', credentials: 'guess' }, { scheme: 'bearer', credentials: 'token' }]) {
      const out = rewriteRequest(struct(0x6a, auth), RULES);
      expect(mapField(out, 0)).toEqual({ scheme: 'basic', principal: 'reader', credentials: 'reader-secret' });
    }
  });

  it('rewrites the authentication HELLO carries before Bolt 5.1, and keeps its other entries', () => {
    const out = rewriteRequest(struct(0x01, { user_agent: 'neo4j-browser/5.24', scheme: 'none', routing: null }), RULES);
    expect(mapField(out, 0)).toMatchObject({ user_agent: 'neo4j-browser/5.24', scheme: 'basic', principal: 'reader', credentials: 'reader-secret' });
    // From 5.1 on HELLO has no authentication, and gets none.
    const modern = struct(0x01, { user_agent: 'x', bolt_agent: { product: 'x' } });
    expect(rewriteRequest(modern, RULES).equals(modern)).toBe(true);
  });

  it('bounds every transaction by the relay timeout, keeping a shorter one the client asked for', () => {
    const run = (extra: Record<string, Value>) => mapField(rewriteRequest(struct(0x10, 'MATCH (n) RETURN n', { p: 1 }, extra), RULES), 2)['tx_timeout'];
    expect(run({})).toBe(30_000);
    expect(run({ tx_timeout: 5_000 })).toBe(5_000);
    expect(run({ tx_timeout: 600_000 })).toBe(30_000);
    expect(run({ tx_timeout: 0 })).toBe(30_000); // 0 means "no timeout" to Neo4j
    const begin = rewriteRequest(struct(0x11, { db: 'neo4j', mode: 'r' }), RULES);
    expect(mapField(begin, 0)).toEqual({ db: 'neo4j', mode: 'r', tx_timeout: 30_000 });
    // The query and its parameters are untouched.
    const out = rewriteRequest(struct(0x10, 'RETURN $p', { p: 'ü' }, {}), RULES);
    expect(readString(out, 2).value).toBe('RETURN $p');
  });

  it('passes other messages unchanged', () => {
    for (const message of [struct(0x3f, { n: 1000 }), struct(0x12), struct(0x13), struct(0x02), struct(0x6b)]) {
      expect(rewriteRequest(message, RULES).equals(message)).toBe(true);
    }
  });

  it('reassembles a stream sliced anywhere, strips the version manifest, keeps NOOPs', () => {
    const messages = [struct(0x01, { user_agent: 'x' }), struct(0x6a, { scheme: 'none' }), struct(0x10, 'RETURN 1', {}, {}), struct(0x3f, { n: -1 })];
    const stream = Buffer.concat([HANDSHAKE, frame(messages[0]!), frame(messages[1]!), Buffer.alloc(2), frame(messages[2]!), frame(messages[3]!)]);
    for (const sliceSize of [1, 3, 7, stream.length]) {
      const requests = new BoltRequestStream(RULES);
      const out: Buffer[] = [];
      for (let at = 0; at < stream.length; at += sliceSize) out.push(requests.push(stream.subarray(at, at + sliceSize)));
      const all = Buffer.concat(out);
      expect(all.subarray(0, 20).equals(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 0, 0, 0, 0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 0, 3]))).toBe(true);
      const relayed = unframe(all.subarray(20));
      expect(relayed).toHaveLength(4);
      expect(mapField(relayed[1]!, 0)['principal']).toBe('reader');
      expect(mapField(relayed[2]!, 2)['tx_timeout']).toBe(30_000);
      expect(relayed[3]!.equals(messages[3]!)).toBe(true);
      expect(all.subarray(20).includes(Buffer.from([0, 0, 0, 0]))).toBe(true); // the NOOP after LOGON
    }
  });

  it('re-chunks a message larger than one chunk', () => {
    const big = struct(0x10, 'RETURN $p', { p: 'x'.repeat(70_000) }, {});
    const requests = new BoltRequestStream({ ...RULES, maxMessageBytes: 1024 * 1024 });
    const chunks = [HANDSHAKE];
    for (let at = 0; at < big.length; at += 0xffff) {
      const piece = big.subarray(at, at + 0xffff);
      const size = Buffer.alloc(2);
      size.writeUInt16BE(piece.length);
      chunks.push(size, piece);
    }
    chunks.push(Buffer.alloc(2));
    const [relayed] = unframe(requests.push(Buffer.concat(chunks)).subarray(20));
    expect(mapField(relayed!, 2)['tx_timeout']).toBe(30_000);
    expect(relayed!.length).toBeGreaterThan(0xffff);
  });

  it('refuses what is not Bolt, and a message over the size limit', () => {
    expect(() => new BoltRequestStream(RULES).push(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))).toThrow(BoltRelayError);
    const requests = new BoltRequestStream({ ...RULES, maxMessageBytes: 100 });
    const big = struct(0x10, 'x'.repeat(200), {}, {});
    expect(() => requests.push(Buffer.concat([HANDSHAKE, frame(big)]))).toThrow(/larger than 100 bytes/);
  });
});
