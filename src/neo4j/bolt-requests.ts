// The client's side of a Bolt connection, rewritten on its way to Neo4j (used by bolt-relay.ts):
// - authentication (HELLO before Bolt 5.1, LOGON after) always becomes the read-only account's,
//   so a web page never holds a password that also works on the Bolt port;
// - every transaction (BEGIN, or RUN outside one) gets a timeout no longer than the relay's;
// - the handshake may not offer Bolt's version manifest (5.7+), whose extra exchange this parser
//   does not follow; the client then settles on a fixed version, as every client can.
// Everything else passes unchanged. Framing: https://neo4j.com/docs/bolt/current/bolt/message/
import type { Neo4jCredentials } from './credentials.ts';
import { editMap, encodeInteger, encodeString, readInteger, readMap, readStructHeader, skipValue } from './packstream.ts';

const HANDSHAKE_BYTES = 20; // magic 0x6060B017, then four 4-byte version proposals
const BOLT_MAGIC = 0x6060b017;
const MANIFEST_PROPOSAL = 0x000001ff;
const MAX_CHUNK = 0xffff;

const TAG = { HELLO: 0x01, RUN: 0x10, BEGIN: 0x11, LOGON: 0x6a } as const;
const AUTH_KEYS: ReadonlySet<string> = new Set(['scheme', 'principal', 'credentials', 'realm', 'parameters']);
const NO_KEYS: ReadonlySet<string> = new Set();

export class BoltRelayError extends Error {
  override name = 'BoltRelayError';
}

export interface RequestRules {
  credentials: Neo4jCredentials;
  /** Longest transaction a client may run, in ms. */
  maxTransactionMs: number;
  /** Largest message a client may send, in bytes. */
  maxMessageBytes: number;
}

function chunked(message: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < message.length; at += MAX_CHUNK) {
    const piece = message.subarray(at, Math.min(at + MAX_CHUNK, message.length));
    const size = Buffer.alloc(2);
    size.writeUInt16BE(piece.length);
    parts.push(size, piece);
  }
  parts.push(Buffer.alloc(2));
  return Buffer.concat(parts);
}

function authEntries(credentials: Neo4jCredentials): [string, Buffer][] {
  return [
    ['scheme', encodeString('basic')],
    ['principal', encodeString(credentials.username)],
    ['credentials', encodeString(credentials.password)],
  ];
}

/** The struct's field `field` (a map) replaced by `edit` of it. */
function withEditedMapField(message: Buffer, field: number, edit: (map: { buf: Buffer; offset: number }) => { bytes: Buffer; end: number }): Buffer {
  const struct = readStructHeader(message, 0);
  if (field >= struct.fields) return message;
  let at = struct.start;
  for (let i = 0; i < field; i++) at = skipValue(message, at);
  const { bytes, end } = edit({ buf: message, offset: at });
  return Buffer.concat([message.subarray(0, at), bytes, message.subarray(end)]);
}

function timeoutEntry(buf: Buffer, offset: number, maxMs: number): [string, Buffer] {
  const asked = readMap(buf, offset).entries.find((e) => e.key === 'tx_timeout');
  const value = asked ? readInteger(buf, asked.valueStart) : undefined;
  return ['tx_timeout', encodeInteger(value !== undefined && value > 0 ? Math.min(value, maxMs) : maxMs)];
}

/** One complete request message, rewritten by the rules. */
export function rewriteRequest(message: Buffer, rules: RequestRules): Buffer {
  const { tag } = readStructHeader(message, 0);
  switch (tag) {
    case TAG.HELLO: {
      // Before 5.1 HELLO carries the authentication; from 5.1 on it must not.
      const carriesAuth = readMap(message, readStructHeader(message, 0).start).entries.some((e) => e.key === 'scheme');
      if (!carriesAuth) return message;
      return withEditedMapField(message, 0, ({ buf, offset }) => editMap(buf, offset, AUTH_KEYS, authEntries(rules.credentials)));
    }
    case TAG.LOGON:
      return withEditedMapField(message, 0, ({ buf, offset }) => editMap(buf, offset, AUTH_KEYS, authEntries(rules.credentials)));
    case TAG.BEGIN:
      return withEditedMapField(message, 0, ({ buf, offset }) => editMap(buf, offset, NO_KEYS, [timeoutEntry(buf, offset, rules.maxTransactionMs)]));
    case TAG.RUN:
      return withEditedMapField(message, 2, ({ buf, offset }) => editMap(buf, offset, NO_KEYS, [timeoutEntry(buf, offset, rules.maxTransactionMs)]));
    default:
      return message;
  }
}

/** Feeds on the bytes a client sends, in any slicing, and returns the bytes to pass to Neo4j. */
export class BoltRequestStream {
  private buffered: Buffer = Buffer.alloc(0);
  private handshaken = false;
  private message: Buffer[] = [];
  private messageBytes = 0;

  constructor(private readonly rules: RequestRules) {}

  push(data: Buffer): Buffer {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, data]) : data;
    const out: Buffer[] = [];
    if (!this.handshaken) {
      if (this.buffered.length < HANDSHAKE_BYTES) return Buffer.alloc(0);
      out.push(this.handshake(this.buffered.subarray(0, HANDSHAKE_BYTES)));
      this.buffered = this.buffered.subarray(HANDSHAKE_BYTES);
      this.handshaken = true;
    }
    while (this.buffered.length >= 2) {
      const size = this.buffered.readUInt16BE(0);
      if (this.buffered.length < 2 + size) break;
      const chunk = this.buffered.subarray(2, 2 + size);
      this.buffered = this.buffered.subarray(2 + size);
      if (size > 0) {
        this.messageBytes += size;
        if (this.messageBytes > this.rules.maxMessageBytes) {
          throw new BoltRelayError(`Bolt message larger than ${this.rules.maxMessageBytes} bytes`);
        }
        this.message.push(chunk);
      } else if (this.message.length === 0) {
        out.push(Buffer.alloc(2)); // a NOOP keep-alive between messages
      } else {
        out.push(chunked(rewriteRequest(Buffer.concat(this.message), this.rules)));
        this.message = [];
        this.messageBytes = 0;
      }
    }
    return out.length === 1 ? out[0]! : Buffer.concat(out);
  }

  private handshake(bytes: Buffer): Buffer {
    if (bytes.readUInt32BE(0) !== BOLT_MAGIC) throw new BoltRelayError('Not a Bolt handshake');
    const copy = Buffer.from(bytes);
    for (let at = 4; at < HANDSHAKE_BYTES; at += 4) {
      if (copy.readUInt32BE(at) === MANIFEST_PROPOSAL) copy.writeUInt32BE(0, at);
    }
    return copy;
  }
}
