import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SEED_FILE = path.join(REPO_ROOT, 'seeds/000_687a69faaabc2526.txt');
export const seedText = (): string => readFileSync(SEED_FILE, 'utf8');
