/**
 * `npm run check`, minus the printing: reads every file in content/, validates each with the
 * schema the site uses, runs the checks that span files, and returns every problem found.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { articleSchema, type Article } from '../content/article.ts';
import type { Vocabulary } from '../content/entry.ts';
import { classifierRulesSchema } from '../classify/rules.ts';
import { feedsFileSchema } from '../content/feeds.ts';
import { overridesSchema, type Overrides } from '../content/overrides.ts';
import { contentDir } from '../content/paths.ts';
import { primarySourcesSchema, type PrimarySources } from '../content/primary-sources.ts';
import { companySchema, regionGroupsSchema, regionSchema } from '../content/taxonomy.ts';
import { healthReportSchema } from '../ingest/health.ts';
import { loadModel } from '../classify/model.ts';
import { loadReviewLabels } from '../classify/review-labels.ts';
import { ContentError, withAllCountries } from '../content/load-taxonomy.ts';
import { setAsideDirFor, setAsideSchema } from '../ingest/set-aside.ts';
import { applyOverrides } from '../timeline/items.ts';
import { checkEntry, type CheckedEntry } from './check-entry.ts';
import { duplicateEntries, entryArticleLinks, statusForUnnamedRegion } from './cross-checks.ts';
import { displayPath } from './display-path.ts';
import { fixFor, type FileKind } from './fixes.ts';
import { type Problem, sortProblems } from './problem.ts';
import { sourceWarnings } from './source-checks.ts';
import {
  confirmationProblems,
  staleStatusesOf,
  staleStatusWarnings,
  type CheckNames,
  type NamedStaleStatus,
} from './status-checks.ts';
import { syntaxProblems, validateValue } from './validate-file.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface CheckReport {
  /** Mistakes a person must fix: any of these fails the check and stops the update. */
  problems: Problem[];
  /**
   * Findings worth an editor's attention that must not stop the update (a stale status, a
   * machine-made clash ingest could not resolve): printed, never failing.
   */
  warnings: Problem[];
  /**
   * The statuses not set or confirmed for twelve months (also among the warnings), with company
   * and region names, for reports such as the scheduled update's summary.
   */
  staleStatuses: NamedStaleStatus[];
  /** How many files of each sort were read. */
  counts: { entries: number; companies: number; regions: number; articles: number; feeds: number };
}

const list = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
const sorted = (vs: Iterable<string>) => [...vs].sort().join(', ');

function notRead(file: string, expected: string): Problem {
  return {
    file,
    field: '(file name)',
    problem: `is not read by the site: only ${expected} files are`,
    fix: `rename it to end in ${expected}, or move it out of content/`,
  };
}

/** Where the files are, how a path is shown, and where problems go: shared by every check below. */
interface Context {
  root: string;
  show: (abs: string) => string;
  problems: Problem[];
  warnings: Problem[];
}

const read = (abs: string) => fs.readFileSync(abs, 'utf8');

/** The files in `dir` the site reads; any other file (bar hidden ones) is reported as unread. */
function readFiles({ show, problems }: Context, dir: string, ext: RegExp, expected: string) {
  const files: { name: string; abs: string; file: string }[] = [];
  for (const name of list(dir)) {
    const abs = path.join(dir, name);
    const file = show(abs);
    if (ext.test(name)) files.push({ name, abs, file });
    else if (!name.startsWith('.')) problems.push(notRead(file, expected));
  }
  return files;
}

export function checkContent(
  root = contentDir(),
  today = new Date(),
  cwd = process.cwd(),
): CheckReport {
  const ctx: Context = {
    root,
    show: (abs) => displayPath(abs, cwd),
    problems: [],
    warnings: [],
  };

  // Companies and regions first: every other file is checked against them.
  const companies = checkCompanies(ctx);
  const regions = checkRegions(ctx);
  const vocab: Vocabulary = {
    companyIds: [...companies.ids],
    regionCodes: [...regions.codes],
    blocsOf: regions.blocsOf,
  };

  const names: CheckNames = {
    company: (id) => companies.names.get(id) ?? id,
    region: (code) => regions.names.get(code) ?? code,
  };

  const feedCount = checkFeedsFile(ctx, vocab);
  checkClassifierFile(ctx);
  checkHealthFile(ctx);
  const articles = checkArticles(ctx, companies.ids, regions.codes);
  ctx.warnings.push(...proposedCompanyWarnings(articles.valid, companies.ids, ctx));
  checkSetAside(ctx);
  const overrides = checkOverrides(ctx, articles.valid, companies.ids, regions.codes);
  checkRegionGroups(ctx, regions.codes);
  const entries = checkEntries(ctx, vocab, today);
  const primarySources = checkPrimarySources(ctx, vocab);

  // Stories as corrected by editors; hidden articles still exist, so entries may cite them.
  const corrected = applyOverrides(
    articles.valid,
    {
      articles: Object.fromEntries(
        Object.entries(overrides.articles).map(([id, o]) => [id, { ...o, hide: false }]),
      ),
    },
    regions.blocsOf,
  );
  ctx.problems.push(
    ...duplicateEntries(entries.valid),
    ...entryArticleLinks(entries.valid, corrected),
    ...confirmationProblems(entries.valid, names),
    ...statusForUnnamedRegion(entries.valid, regions.unnamed),
  );
  const stale = staleStatusesOf(entries.valid, today, names);
  ctx.warnings.push(
    ...sourceWarnings(entries.valid, primarySources),
    ...staleStatusWarnings(entries.valid, stale),
  );

  return {
    problems: sortProblems(ctx.problems),
    warnings: sortProblems(ctx.warnings),
    staleStatuses: stale,
    counts: {
      entries: entries.count,
      companies: companies.count,
      regions: regions.count,
      articles: articles.count,
      feeds: feedCount,
    },
  };
}

function checkCompanies(ctx: Context) {
  const { problems } = ctx;
  const ids = new Set<string>();
  const names = new Map<string, string>();
  const parents: { file: string; line: number | undefined; parent: string }[] = [];
  const products = new Map<string, string>();
  const builtIn: {
    file: string;
    id: string;
    line: number | undefined;
    index: number;
    product: string;
  }[] = [];
  const files = readFiles(ctx, path.join(ctx.root, 'companies'), /\.ya?ml$/, '.yaml');
  for (const { name, abs, file } of files) {
    const id = name.replace(/\.ya?ml$/, '');
    ids.add(id.toLowerCase());
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
      problems.push({
        file,
        field: '(file name)',
        problem: `"${id}" cannot be a company id`,
        fix: 'name the file after the company in lowercase with dashes, e.g. stack-overflow.yaml',
      });
    const src = parseYamlSource(read(abs));
    if (src.errors.length) {
      problems.push(...syntaxProblems(file, src));
      continue;
    }
    const { problems: found, data } = validateValue(file, 'company', src, companySchema);
    problems.push(...found);
    if (data) names.set(id.toLowerCase(), data.name);
    if (data?.parent) parents.push({ file, line: src.lineOf(['parent']), parent: data.parent });
    for (const p of data?.products ?? []) products.set(p, id.toLowerCase());
    data?.builtIn.forEach((product, i) =>
      builtIn.push({
        file,
        id: id.toLowerCase(),
        line: src.lineOf(['builtIn', i]),
        index: i,
        product,
      }),
    );
  }
  // Only now is every id known: a parent may sort after its subsidiary.
  for (const p of parents)
    if (!ids.has(p.parent))
      problems.push({
        file: p.file,
        line: p.line,
        field: 'parent',
        problem: `unknown company id "${p.parent}"; valid values: ${sorted(ids)}`,
        fix: fixFor('company', ['parent']),
      });
  for (const b of builtIn) {
    const maker = products.get(b.product);
    if (!maker || maker === b.id)
      problems.push({
        file: b.file,
        line: b.line,
        field: `builtIn[${b.index}]`,
        problem: maker
          ? `"${b.product}" is this company's own product; built-in products are other companies'`
          : `"${b.product}" is in no company's products, so it would name no maker`,
        fix: fixFor('company', ['builtIn']),
      });
  }
  return { ids, names, count: files.length };
}

function checkRegions(ctx: Context) {
  const { problems } = ctx;
  const codes = new Set<string>();
  const names = new Map<string, string>();
  const blocsOf = new Map<string, string[]>();
  /** Region code → its file, for regions whose file gives no usable name. */
  const unnamed = new Map<string, string>();
  const memberships: { file: string; line: number | undefined; bloc: string; i: number }[] = [];
  const files = readFiles(ctx, path.join(ctx.root, 'regions'), /\.ya?ml$/, '.yaml');
  for (const { name, abs, file } of files) {
    const fromName = name.replace(/\.ya?ml$/, '').toUpperCase();
    const src = parseYamlSource(read(abs));
    // A broken region file still names its region, so entries using it are not also reported.
    if (src.errors.length) {
      codes.add(fromName);
      problems.push(...syntaxProblems(file, src));
      continue;
    }
    const { problems: found, data } = validateValue(file, 'region', src, regionSchema);
    problems.push(...found);
    if (!data) {
      codes.add(fromName);
      if (found.some((p) => p.field === 'name')) unnamed.set(fromName, file);
      continue;
    }
    codes.add(data.code);
    names.set(data.code, data.name);
    blocsOf.set(data.code, data.memberOf);
    if (data.code !== fromName)
      problems.push({
        file,
        line: src.lineOf(['code']),
        field: 'code',
        problem: `is ${data.code} but the file is named for ${fromName}`,
        fix: `rename the file to ${data.code.toLowerCase()}.yaml, or correct the code`,
      });
    data.memberOf.forEach((bloc, i) =>
      memberships.push({ file, line: src.lineOf(['memberOf', i]), bloc, i }),
    );
  }
  for (const m of memberships)
    if (!codes.has(m.bloc))
      problems.push({
        file: m.file,
        line: m.line,
        field: `memberOf[${m.i}]`,
        problem: `unknown region code "${m.bloc}"; valid values: ${sorted(codes)}`,
        fix: fixFor('region', ['memberOf']),
      });
  // Every country is a region even without a file: its names come from the country data.
  for (const r of withAllCountries([])) codes.add(r.code);
  return { codes, names, blocsOf, unnamed, count: files.length };
}

/** A YAML file in content/: its parsed source only when it is there and well-formed. */
function optionalYaml({ root, show, problems }: Context, name: string) {
  const abs = path.join(root, name);
  if (!fs.existsSync(abs)) return undefined;
  const file = show(abs);
  const src = parseYamlSource(read(abs));
  if (src.errors.length) {
    problems.push(...syntaxProblems(file, src));
    return undefined;
  }
  return { file, src };
}

/**
 * An optional YAML file in content/ checked against its schema, the problems added to the report:
 * its source, and its data when it fits. `empty` is what a file of comments only means where it
 * means something (no groups, no corrections); without it, such a file is reported as empty.
 */
function optionalValidYaml<S extends z.ZodType>(
  ctx: Context,
  name: string,
  kind: FileKind,
  schema: S,
  empty?: unknown,
) {
  const yaml = optionalYaml(ctx, name);
  if (!yaml) return undefined;
  const { file, src } = yaml;
  const { problems, data } = validateValue(
    file,
    kind,
    { value: src.value ?? empty, lineOf: src.lineOf },
    schema,
  );
  ctx.problems.push(...problems);
  return { file, src, data };
}

/** A YAML file ingest cannot run without: as optionalYaml, and a problem when it is missing. */
function requiredYaml(ctx: Context, name: string, missing: Omit<Problem, 'file' | 'field'>) {
  const abs = path.join(ctx.root, name);
  if (!fs.existsSync(abs)) {
    ctx.problems.push({ file: ctx.show(abs), field: '(file)', ...missing });
    return undefined;
  }
  return optionalYaml(ctx, name);
}

/** feeds.yaml: ingest reads it; a bad one stops the scheduled update. Returns how many feeds it lists. */
function checkFeedsFile(ctx: Context, vocab: Vocabulary): number {
  const found = requiredYaml(ctx, 'feeds.yaml', {
    problem: 'is missing, so npm run ingest has no feeds to fetch',
    fix: 'restore it from git, or create it with a "feeds:" list (see EDITING.md "Add a feed")',
  });
  if (!found) return 0;
  const { problems, data } = validateValue(found.file, 'feeds', found.src, feedsFileSchema(vocab));
  ctx.problems.push(...problems);
  return data?.feeds.length ?? 0;
}

/** classifier.yaml: ingest and npm run classify cannot start without it. */
function checkClassifierFile(ctx: Context) {
  const found = requiredYaml(ctx, 'classifier.yaml', {
    problem: 'is missing, so npm run ingest cannot tell relevant news from the rest',
    fix: 'restore it from git',
  });
  if (found)
    ctx.problems.push(
      ...validateValue(found.file, 'classifier', found.src, classifierRulesSchema).problems,
    );
  for (const load of [() => loadModel(ctx.root), () => loadReviewLabels(ctx.root)])
    try {
      load();
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      ctx.problems.push(...e.problems.map(loaderProblem));
    }
}

/** A loader's "file:line: field — problem — fix" line as a check problem. */
function loaderProblem(line: string): Problem {
  const m = /^(.+?)(?::(\d+))?: (\S+) — (.+) — (.+)$/.exec(line);
  if (!m) return { file: line.split(':')[0]!, field: '(file)', problem: line, fix: 'see above' };
  return {
    file: m[1]!,
    line: m[2] ? Number(m[2]) : undefined,
    field: m[3]!,
    problem: m[4]!,
    fix: m[5]!,
  };
}

/**
 * Companies the classifier named that content/companies/ does not know, each with the stories
 * that named it, so an editor can adopt one by adding its file.
 */
function proposedCompanyWarnings(
  articles: readonly Article[],
  companyIds: ReadonlySet<string>,
  { root, show }: Context,
): Problem[] {
  const byId = new Map<string, Article[]>();
  for (const a of articles)
    for (const id of a.proposedCompanies ?? [])
      if (!companyIds.has(id)) byId.set(id, [...(byId.get(id) ?? []), a]);
  return [...byId].map(([id, named]) => ({
    file: show(path.join(root, 'articles', `${named[0]!.id}.json`)),
    field: 'proposedCompanies',
    problem: `proposed company "${id}" is named by ${named.length} stor${named.length === 1 ? 'y' : 'ies'}: ${named
      .slice(0, 3)
      .map((a) => `"${a.title}"`)
      .join(', ')}${named.length > 3 ? ', …' : ''}`,
    fix: `to adopt it, add content/companies/${id}.yaml with its name (EDITING.md, "Add a company"); to refuse it, correct those articles' companies in content/overrides.yaml`,
  }));
}

/** feeds-health.json: written by ingest, read by the /sources/ page; absent until the first run. */
function checkHealthFile({ root, show, problems }: Context) {
  const abs = path.join(root, 'feeds-health.json');
  if (!fs.existsSync(abs)) return;
  const file = show(abs);
  const text = read(abs);
  try {
    const value: unknown = JSON.parse(text);
    problems.push(
      ...validateValue(
        file,
        'health',
        { value, lineOf: (p) => parseYamlSource(text).lineOf(p) },
        healthReportSchema,
      ).problems,
    );
  } catch (e) {
    problems.push({
      file,
      field: '(file)',
      problem: `is not valid JSON: ${(e as Error).message}`,
      fix: fixFor('health', []),
    });
  }
}

/**
 * Articles: thousands of files, so the fast path is JSON.parse and lines are found only on error.
 * Returns the articles without problems, which the later checks compare entries against.
 */
function checkArticles(
  { root, show, problems, warnings }: Context,
  companyIds: ReadonlySet<string>,
  regionCodes: ReadonlySet<string>,
) {
  const valid: Article[] = [];
  const dir = path.join(root, 'articles');
  let count = 0;
  for (const name of list(dir)) {
    if (!name.endsWith('.json')) continue;
    count++;
    const abs = path.join(dir, name);
    const file = show(abs);
    const text = read(abs);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      problems.push({
        file,
        field: '(file)',
        problem: `is not valid JSON: ${(e as Error).message}`,
        fix: fixFor('article', []),
      });
      continue;
    }
    const id = name.replace(/\.json$/, '');
    let lines: ReturnType<typeof parseYamlSource> | undefined;
    const lineOf = (p: readonly PropertyKey[]) => (lines ??= parseYamlSource(text)).lineOf(p);
    const { problems: found, data: a } = validateValue(
      file,
      'article',
      { value, lineOf },
      articleSchema,
    );
    problems.push(...found);
    if (!a) continue;
    if (a.id !== id)
      problems.push({
        file,
        line: lineOf(['id']),
        field: 'id',
        problem: `is "${a.id}" but the file is named ${name}`,
        fix: fixFor('article', []),
      });
    // Ingest's tags, not an editor's: a company the classifier proposes is not on file yet.
    a.companies.forEach((c, i) => {
      if (!companyIds.has(c) && !a.proposedCompanies?.includes(c))
        warnings.push({
          file,
          line: lineOf(['companies', i]),
          field: `companies[${i}]`,
          problem: `article ${a.id} ("${a.title.slice(0, 60)}") is tagged with unknown company id "${c}"; the site shows it under that id without a company page`,
          fix: `add content/companies/${c}.yaml if it is a company to follow, or retag the article in content/overrides.yaml`,
        });
    });
    a.regions.forEach((r, i) => {
      if (!regionCodes.has(r))
        warnings.push({
          file,
          line: lineOf(['regions', i]),
          field: `regions[${i}]`,
          problem: `article ${a.id} ("${a.title.slice(0, 60)}") is tagged with unknown region code "${r}"; the site shows it without a region page`,
          fix: `add content/regions/${r.toLowerCase()}.yaml, or retag the article in content/overrides.yaml`,
        });
    });
    if (!found.length) valid.push(a);
  }
  return { valid, count };
}

/** content/region-groups.yaml, optional: its form, and each member a region the site knows. */
function checkRegionGroups(ctx: Context, regionCodes: ReadonlySet<string>) {
  // A file of comments only lists no groups.
  const yaml = optionalValidYaml(
    ctx,
    'region-groups.yaml',
    'region-groups',
    regionGroupsSchema,
    [],
  );
  if (!yaml) return;
  const { file, src, data } = yaml;
  const { problems } = ctx;
  data?.forEach((g, i) =>
    g.members.forEach((code, j) => {
      if (!regionCodes.has(code))
        problems.push({
          file,
          line: src.lineOf([i, 'members', j]),
          field: `[${i}].members[${j}]`,
          problem: `${g.name} lists "${code}", which is no region`,
          fix: fixFor('region-groups', ['members']),
        });
    }),
  );
}

/** overrides.yaml: optional; every correction must point at a real article, company and region. */
function checkOverrides(
  ctx: Context,
  articles: readonly Article[],
  companyIds: ReadonlySet<string>,
  regionCodes: ReadonlySet<string>,
): Overrides {
  const none: Overrides = { articles: {} };
  // An all-comments file is an empty list of corrections, not an empty file.
  const yaml = optionalValidYaml(ctx, 'overrides.yaml', 'overrides', overridesSchema, {});
  if (!yaml?.data) return none;
  const { file, src, data } = yaml;
  const { problems } = ctx;
  const ids = new Set(articles.map((a) => a.id));
  const stories = new Set(articles.map((a) => a.story));
  for (const [id, o] of Object.entries(data.articles)) {
    const at = (...p: (string | number)[]) => src.lineOf(['articles', id, ...p]);
    if (!ids.has(id))
      problems.push({
        file,
        line: at(),
        field: `articles.${id}`,
        problem: `no article "${id}" in content/articles/`,
        fix: 'copy the id from the article’s file name without .json, or remove this correction',
      });
    o.companies?.forEach((c, i) => {
      if (!companyIds.has(c))
        problems.push({
          file,
          line: at('companies', i),
          field: `articles.${id}.companies[${i}]`,
          problem: `unknown company id "${c}"; valid values: ${sorted(companyIds)}`,
          fix: fixFor('overrides', ['companies']),
        });
    });
    o.regions?.forEach((r, i) => {
      if (!regionCodes.has(r))
        problems.push({
          file,
          line: at('regions', i),
          field: `articles.${id}.regions[${i}]`,
          problem: `unknown region code "${r}"; valid values: ${sorted(regionCodes)}`,
          fix: fixFor('overrides', ['regions']),
        });
    });
    if (o.story && o.story !== id && !stories.has(o.story))
      problems.push({
        file,
        line: at('story'),
        field: `articles.${id}.story`,
        problem: `no story "${o.story}" among the articles`,
        fix: fixFor('overrides', ['story']),
      });
  }
  return data;
}

/**
 * primary-sources.yaml: optional; without it check cannot tell an aggregator from a primary
 * source and skips that warning. Returns the list when the file is there and valid.
 */
function checkPrimarySources(ctx: Context, vocab: Vocabulary): PrimarySources | undefined {
  return optionalValidYaml(
    ctx,
    'primary-sources.yaml',
    'primary-sources',
    primarySourcesSchema(vocab),
  )?.data;
}

/** content/set-aside: articles ingest kept out of the site until an editor settles their story. */
function checkSetAside({ root, show, warnings }: Context) {
  const dir = setAsideDirFor(path.join(root, 'articles'));
  for (const name of list(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = show(path.join(dir, name));
    let item;
    try {
      item = setAsideSchema.safeParse(JSON.parse(read(path.join(dir, name))));
    } catch {
      item = undefined;
    }
    if (!item?.success) {
      warnings.push({
        file,
        field: '(file)',
        problem: 'is not an article set aside by ingest, so no run will try it again',
        fix: 'delete it; the article comes back with its feed if it is still listed there',
      });
      continue;
    }
    const { article, reason, setAsideAt } = item.data;
    warnings.push({
      file,
      field: '(article)',
      problem: `article ${article.id} (${article.url}) from feed ${article.feed}, set aside on ${setAsideAt.slice(0, 10)}: ${reason}`,
      fix: `make those entries cover one story (list the same articles, or join their stories in content/overrides.yaml), or cite another page in one of them; the next ingest stores it. Delete this file to drop the article`,
    });
  }
}

function checkEntries(ctx: Context, vocab: Vocabulary, today: Date) {
  const valid: CheckedEntry[] = [];
  const files = readFiles(ctx, path.join(ctx.root, 'entries'), /\.md$/, '.md');
  for (const { abs, file } of files) {
    const result = checkEntry(file, read(abs), vocab, today);
    ctx.problems.push(...result.problems);
    if (result.entry) valid.push(result.entry);
  }
  return { valid, count: files.length };
}
