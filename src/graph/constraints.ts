import type { GraphDatabase } from './database.ts';

/**
 * Constraints and indexes of the graph model. Every statement is idempotent (IF NOT EXISTS),
 * so they are applied at each start.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type, n.subtype)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX figure_unit IF NOT EXISTS FOR (n:Figure) ON (n.unit)',
  'CREATE INDEX figure_article IF NOT EXISTS FOR (n:Figure) ON (n.articleId)',
  'CREATE INDEX figure_value IF NOT EXISTS FOR (n:Figure) ON (n.value)',
  'CREATE INDEX figure_published IF NOT EXISTS FOR (n:Figure) ON (n.publishedAt)',
  'CREATE INDEX figure_measure IF NOT EXISTS FOR (n:Figure) ON (n.measure, n.unit)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt)',
  // searchText holds names and aliases already folded (see graph/search.ts). No stop words: many
  // Vietnamese syllables fold to English stop words ("An", "Tổ", "Thế"), which must stay searchable.
  `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText]
   OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
];

export async function applySchema(db: GraphDatabase): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await db.runSchemaCommand(statement);
  await db.runSchemaCommand('CALL db.awaitIndexes(60)');
}
