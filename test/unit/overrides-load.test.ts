import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/load-taxonomy.ts';
import { loadOverrides } from '../../src/lib/content/overrides.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-overrides-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (text: string) => fs.writeFileSync(path.join(root, 'overrides.yaml'), text);
const problemsOf = (): string[] => {
  try {
    loadOverrides(root);
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadOverrides', () => {
  it('reads no corrections when the file is absent or holds only comments', () => {
    expect(loadOverrides(root)).toEqual({ articles: {} });
    write('# corrections go here\n');
    expect(loadOverrides(root)).toEqual({ articles: {} });
  });

  it('reads a correction with its defaults filled in', () => {
    write('articles:\n  some-article:\n    regions: [uk]\n');
    expect(loadOverrides(root).articles['some-article']).toEqual({ hide: false, regions: ['UK'] });
  });

  it('names the file and the field of a bad correction', () => {
    write('articles:\n  some-article:\n    hide: perhaps\n');
    const [problem] = problemsOf();
    expect(problem).toMatch(/overrides\.yaml: articles\.some-article\.hide — /);
  });

  it('names the file when it is not YAML at all', () => {
    write('articles: [\n');
    expect(problemsOf()).toEqual([
      expect.stringMatching(/overrides\.yaml: \(file\) — is not valid YAML: /),
    ]);
  });
});
