import { describe, expect, it } from 'vitest';
import { articleId, canonicalUrl } from '../../src/lib/ingest/url.ts';

const ok = (raw: string, base?: string) => {
  const r = canonicalUrl(raw, base);
  if (!r.ok) throw new Error(r.reason);
  return r.url;
};

describe('canonicalUrl', () => {
  it('drops utm parameters, click ids and mailing ids but keeps meaningful ones', () => {
    expect(
      ok(
        'https://news.example.org/a?id=7&utm_source=rss&utm_medium=feed&fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc&page=2',
      ),
    ).toBe('https://news.example.org/a?id=7&page=2');
  });

  it('matches tracking parameters regardless of case', () => {
    expect(ok('https://news.example.org/a?UTM_Source=x&Fbclid=y')).toBe(
      'https://news.example.org/a',
    );
  });

  it('removes the fragment and any credentials', () => {
    expect(ok('https://user:pw@news.example.org/a#comments')).toBe('https://news.example.org/a');
  });

  it('keeps https and http as given and lower-cases the host', () => {
    expect(ok('HTTPS://News.Example.ORG/Path')).toBe('https://news.example.org/Path');
    expect(ok('http://news.example.org/x')).toBe('http://news.example.org/x');
  });

  it('resolves relative links against the feed base', () => {
    expect(ok('/2024/story', 'https://news.example.org/feeds/rss.xml')).toBe(
      'https://news.example.org/2024/story',
    );
    expect(ok('story.html', 'https://news.example.org/feeds/rss.xml')).toBe(
      'https://news.example.org/feeds/story.html',
    );
  });

  it('refuses javascript:, data:, mailto: and other non-http schemes', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>x</script>',
      'mailto:a@b.c',
      'ftp://x.org/f',
    ]) {
      const r = canonicalUrl(bad, 'https://news.example.org/');
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/only http and https/);
    }
  });

  it('reports an empty or unparseable link', () => {
    expect(canonicalUrl('   ')).toEqual({ ok: false, reason: 'has no link' });
    expect(canonicalUrl('http://')).toMatchObject({ ok: false });
  });
});

describe('articleId', () => {
  it('is readable, stable and matches the article id format', () => {
    const id = articleId('https://www.news.example.org/2024/05/meta-ai-training');
    expect(id).toMatch(/^news-example-org-2024-05-meta-ai-training-[0-9a-f]{10}$/);
    expect(articleId('https://www.news.example.org/2024/05/meta-ai-training')).toBe(id);
    expect(id).toMatch(/^[a-z0-9-]{6,80}$/);
  });

  it('gives different ids to URLs that differ only in their query', () => {
    expect(articleId('https://x.org/a?id=1')).not.toBe(articleId('https://x.org/a?id=2'));
  });

  it('stays within 80 characters for very long and non-Latin paths', () => {
    const long = articleId(`https://x.org/${'very-long-segment/'.repeat(20)}`);
    const cyrillic = articleId('https://новости.example/статья/интересная');
    for (const id of [long, cyrillic]) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(long.length).toBeLessThanOrEqual(80);
  });

  it('is the same for two links that canonicalise alike', () => {
    expect(articleId(ok('https://x.org/a?utm_source=one#top'))).toBe(
      articleId(ok('https://x.org/a?utm_campaign=two')),
    );
  });
});
