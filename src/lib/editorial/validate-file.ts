/**
 * Validates one content file with the same schema the site uses, and turns every finding into a
 * Problem with the line of the field. Unknown keys, which the schemas would drop silently, are
 * reported too.
 */
import type { z } from 'zod';
import { fixFor, type FileKind } from './fixes.ts';
import { fieldName, type Problem } from './problem.ts';
import { unknownKeys } from './unknown-keys.ts';
import type { YamlSource } from './yaml-source.ts';

/** Zod's own wording for a wrong type, said as an editor would. */
const EXPECTED: Record<string, string> = {
  boolean: 'must be true or false',
  array: 'must be a list, e.g. [a, b] or one "- item" per line',
  object: 'must be a group of fields, one "name: value" per line',
  string: 'must be text',
  number: 'must be a number',
};

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /^Invalid input/.test(issue.message))
    return EXPECTED[issue.expected] ?? `must be ${issue.expected}`;
  return issue.message;
}

const WHAT: Record<FileKind, string> = {
  entry: 'an entry',
  company: 'a company file',
  region: 'a region file',
  feeds: 'feeds.yaml',
  classifier: 'classifier.yaml',
  overrides: 'overrides.yaml',
  'region-groups': 'region-groups.yaml',
  'primary-sources': 'primary-sources.yaml',
  article: 'an article',
  health: 'the health report',
};

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

export interface Validated<T> {
  problems: Problem[];
  /** The parsed value, when the schema accepted it. */
  data?: T | undefined;
}

/**
 * @param skip paths whose schema issues are already reported another way (placeholders).
 */
export function validateValue<S extends z.ZodType>(
  file: string,
  kind: FileKind,
  src: Pick<YamlSource, 'value' | 'lineOf'>,
  schema: S,
  skip: readonly string[] = [],
): Validated<z.output<S>> {
  const problems: Problem[] = [];
  const raw = src.value;
  if (raw === undefined || raw === null) {
    problems.push({
      file,
      line: 1,
      field: '(file)',
      problem: 'is empty',
      fix: `fill it in as ${WHAT[kind]}, or delete the file`,
    });
    return { problems };
  }
  for (const u of unknownKeys(schema, raw)) {
    const parent = u.path.slice(0, -1);
    problems.push({
      file,
      line: src.lineOf(u.path),
      field: fieldName(u.path),
      problem: `is not a field of ${WHAT[kind]}${u.suggestion ? ` (did you mean "${u.suggestion}"?)` : ''}`,
      fix: u.suggestion
        ? `rename it to ${u.suggestion}`
        : `remove it; fields allowed ${parent.length ? `in ${fieldName(parent)}` : 'here'}: ${u.known.join(', ')}`,
    });
  }
  const result = schema.safeParse(raw);
  if (result.success) return { problems, data: result.data };
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const field = fieldName(issue.path);
    if (skip.includes(field)) continue;
    const missing = issue.path.length > 0 && valueAt(raw, issue.path) === undefined;
    const problem = missing ? 'is missing' : plainMessage(issue);
    const key = `${field}\u0000${problem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      file,
      line: src.lineOf(issue.path),
      field,
      problem,
      fix: fixFor(kind, issue.path),
    });
  }
  return { problems };
}

export function syntaxProblems(file: string, src: YamlSource, format = 'YAML'): Problem[] {
  return src.errors.map((e) => ({
    file,
    line: e.line,
    field: '(file)',
    problem: `is not valid ${format}: ${e.message}`,
    fix:
      format === 'YAML'
        ? 'fix the syntax near that line: check the indentation, and put text containing ": " or " #" in quotes'
        : 'fix the syntax near that line',
  }));
}
