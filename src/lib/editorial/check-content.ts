/**
 * `npm run check`, minus the printing: reads every file in content/, validates each with the
 * schema the site uses, runs the checks that span files, and returns every problem found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type Article } from '../content/article.ts';
import type { Vocabulary } from '../content/entry.ts';
import { classifierRulesSchema } from '../classify/rules.ts';
import { feedsFileSchema } from '../content/feeds.ts';
import { overridesSchema, type Overrides } from '../content/overrides.ts';
import { contentDir } from '../content/paths.ts';
import { companySchema, regionSchema } from '../content/taxonomy.ts';
import { healthReportSchema } from '../ingest/health.ts';
import { applyOverrides } from '../timeline/items.ts';
import { checkEntry, type CheckedEntry } from './check-entry.ts';
import { duplicateEntries, entryArticleLinks } from './cross-checks.ts';
import { displayPath } from './display-path.ts';
import { fixFor } from './fixes.ts';
import { type Problem, sortProblems } from './problem.ts';
import { syntaxProblems, validateValue } from './validate-file.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface CheckReport {
  problems: Problem[];
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

export function checkContent(
  root = contentDir(),
  today = new Date(),
  cwd = process.cwd(),
): CheckReport {
  const problems: Problem[] = [];
  const show = (abs: string) => displayPath(abs, cwd);
  const read = (abs: string) => fs.readFileSync(abs, 'utf8');

  // Companies and regions first: every other file is checked against them.
  const companyIds = new Set<string>();
  const parents: { file: string; line: number | undefined; parent: string }[] = [];
  const companiesDir = path.join(root, 'companies');
  let companyCount = 0;
  for (const name of list(companiesDir)) {
    const abs = path.join(companiesDir, name);
    const file = show(abs);
    if (!/\.ya?ml$/.test(name)) {
      if (!name.startsWith('.')) problems.push(notRead(file, '.yaml'));
      continue;
    }
    companyCount++;
    const id = name.replace(/\.ya?ml$/, '');
    companyIds.add(id.toLowerCase());
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
    if (data?.parent) parents.push({ file, line: src.lineOf(['parent']), parent: data.parent });
  }
  for (const p of parents)
    if (!companyIds.has(p.parent))
      problems.push({
        file: p.file,
        line: p.line,
        field: 'parent',
        problem: `unknown company id "${p.parent}"; valid values: ${sorted(companyIds)}`,
        fix: fixFor('company', ['parent']),
      });

  const regionCodes = new Set<string>();
  const blocsOf = new Map<string, string[]>();
  const memberships: { file: string; line: number | undefined; bloc: string; i: number }[] = [];
  const regionsDir = path.join(root, 'regions');
  let regionCount = 0;
  for (const name of list(regionsDir)) {
    const abs = path.join(regionsDir, name);
    const file = show(abs);
    if (!/\.ya?ml$/.test(name)) {
      if (!name.startsWith('.')) problems.push(notRead(file, '.yaml'));
      continue;
    }
    regionCount++;
    const fromName = name.replace(/\.ya?ml$/, '').toUpperCase();
    const src = parseYamlSource(read(abs));
    if (src.errors.length) {
      regionCodes.add(fromName);
      problems.push(...syntaxProblems(file, src));
      continue;
    }
    const { problems: found, data } = validateValue(file, 'region', src, regionSchema);
    problems.push(...found);
    if (!data) {
      regionCodes.add(fromName);
      continue;
    }
    regionCodes.add(data.code);
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
    if (!regionCodes.has(m.bloc))
      problems.push({
        file: m.file,
        line: m.line,
        field: `memberOf[${m.i}]`,
        problem: `unknown region code "${m.bloc}"; valid values: ${sorted(regionCodes)}`,
        fix: fixFor('region', ['memberOf']),
      });

  const vocab: Vocabulary = {
    companyIds: [...companyIds],
    regionCodes: [...regionCodes],
    blocsOf,
  };

  // feeds.yaml: ingest reads it; a bad one stops the scheduled update.
  const feedsAbs = path.join(root, 'feeds.yaml');
  let feedCount = 0;
  if (!fs.existsSync(feedsAbs)) {
    problems.push({
      file: show(feedsAbs),
      field: '(file)',
      problem: 'is missing, so npm run ingest has no feeds to fetch',
      fix: 'restore it from git, or create it with a "feeds:" list (see EDITING.md "Add a feed")',
    });
  } else {
    const file = show(feedsAbs);
    const src = parseYamlSource(read(feedsAbs));
    if (src.errors.length) problems.push(...syntaxProblems(file, src));
    else {
      const { problems: found, data } = validateValue(file, 'feeds', src, feedsFileSchema(vocab));
      problems.push(...found);
      feedCount = data?.feeds.length ?? 0;
    }
  }

  // classifier.yaml: ingest and npm run classify cannot start without it.
  const classifierAbs = path.join(root, 'classifier.yaml');
  if (!fs.existsSync(classifierAbs)) {
    problems.push({
      file: show(classifierAbs),
      field: '(file)',
      problem: 'is missing, so npm run ingest cannot tell relevant news from the rest',
      fix: 'restore it from git',
    });
  } else {
    const file = show(classifierAbs);
    const src = parseYamlSource(read(classifierAbs));
    if (src.errors.length) problems.push(...syntaxProblems(file, src));
    else problems.push(...validateValue(file, 'classifier', src, classifierRulesSchema).problems);
  }

  // feeds-health.json: written by ingest, read by the /sources/ page; absent until the first run.
  const healthAbs = path.join(root, 'feeds-health.json');
  if (fs.existsSync(healthAbs)) {
    const file = show(healthAbs);
    const text = read(healthAbs);
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

  // Articles: thousands of files, so the fast path is JSON.parse and lines are found only on error.
  const articles: Article[] = [];
  const articlesDir = path.join(root, 'articles');
  let articleCount = 0;
  for (const name of list(articlesDir)) {
    if (!name.endsWith('.json')) continue;
    articleCount++;
    const abs = path.join(articlesDir, name);
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
    a.companies.forEach((c, i) => {
      if (!companyIds.has(c))
        problems.push({
          file,
          line: lineOf(['companies', i]),
          field: `companies[${i}]`,
          problem: `unknown company id "${c}"`,
          fix: `add content/companies/${c}.yaml, or retag the article in content/overrides.yaml`,
        });
    });
    a.regions.forEach((r, i) => {
      if (!regionCodes.has(r))
        problems.push({
          file,
          line: lineOf(['regions', i]),
          field: `regions[${i}]`,
          problem: `unknown region code "${r}"`,
          fix: `add content/regions/${r.toLowerCase()}.yaml, or retag the article in content/overrides.yaml`,
        });
    });
    if (!found.length) articles.push(a);
  }

  // overrides.yaml: optional; every correction must point at a real article, company and region.
  let overrides: Overrides = { articles: {} };
  const overridesAbs = path.join(root, 'overrides.yaml');
  if (fs.existsSync(overridesAbs)) {
    const file = show(overridesAbs);
    const src = parseYamlSource(read(overridesAbs));
    if (src.errors.length) problems.push(...syntaxProblems(file, src));
    else {
      // An all-comments file is an empty list of corrections, not an empty file.
      const value = src.value ?? {};
      const { problems: found, data } = validateValue(
        file,
        'overrides',
        { value, lineOf: src.lineOf },
        overridesSchema,
      );
      problems.push(...found);
      if (data) {
        overrides = data;
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
      }
    }
  }

  const entries: CheckedEntry[] = [];
  const entriesDir = path.join(root, 'entries');
  let entryCount = 0;
  for (const name of list(entriesDir)) {
    const abs = path.join(entriesDir, name);
    const file = show(abs);
    if (!name.endsWith('.md')) {
      if (!name.startsWith('.')) problems.push(notRead(file, '.md'));
      continue;
    }
    entryCount++;
    const result = checkEntry(file, read(abs), vocab, today);
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  }

  // Stories as corrected by editors; hidden articles still exist, so entries may cite them.
  const corrected = applyOverrides(
    articles,
    {
      articles: Object.fromEntries(
        Object.entries(overrides.articles).map(([id, o]) => [id, { ...o, hide: false }]),
      ),
    },
    blocsOf,
  );
  problems.push(...duplicateEntries(entries), ...entryArticleLinks(entries, corrected));

  return {
    problems: sortProblems(problems),
    counts: {
      entries: entryCount,
      companies: companyCount,
      regions: regionCount,
      articles: articleCount,
      feeds: feedCount,
    },
  };
}
