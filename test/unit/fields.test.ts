import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  day,
  httpUrl,
  instant,
  oneOf,
  regionCodeFormat,
  slugId,
  text,
} from '../../src/lib/content/fields.ts';

/** The messages a value fails with, or [] when it passes. */
function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('text', () => {
  const title = text('a title');

  it('trims and collapses runs of whitespace, including newlines and tabs', () => {
    expect(title.parse('  Meta \n pauses\t\tAI   training  ')).toBe('Meta pauses AI training');
  });

  it('keeps inner punctuation and non-ASCII letters as written', () => {
    expect(title.parse('Italy’s Garante fines OpenAI €15m — “a first”')).toBe(
      'Italy’s Garante fines OpenAI €15m — “a first”',
    );
  });

  it('refuses an empty or whitespace-only value', () => {
    expect(messages(title, '')).toEqual(['must not be empty']);
    expect(messages(title, ' \n\t ')).toEqual(['must not be empty']);
  });

  it('refuses a non-string, saying what was expected', () => {
    expect(messages(title, 42)).toEqual(['must be a title']);
    expect(messages(title, undefined)).toEqual(['must be a title']);
    expect(messages(title, ['a'])).toEqual(['must be a title']);
  });
});

describe('httpUrl', () => {
  it('accepts https and http URLs and trims surrounding spaces', () => {
    expect(httpUrl.parse('https://www.dataprotection.ie/en/news')).toBe(
      'https://www.dataprotection.ie/en/news',
    );
    expect(httpUrl.parse('  http://example.org/a?b=c#d ')).toBe('http://example.org/a?b=c#d');
  });

  it('accepts upper-case schemes, which browsers treat the same', () => {
    expect(httpUrl.parse('HTTPS://example.org/')).toBe('HTTPS://example.org/');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'ftp://example.org/file.txt',
    'mailto:editor@example.org',
    'file:///etc/passwd',
    '/entries/relative/',
    '//example.org/protocol-relative',
    'example.org',
    'https://',
    '',
  ])('refuses %j', (url) => {
    expect(messages(httpUrl, url)).toEqual([
      'must be an absolute URL starting with https:// or http://',
    ]);
  });

  it('refuses a non-string', () => {
    expect(messages(httpUrl, 7)).toEqual(['must be a URL starting with https:// or http://']);
  });
});

describe('day', () => {
  it('turns YYYY-MM-DD into a Date at midnight UTC', () => {
    expect(day.parse('2024-09-18').toISOString()).toBe('2024-09-18T00:00:00.000Z');
  });

  it('accepts the leap day of a leap year', () => {
    expect(day.parse('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('accepts a Date from a YAML parser and keeps its calendar day', () => {
    expect(day.parse(new Date('2025-11-03T00:00:00Z')).toISOString()).toBe(
      '2025-11-03T00:00:00.000Z',
    );
  });

  it('trims the written value', () => {
    expect(day.parse(' 2024-09-18 ').toISOString()).toBe('2024-09-18T00:00:00.000Z');
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-32'])(
    'refuses the impossible day %s instead of rolling it over',
    (value) => {
      expect(messages(day, value)).toEqual([`${value} is not a real calendar day`]);
    },
  );

  it.each(['yesterday', '18/09/2024', '2024-9-18', '2024-09-18T10:00:00Z', '20240918', ''])(
    'refuses %j and shows the expected form',
    (value) => {
      expect(messages(day, value)).toEqual(['must be a date written YYYY-MM-DD, e.g. 2024-09-18']);
    },
  );

  it('refuses an invalid Date and a number without throwing', () => {
    expect(messages(day, new Date('not a date'))).toEqual([
      'must be a date written YYYY-MM-DD, e.g. 2024-09-18',
    ]);
    expect(messages(day, 20240918)).toEqual(['must be a date written YYYY-MM-DD, e.g. 2024-09-18']);
  });
});

describe('instant', () => {
  it('normalises an offset timestamp to UTC', () => {
    expect(instant.parse('2024-09-18T09:30:00+02:00')).toBe('2024-09-18T07:30:00.000Z');
  });

  it('keeps a UTC timestamp, adding milliseconds', () => {
    expect(instant.parse('2024-09-18T09:30:00Z')).toBe('2024-09-18T09:30:00.000Z');
  });

  it('accepts a Date', () => {
    expect(instant.parse(new Date(Date.UTC(2025, 4, 27, 6, 0)))).toBe('2025-05-27T06:00:00.000Z');
  });

  it.each(['2024-09-18', 'Wed, 18 Sep 2024 09:30:00 GMT', 'soon', ''])(
    'refuses %j, which is not an ISO 8601 date-time',
    (value) => {
      expect(messages(instant, value)).toEqual([
        'must be an ISO 8601 date-time, e.g. 2024-09-18T09:30:00Z',
      ]);
    },
  );

  it('refuses an invalid Date without throwing', () => {
    expect(messages(instant, new Date('nope'))).toEqual([
      'must be an ISO 8601 date-time, e.g. 2024-09-18T09:30:00Z',
    ]);
  });
});

describe('slugId and regionCodeFormat', () => {
  it('lowercases and trims a company slug', () => {
    expect(slugId.parse(' Stack-Overflow ')).toBe('stack-overflow');
  });

  it.each(['stack overflow', 'stack--overflow', '-meta', 'meta_ai', ''])(
    'refuses the slug %j',
    (value) => {
      expect(messages(slugId, value)).toEqual(['must be a lowercase slug such as stack-overflow']);
    },
  );

  it('uppercases and trims a region code', () => {
    expect(regionCodeFormat.parse(' eu ')).toBe('EU');
    expect(regionCodeFormat.parse('global')).toBe('GLOBAL');
  });

  it.each(['E', 'EUROPEAN', 'U.K.', 'E1'])('refuses the region code %j', (value) => {
    expect(messages(regionCodeFormat, value)).toEqual([
      'must be a region code such as EU, UK or GLOBAL',
    ]);
  });
});

describe('oneOf', () => {
  const company = oneOf(['meta', 'linkedin', 'x'], 'company id', (s) => s.trim().toLowerCase());

  it('cleans the value before checking it', () => {
    expect(company.parse('  LinkedIn ')).toBe('linkedin');
  });

  it('names the unknown value and lists every valid one in order', () => {
    expect(messages(company, 'Facebook')).toEqual([
      'unknown company id "facebook"; valid values: linkedin, meta, x',
    ]);
  });

  it('refuses a non-string, saying what was expected', () => {
    expect(messages(company, 3)).toEqual(['must be a company id']);
  });
});
