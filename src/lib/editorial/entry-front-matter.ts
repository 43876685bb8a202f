/**
 * Every entry's front matter as plain data, read leniently: no schema, and a file whose front
 * matter does not parse is passed over. For the commands that must go on while an entry is
 * half-written (ingest, the classifier, `new-entry`); `npm run check` is what reports it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseYamlSource, splitFrontMatter } from './yaml-source.ts';

export interface EntryFrontMatter {
  /** The file name, `2025-11-03-….md`. */
  name: string;
  /** Its path. */
  file: string;
  data: Record<string, unknown>;
}

/** In file-name order, so whatever reads them answers the same way every run. */
export function readEntryFrontMatter(entriesDir: string): EntryFrontMatter[] {
  if (!fs.existsSync(entriesDir)) return [];
  const out: EntryFrontMatter[] = [];
  for (const name of fs.readdirSync(entriesDir).sort()) {
    if (!name.endsWith('.md')) continue;
    const file = path.join(entriesDir, name);
    const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'));
    const value = fm && parseYamlSource(fm.yaml).value;
    if (value && typeof value === 'object' && !Array.isArray(value))
      out.push({ name, file, data: value as Record<string, unknown> });
  }
  return out;
}
