// Write access: mutations need the server's API key (VNKG_API_KEY); without one they are off.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors.ts';

export type WriteAccess = 'disabled' | 'denied' | 'granted';

function presentedKey(headers: IncomingHttpHeaders): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1]!.trim();
  const header = headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : null;
}

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function writeAccessFor(headers: IncomingHttpHeaders, apiKey: string | undefined): WriteAccess {
  if (!apiKey) return 'disabled';
  const key = presentedKey(headers);
  return key !== null && sameKey(key, apiKey) ? 'granted' : 'denied';
}

export function requireWriteAccess(access: WriteAccess): void {
  if (access === 'granted') return;
  const message =
    access === 'disabled'
      ? 'Mutations are disabled on this server: it has no VNKG_API_KEY configured.'
      : 'This mutation needs the API key: send it as "Authorization: Bearer KEY" or "x-api-key: KEY".';
  throw new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}
