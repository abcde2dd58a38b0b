// Which failures of Neo4j tell a client "retry later", and in which words.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, unavailableMessage } from '../../src/graph/availability.ts';

const neo4jError = (code: string) => new Neo4jError(`failure ${code}`, code, '50N42', 'error: general processing exception');

describe('database availability', () => {
  it('tells an unreachable database, a full transaction memory pool and other transient failures apart', () => {
    expect(unavailableMessage(neo4jError('ServiceUnavailable'))).toMatch(/not reachable/);
    expect(unavailableMessage(neo4jError('Neo.TransientError.General.DatabaseUnavailable'))).toMatch(/not reachable/);
    expect(unavailableMessage(neo4jError('Neo.TransientError.General.MemoryPoolOutOfMemoryError'))).toMatch(/no memory left for this request/);
    expect(unavailableMessage(neo4jError('Neo.TransientError.Transaction.DeadlockDetected'))).toMatch(/transient failure/);
  });

  it('leaves a failure of the request itself to the caller', () => {
    for (const error of [neo4jError('Neo.ClientError.Statement.SyntaxError'), new Error('ServiceUnavailable'), null, 'down']) {
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(unavailableMessage(error)).toBeNull();
    }
  });
});
