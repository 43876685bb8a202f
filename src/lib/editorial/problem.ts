/**
 * One finding of `npm run check`, and how it is printed. Every message names the file, the line
 * where the editor can find the field, what is wrong, and what to do about it.
 */

export interface Problem {
  /** Path as the editor knows it (relative to the working folder when inside it). */
  file: string;
  /** 1-based line of the field, when the file has one for it. */
  line?: number | undefined;
  /** Field path such as `sources[0].url`, or `(file)` for the whole file. */
  field: string;
  /** What is wrong, in plain words. */
  problem: string;
  /** What to do about it. */
  fix: string;
}

/** Formats a problem as `file:line field — problem — how to fix`. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where} ${p.field} — ${p.problem} — ${p.fix}`;
}

/** Stable order: by file, then line, so a report reads top to bottom like the files. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.field.localeCompare(b.field),
  );
}

/** `sources[0].url` from a path such as ['sources', 0, 'url']. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(file)';
}
