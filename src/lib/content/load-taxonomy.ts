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
import { allCountries } from '../taxonomy/countries.ts';
import {
  companySchema,
  regionGroupsSchema,
  regionSchema,
  type Company,
  type Region,
  type RegionGroup,
} from './taxonomy.ts';

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
  for (const name of files)
    try {
      const { rel, data } = readYamlFile(path.join(dir, name), schema, null);
      rows.push({ id: name.replace(/\.ya?ml$/, '').toLowerCase(), file: rel, data });
    } catch (e) {
      // Every file's problems at once, so one run of the check lists them all.
      if (!(e instanceof ContentError)) throw e;
      problems.push(...e.problems);
    }
  if (problems.length) throw new ContentError(problems);
  return rows;
}

export interface Taxonomy {
  companies: Company[];
  /** content/regions/ with every other ISO country added, and every country's names in every language (`countryNames`). */
  regions: Region[];
  /** content/region-groups.yaml: names that stand for several regions at once ("G7"). */
  groups?: RegionGroup[];
}

/**
 * One YAML file read by its schema, `empty` standing for a missing file or one of comments only;
 * a file that does not parse or fit throws a ContentError naming the file and the field.
 */
export function readYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  empty: unknown,
): { rel: string; data: z.output<S> } {
  const rel = path.relative(process.cwd(), file) || file;
  let raw: unknown = empty;
  if (fs.existsSync(file))
    try {
      raw = parse(fs.readFileSync(file, 'utf8')) ?? empty;
    } catch (e) {
      throw new ContentError([
        `${rel}: (file) — is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
      ]);
    }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ContentError(describeIssues(rel, result.error));
  return { rel, data: result.data };
}

/**
 * The groups file, each member checked against the regions: an unknown code fails with the file,
 * the group and the fix rather than placing stories nowhere. No file means no groups.
 */
export function readRegionGroups(file: string, regions: readonly Region[]): RegionGroup[] {
  const { rel, data } = readYamlFile(file, regionGroupsSchema, []);
  const known = new Set(regions.map((r) => r.code));
  const problems = data.flatMap((g, i) =>
    g.members
      .map((code, j) => [code, j] as const)
      .filter(([code]) => !known.has(code))
      .map(
        ([code, j]) =>
          `${rel}: ${i}.members.${j} — ${g.name} lists ${code}, which is no region: use a code from content/regions/ or an ISO 3166-1 country code`,
      ),
  );
  if (problems.length) throw new ContentError(problems);
  return data;
}

/**
 * The editors' regions with every country the data packages know: a country with a file keeps
 * the file's name, regulators, laws, blocs and languages and gains the packages' names for it
 * (and their languages, where the file gives none); one without gets a region of its own with no
 * bloc.
 */
export function withAllCountries(fromFiles: readonly Region[]): Region[] {
  const all = allCountries();
  // A name the packages give to several countries ("Dutch": the Netherlands, Aruba, Curaçao…)
  // belongs to the one sovereign state among them; if none or several, it would place a story
  // nowhere, and only an editor's alias can settle it. A demonym is settled so within its language.
  const owners = new Map<string, string[]>();
  const own = (key: string, code: string) => owners.set(key, [...(owners.get(key) ?? []), code]);
  for (const c of all) {
    for (const n of new Set([c.name, ...c.aliases])) own(n, c.code);
    for (const [language, forms] of Object.entries(c.demonyms))
      for (const f of forms) own(`${language}:${f}`, c.code);
  }
  const independent = new Set(all.filter((c) => c.independent).map((c) => c.code));
  const ownedBy = (key: string, code: string) => {
    const list = owners.get(key)!;
    const sovereign = list.filter((x) => independent.has(x));
    return list.length === 1 || (sovereign.length === 1 && sovereign[0] === code);
  };
  const countries = new Map(
    all.map((c) => [
      c.code,
      {
        ...c,
        aliases: c.aliases.filter((n) => ownedBy(n, c.code)),
        demonyms: Object.fromEntries(
          Object.entries(c.demonyms)
            .map(([language, forms]): [string, string[]] => [
              language,
              forms.filter((f) => ownedBy(`${language}:${f}`, c.code)),
            ])
            .filter(([, forms]) => forms.length),
        ),
      },
    ]),
  );
  const out = fromFiles.map((r) => {
    const c = countries.get(r.code);
    return c
      ? {
          ...r,
          countryNames: [c.name, ...c.aliases],
          countryDemonyms: c.demonyms,
          languages: r.languages ?? c.languages,
        }
      : r;
  });
  const known = new Set(fromFiles.map((r) => r.code));
  for (const c of countries.values())
    if (!known.has(c.code))
      out.push({
        id: c.code.toLowerCase(),
        code: c.code,
        name: c.name,
        aliases: [],
        countryNames: c.aliases,
        countryDemonyms: c.demonyms,
        languages: c.languages,
        regulators: [],
        laws: [],
        memberOf: [],
      });
  return out;
}

/**
 * The site's regions: those with a file, and each other country an item is filed under, so every
 * badge has a page to link to without a page for each of the world's 250 countries.
 */
export function regionsInUse(fromFiles: readonly Region[], used: Iterable<string>): Region[] {
  const have = new Set(fromFiles.map((r) => r.code));
  const missing = new Set([...used].filter((c) => !have.has(c)));
  if (!missing.size) return [...fromFiles];
  return [...fromFiles, ...withAllCountries([]).filter((r) => missing.has(r.code))];
}

const cache = new Map<string, Taxonomy>();

export function loadTaxonomy(root = contentDir()): Taxonomy {
  const hit = cache.get(root);
  if (hit) return hit;
  const companies = readYamlDir(path.join(root, 'companies'), companySchema).map((r) => ({
    ...r.data,
    id: r.id,
  }));
  const regions = withAllCountries(
    readYamlDir(path.join(root, 'regions'), regionSchema).map((r) => ({ ...r.data, id: r.id })),
  );
  const groups = readRegionGroups(path.join(root, 'region-groups.yaml'), regions);
  const taxonomy = { companies, regions, groups };
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
