// `npm run neo4j:prepare`: builds the embedded Neo4j launcher ahead of the first start (CI does).
// A script of its own: a module that also runs itself when it is the entry point would run inside
// the server bundle too, whose every module has the bundle's entry URL.
import path from 'node:path';
import { CLASSES_DIR, prepareEmbeddedNeo4j } from './prepare.ts';

const started = Date.now();
prepareEmbeddedNeo4j().then(
  ({ classpath }) => {
    const jars = classpath.split(path.delimiter).length - 1;
    process.stderr.write(`[neo4j:prepare] ok: ${CLASSES_DIR} + ${jars} jars (${Date.now() - started} ms)\n`);
  },
  (error: unknown) => {
    process.stderr.write(`[neo4j:prepare] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
