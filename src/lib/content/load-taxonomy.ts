/**
 * Reads companies and regions straight from content/ so that code running outside Astro (scripts,
 * the classifier, and the entry schema's reference checks) sees the same taxonomy the site does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { contentDir } from './paths.ts';
import type { Vocabulary } from './entry.ts';
import { companySchema, regionSchema, type Company, type Region } from './taxonomy.ts';

export class ContentError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
    this.name = 'ContentError';
  }
}

/** `path: field — problem` lines for every issue in a failed parse. */
export function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'} — ${i.message}`);
}

function readYamlDir<S extends z.ZodType>(
  dir: string,
  schema: S,
): { id: string; file: string; data: z.output<S> }[] {
  const problems: string[] = [];
  const rows: { id: string; file: string; data: z.output<S> }[] = [];
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const name of files) {
    const file = path.join(dir, name);
    const rel = path.relative(process.cwd(), file);
    let raw: unknown;
    try {
      raw = parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${rel}: (file) — is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const result = schema.safeParse(raw);
    if (result.success)
      rows.push({ id: name.replace(/\.ya?ml$/, '').toLowerCase(), file: rel, data: result.data });
    else problems.push(...describeIssues(rel, result.error));
  }
  if (problems.length) throw new ContentError(problems);
  return rows;
}

export interface Taxonomy {
  companies: Company[];
  regions: Region[];
}

const cache = new Map<string, Taxonomy>();

export function loadTaxonomy(root = contentDir()): Taxonomy {
  const hit = cache.get(root);
  if (hit) return hit;
  const companies = readYamlDir(path.join(root, 'companies'), companySchema).map((r) => ({
    ...r.data,
    id: r.id,
  }));
  const regions = readYamlDir(path.join(root, 'regions'), regionSchema).map((r) => ({
    ...r.data,
    id: r.id,
  }));
  const taxonomy = { companies, regions };
  cache.set(root, taxonomy);
  return taxonomy;
}

export function vocabulary(t: Taxonomy): Vocabulary {
  return {
    companyIds: t.companies.map((c) => c.id),
    regionCodes: t.regions.map((r) => r.code),
    blocsOf: new Map(t.regions.map((r) => [r.code, r.memberOf])),
  };
}
