/**
 * YAML as editors wrote it: the parsed value plus a way back from a field path to its line, so a
 * problem can say where to look. Parsed as YAML 1.2, which keeps `2024-02-30` a string instead of
 * rolling it over to March as YAML 1.1 timestamp parsers do, so impossible days are caught.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlSource {
  /** The plain value (objects, arrays, strings, numbers, booleans); undefined for an empty file. */
  value: unknown;
  /** Syntax errors, each with its 1-based line. */
  errors: { line: number; message: string }[];
  /** 1-based line of the deepest part of `path` that exists in the file. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * @param firstLine the line of the file on which `text` starts (2 for front matter after `---`).
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e) => ({
    line: toLine(e.pos[0]),
    message: e.message.split('\n')[0] ?? e.message,
  }));
  return {
    value: errors.length ? undefined : doc.toJS(),
    errors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line: number | undefined;
      for (const seg of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isScalar(p.key) && String(p.key.value) === String(seg),
          );
          if (!pair) break;
          const at = (pair.key as Node).range?.[0];
          if (at !== undefined) line = toLine(at);
          node = pair.value;
        } else if (isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg] as Node | undefined;
          if (!item) break;
          const at = item.range?.[0];
          if (at !== undefined) line = toLine(at);
          node = item;
        } else break;
      }
      return line;
    },
  };
}

export interface FrontMatter {
  /** The YAML between the `---` fences. */
  yaml: string;
  /** Line of the file on which the YAML starts. */
  yamlLine: number;
  /** The markdown after the closing fence. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

/** Splits a markdown file into front matter and body; undefined when it has no front matter. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const src = text.replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(src);
  if (!open) return undefined;
  const rest = src.slice(open[0].length);
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return undefined;
  const yaml = rest.slice(0, close.index);
  const yamlLines = yaml.split('\n').length - 1;
  return {
    yaml,
    yamlLine: 2,
    body: rest.slice(close.index + close[0].length),
    bodyLine: 2 + yamlLines + 1,
  };
}
