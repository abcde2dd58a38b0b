// Bolt over WebSocket for web clients (Neo4j Browser at /browser), relayed to Neo4j's plain Bolt
// port: the embedded Neo4j keeps WebSocket off, and every request is rewritten on the way
// (bolt-requests.ts) so that it runs as the read-only account with a bounded transaction time.
import net from 'node:net';
import type { WebSocket } from 'ws';
import type { Neo4jCredentials } from './credentials.ts';
import { BoltRequestStream } from './bolt-requests.ts';

export interface BoltRelayTarget {
  /** bolt://host:port of the Neo4j to relay to. */
  uri: string;
  /** The account every relayed connection logs in as (the read-only `reader`). */
  credentials: Neo4jCredentials;
  maxTransactionMs: number;
  maxMessageBytes: number;
}

/** WebSocket close code for a client that broke the protocol (RFC 6455). */
const PROTOCOL_ERROR = 1002;

export function relayBolt(socket: WebSocket, target: BoltRelayTarget, log: (message: string, error?: unknown) => void): void {
  const { hostname, port } = new URL(target.uri);
  const requests = new BoltRequestStream({
    credentials: target.credentials,
    maxTransactionMs: target.maxTransactionMs,
    maxMessageBytes: target.maxMessageBytes,
  });
  const neo4j = net.connect({ host: hostname, port: Number(port) });
  const early: Buffer[] = [];

  const toNeo4j = (data: Buffer) => {
    if (neo4j.connecting) early.push(data);
    else neo4j.write(data);
  };
  neo4j.once('connect', () => {
    for (const data of early.splice(0)) neo4j.write(data);
  });
  neo4j.on('data', (data) => socket.send(data, { binary: true }));
  neo4j.on('error', (error) => {
    log('Bolt relay: Neo4j connection failed', error);
    socket.close(1011, 'Neo4j is not reachable');
  });
  neo4j.on('close', () => socket.close());

  socket.on('message', (data, isBinary) => {
    if (!isBinary) {
      socket.close(PROTOCOL_ERROR, 'Bolt over WebSocket is binary');
      return;
    }
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    try {
      const out = requests.push(bytes);
      if (out.length) toNeo4j(out);
    } catch (error) {
      log('Bolt relay: refused a client message', error);
      socket.close(PROTOCOL_ERROR, error instanceof Error ? error.message.slice(0, 120) : 'Bolt protocol error');
      neo4j.destroy();
    }
  });
  socket.on('close', () => neo4j.end());
  socket.on('error', () => neo4j.destroy());
}
