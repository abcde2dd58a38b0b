// The annotated dev articles (a copy of shared/eval/dev in tests/fixtures/eval-dev).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureDevDir = path.join(repoRoot, 'tests/fixtures/eval-dev');
export const sharedDevDir = path.resolve(repoRoot, '../shared/eval/dev');
export const SEED = '000_687a69faaabc2526';

export interface DevArticle {
  name: string;
  text: string;
  gold: unknown;
}

export function devArticles(dir = fixtureDevDir): DevArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      return {
        name,
        text: readFileSync(path.join(dir, f), 'utf8'),
        gold: JSON.parse(readFileSync(path.join(dir, `${name}.gold.json`), 'utf8')) as unknown,
      };
    });
}
