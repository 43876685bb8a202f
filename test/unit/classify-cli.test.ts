import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../support/scratch-dir.ts';

const NODE = path.resolve('node_modules/.bin/node');
const SCRIPT = path.resolve('scripts/classify.ts');

function run(stdin: string, env: Record<string, string> = {}) {
  const r = spawnSync(NODE, [SCRIPT], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout.split('\n').filter(Boolean), err: r.stderr };
}

describe('npm run classify', () => {
  it('answers each JSON line with the verdict, tags and reasons', () => {
    const { code, out } = run(
      [
        {
          title: 'LinkedIn suspends AI training on UK user data after ICO concerns',
          text: 'Members had been opted in by default.',
        },
        {
          title: 'Meta shares jump as quarterly revenue beats forecasts',
          text: 'The Instagram owner spends more on AI.',
        },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n') + '\n',
    );
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    const first = JSON.parse(out[0]!);
    expect(Object.keys(first)).toEqual([
      'relevant',
      'score',
      'language',
      'companies',
      'regions',
      'why',
    ]);
    expect(first).toMatchObject({ relevant: true, companies: ['linkedin'], regions: ['UK'] });
    expect(first.why).toEqual(
      expect.arrayContaining(["'LinkedIn' → linkedin", "'UK', 'ICO' → UK"]),
    );
    const second = JSON.parse(out[1]!);
    expect(second).toMatchObject({ companies: ['meta'], regions: ['GLOBAL'] });
    expect(second.relevant && !second.review).toBe(false);
  });

  it('answers a bad line in place, names it on stderr and carries on', () => {
    const { code, out, err } = run(
      [
        '{"title": "X opts users in to Grok training on their posts", "text": ""}',
        '{"title": ',
        '["not", "an", "object"]',
        '{"text": "no title"}',
        '{"title": "Reddit licenses user posts to Google for AI training"}',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(out).toHaveLength(5);
    expect(JSON.parse(out[0]!).companies).toEqual(['x', 'xai']);
    expect(JSON.parse(out[1]!).error).toMatch(/^line 2: not valid JSON/);
    expect(JSON.parse(out[2]!).error).toMatch(/^line 3: expected a JSON object/);
    expect(JSON.parse(out[3]!).error).toBe('line 4: "title" must be a non-empty string');
    expect(JSON.parse(out[4]!).companies).toEqual(['google', 'reddit']);
    expect(err).toMatch(/classify: line 2: not valid JSON/);
    expect(err).toMatch(/classify: line 4: "title" must be a non-empty string/);
  });

  it('places a dated line that names no place by the record, and refuses a date it cannot read', () => {
    const title = 'How to stop LinkedIn using your profile to train its AI';
    const { out } = run(
      [
        JSON.stringify({ title, text: 'Switch the setting off.', published: '2025-10-20' }),
        JSON.stringify({ title, published: 'last Tuesday' }),
      ].join('\n'),
    );
    const dated = JSON.parse(out[0]!);
    expect(dated.regions).toEqual(expect.arrayContaining(['CH', 'EU', 'UK']));
    expect(dated.why.at(-1)).toMatch(/^no place named; linkedin's change in entries\/2025-11-03-/);
    expect(JSON.parse(out[1]!).error).toBe(
      'line 2: "published" must be a date such as "2025-09-18" when given',
    );
  });

  it('reads the date of a line in the labelled headlines’ own format, under "date"', () => {
    const title = 'How to stop LinkedIn using your profile to train its AI';
    const { out } = run(
      [
        JSON.stringify({ title, text: 'Switch the setting off.', date: '2025-10-20' }),
        JSON.stringify({ title, text: 'Switch the setting off.', published: '2025-10-20' }),
        JSON.stringify({ title, date: 'last Tuesday' }),
      ].join('\n'),
    );
    const [labelled, stored] = [JSON.parse(out[0]!), JSON.parse(out[1]!)];
    expect(labelled.regions).toEqual(expect.arrayContaining(['CH', 'EU', 'UK']));
    expect(labelled).toEqual(stored);
    expect(JSON.parse(out[2]!).error).toBe(
      'line 3: "date" must be a date such as "2025-09-18" when given',
    );
  });

  it('ends quietly when its reader stops reading (| head)', () => {
    const input = path.join(scratchDir('classify-pipe-'), 'items.jsonl');
    const line = JSON.stringify({ title: 'Slack trains models on messages' });
    fs.writeFileSync(input, `${line}\n`.repeat(5000));
    const r = spawnSync(
      'bash',
      ['-c', `"${NODE}" "${SCRIPT}" < "${input}" | head -n 1; exit "\${PIPESTATUS[0]}"`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(JSON.parse(r.stdout).relevant).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('keeps output aligned when a line in the middle is blank', () => {
    const { out } = run('{"title":"Zoom terms"}\n\n{"title":"Slack trains models on messages"}\n');
    expect(out).toHaveLength(3);
    expect(JSON.parse(out[1]!).error).toMatch(/^line 2: empty line/);
  });

  it('writes nothing for empty input', () => {
    expect(run('')).toEqual({ code: 0, out: [], err: '' });
  });

  it('refuses to start on a broken taxonomy, naming the file and field', () => {
    const dir = scratchDir('classify-cli-');
    fs.cpSync('content/regions', path.join(dir, 'regions'), { recursive: true });
    fs.cpSync('content/classifier.yaml', path.join(dir, 'classifier.yaml'));
    fs.mkdirSync(path.join(dir, 'companies'));
    fs.writeFileSync(path.join(dir, 'companies', 'acme.yaml'), 'aliases: [Acme]\n');
    const { code, out, err } = run('{"title":"x"}\n', { AIDW_CONTENT_DIR: dir });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toMatch(/acme\.yaml: name — /);
  });

  it('lists a company it does not know and names it again as proposed', () => {
    const { out } = run('{"title": "Grammarly trains its AI on users’ documents by default"}\n');
    const c = JSON.parse(out[0]!);
    expect(c.companies).toEqual(['grammarly']);
    expect(c.proposedCompanies).toEqual(['grammarly']);
  });

  const withModel = (content: string | null) => {
    const dir = scratchDir('classify-model-');
    for (const part of ['regions', 'companies', 'classifier.yaml'])
      fs.cpSync(path.join('content', part), path.join(dir, part), { recursive: true });
    if (content !== null) fs.writeFileSync(path.join(dir, 'classifier-model.json'), content);
    return dir;
  };
  const model = fs.readFileSync('content/classifier-model.json', 'utf8');

  it.each([
    [
      'missing',
      null,
      /classifier-model\.json: \(file\) — is missing — run `npm run train-classifier`/,
    ],
    [
      'not JSON',
      model.replace('"bias"', 'bias'),
      /classifier-model\.json:\d+: \(file\) — is not valid JSON .* — run `npm run train-classifier`/,
    ],
    [
      'stale',
      model.replace(/"version": \d+/, '"version": 0'),
      /classifier-model\.json: version — is 0, but this code reads version \d+ \(the model is stale\)/,
    ],
    [
      'malformed',
      model.replace(/"threshold": [\d.]+/, '"threshold": "high"'),
      /classifier-model\.json: threshold — .* — run `npm run train-classifier`/,
    ],
  ])(
    'refuses to start when the model file is %s, naming the file and the fix',
    (_what, content, message) => {
      const { code, out, err } = run('{"title":"x"}\n', { AIDW_CONTENT_DIR: withModel(content) });
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err).toMatch(message);
    },
  );
});
