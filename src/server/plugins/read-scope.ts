// Releases each request's read sessions (ApiContext.reads) once its response is ready.
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../../api/context.ts';

export function readScopePlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          await contextValue.reads.close();
        },
      };
    },
  };
}
