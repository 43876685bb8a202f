/**
 * Keys a schema does not know. The content schemas drop unknown keys silently, so a typo such as
 * `summery:` would vanish without a word; check reports it with the key the editor probably meant.
 */
import type { z } from 'zod';

export interface UnknownKey {
  path: (string | number)[];
  key: string;
  /** The known key closest to it, when one is close enough to be a typo. */
  suggestion?: string | undefined;
  /** Every key allowed at that place. */
  known: string[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers (optional, default, pipes, transforms) down to the shape that reads the input. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    // z.preprocess is a transform piped into the schema that reads the value: follow `out` there.
    if (d.type === 'pipe' && d.in && d.out) s = defOf(d.in).type === 'transform' ? d.out : d.in;
    else if (d.innerType) s = d.innerType;
    else return s;
  }
}

/** Edit distance, for suggesting the intended key. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

export function unknownKeys(
  schema: z.ZodType,
  value: unknown,
  path: (string | number)[] = [],
): UnknownKey[] {
  const s = unwrap(schema);
  const d = defOf(s);
  const out: UnknownKey[] = [];
  if (
    d.type === 'object' &&
    d.shape &&
    value &&
    typeof value === 'object' &&
    !Array.isArray(value)
  ) {
    const known = Object.keys(d.shape);
    for (const [key, v] of Object.entries(value)) {
      const child = d.shape[key];
      if (child) out.push(...unknownKeys(child, v, [...path, key]));
      else out.push({ path: [...path, key], key, suggestion: closest(key, known), known });
    }
  } else if (d.type === 'array' && d.element && Array.isArray(value)) {
    value.forEach((v, i) => out.push(...unknownKeys(d.element!, v, [...path, i])));
  } else if (d.type === 'record' && d.valueType && value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value))
      out.push(...unknownKeys(d.valueType, v, [...path, key]));
  }
  return out;
}
