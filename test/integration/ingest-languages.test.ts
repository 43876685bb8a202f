/**
 * From a feed to the page in every language the site reads: one feed carries a story in each of
 * them, the real `npm run ingest` classifies and stores them with the shipped model, and the built
 * site shows each on the timeline, its headline marked with its language, filed under the country
 * it names, with a company nobody has a page for yet shown as a plain badge. The headlines are
 * written for this test; how well the classifier does on real ones is `npm run eval-classifier`'s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/content/article.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { feed, startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { astroCacheDirOf, buildSite, decodeEntities } from '../support/site-build.ts';
import { runScript, runScriptAsync, scratchContent, type Run } from './editor-support.ts';

interface Story {
  language: string;
  title: string;
  text: string;
  company: string;
  /** The country the story names, as its region page's code. */
  country: string;
}

const STORIES: Story[] = [
  {
    language: 'en',
    title: "Grammarly trains its AI on users' documents without asking",
    text: 'The writing app says customer texts now help train its models unless people opt out.',
    company: 'grammarly',
    country: 'GLOBAL',
  },
  {
    language: 'de',
    title: 'Österreichs Datenschutzbehörde prüft das KI-Training von Meta mit Nutzerdaten',
    text: 'Facebook-Beiträge sollen ohne Einwilligung für das Training genutzt werden.',
    company: 'meta',
    country: 'AT',
  },
  {
    language: 'fr',
    title: "La CNIL enquête sur l'entraînement de l'IA de LinkedIn avec les données des membres",
    text: "Les membres français n'ont pas donné leur consentement, selon l'autorité.",
    company: 'linkedin',
    country: 'FR',
  },
  {
    language: 'es',
    title: 'La AEPD investiga a Meta por entrenar su IA con datos personales de usuarios españoles',
    text: 'La agencia pide explicaciones sobre el uso de publicaciones de Facebook e Instagram.',
    company: 'meta',
    country: 'ES',
  },
  {
    language: 'it',
    title:
      "Il Garante privacy ferma l'addestramento dell'IA di Meta con i dati degli utenti italiani",
    text: "L'autorità chiede a Meta di non usare i post di Facebook e Instagram senza consenso.",
    company: 'meta',
    country: 'IT',
  },
  {
    language: 'pt',
    title: 'ANPD suspende uso de dados de usuários brasileiros para treinar a IA da Meta',
    text: 'A autoridade determinou que a empresa pare de usar publicações para treinar modelos.',
    company: 'meta',
    country: 'BR',
  },
  {
    language: 'nl',
    title: 'Autoriteit Persoonsgegevens waarschuwt: Meta traint AI met gegevens van Nederlanders',
    text: 'Wie bezwaar wil maken, moet dat voor eind mei doen via het formulier van Instagram.',
    company: 'meta',
    country: 'NL',
  },
  {
    language: 'no',
    title: 'Datatilsynet vil stanse Metas KI-trening på bildene til norske brukere',
    text: 'Hvordan kan du reservere deg? Tilsynet mener at brukerne ikke har gitt samtykke til at innleggene blir brukt.',
    company: 'meta',
    country: 'NO',
  },
  {
    language: 'da',
    title: 'Datatilsynet undersøger LinkedIns træning af AI med danske brugeres data',
    text: 'Brugerne blev ikke spurgt, før deres profiler blev brugt til at træne kunstig intelligens.',
    company: 'linkedin',
    country: 'DK',
  },
  {
    language: 'sv',
    title: 'IMY granskar hur Meta tränar AI på svenska användares inlägg',
    text: 'Myndigheten vill veta om användarna har gett sitt samtycke till att deras bilder används.',
    company: 'meta',
    country: 'SE',
  },
  {
    language: 'pl',
    title: 'UODO sprawdza, czy Meta trenuje sztuczną inteligencję na danych polskich użytkowników',
    text: 'Urząd pyta, czy użytkownicy Facebooka mogą skutecznie sprzeciwić się wykorzystaniu postów.',
    company: 'meta',
    country: 'PL',
  },
  {
    language: 'cs',
    title:
      'Úřad pro ochranu osobních údajů prověřuje trénování AI společnosti Meta na datech Čechů',
    text: 'Uživatelé Facebooku mohou vznést námitku proti použití svých příspěvků.',
    company: 'meta',
    country: 'CZ',
  },
  {
    language: 'ko',
    title: '개인정보위, 메타의 AI 학습에 국내 이용자 개인정보 사용 조사',
    text: '페이스북과 인스타그램 게시물이 동의 없이 AI 모델 학습에 쓰였는지 확인한다.',
    company: 'meta',
    country: 'KR',
  },
  {
    language: 'ja',
    title: '個人情報保護委員会、XのAI学習に日本の利用者の投稿を使う方針を調査',
    text: 'Xは利用者の投稿をGrokの学習に使うと発表していた。',
    company: 'x',
    country: 'JP',
  },
];

const linkOf = (s: Story) => `https://news.aidw.test/${s.language}-story`;

let server: FeedServer;
let content: string;
let dist: string;
let ingest: Run;
let check: Run;
let build: { status: number | null; output: string };
let stored: Map<string, Article>;

beforeAll(async () => {
  server = await startFeedServer({
    '/news.xml': feed(
      rss(
        STORIES.map((s, i) => ({
          title: s.title,
          link: linkOf(s),
          description: s.text,
          // A week apart, so that no two are taken for one story told twice.
          pubDate: new Date(Date.UTC(2025, 0, 6 + 7 * i, 9)).toUTCString(),
        })),
      ),
    ),
  });
  content = scratchContent('aidw-languages-');
  dist = `${content}-dist`;
  fs.writeFileSync(
    path.join(content, 'feeds.yaml'),
    `feeds:\n  - id: news-test\n    url: ${server.url}/news.xml\n    publisher: News Test\n`,
  );
  ingest = await runScriptAsync('ingest', ['--state', `${content}.state.json`], content);
  const dir = path.join(content, 'articles');
  stored = new Map(
    fs.readdirSync(dir).map((f) => {
      const a = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Article;
      return [a.url, a];
    }),
  );
  check = runScript('check', [], content);
  build = buildSite(content, dist, 300_000);
}, 400_000);

afterAll(async () => {
  await server?.close();
  for (const p of [content, dist, `${content}.state.json`, content && astroCacheDirOf(content)])
    if (p) fs.rmSync(p, { recursive: true, force: true });
});

const page = (route: string) =>
  decodeEntities(fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8'));

/** The story's heading on a page (an item's heading is h3 or h4), with its attributes. */
const headingOf = (html: string, s: Story) =>
  [...html.matchAll(/<h([34])\b[^>]*>[\s\S]*?<\/h\1>/g)]
    .map((m) => m[0])
    .find((h) => h.includes(s.title));

/** What a reader (or a screen reader) gets from each company badge of the story with `title`. */
function badgesOf(html: string, title: string) {
  const item = [...html.matchAll(/<article\b[\s\S]*?<\/article>/g)]
    .map((m) => m[0])
    .find((a) => a.includes(title));
  const badges = (item ?? '').matchAll(/<li>(<(a|span) class="badge badge-company[\s\S]*?)<\/li>/g);
  return [...badges].map((m) => ({ link: m[2] === 'a', text: m[1]!.replace(/<[^>]+>/g, '') }));
}

describe('a feed with a story in each language the site reads', () => {
  it('is stored whole: every story kept, with its language, company and country', () => {
    expect(ingest.status, ingest.stderr).toBe(0);
    for (const s of STORIES) {
      const a = stored.get(linkOf(s));
      expect(a, `${s.language}: ${s.title}`).toBeDefined();
      expect(a!.language, s.title).toBe(s.language);
      expect(a!.companies, s.title).toContain(s.company);
      expect(a!.regions, s.title).toContain(s.country);
    }
  });

  it('names the company nobody has a page for as proposed, and check lists it for an editor', () => {
    expect(stored.get(linkOf(STORIES[0]!))!.proposedCompanies).toEqual(['grammarly']);
    expect(check.status, check.stderr).toBe(0);
    const warning = check.stderr.split('\n').find((l) => l.includes('"grammarly"'));
    expect(warning).toContain(STORIES[0]!.title);
  });

  it('shows every story on the timeline, each headline marked with its own language', () => {
    expect(build.status, build.output).toBe(0);
    const home = page('');
    for (const s of STORIES) {
      const heading = headingOf(home, s);
      expect(heading, s.title).toBeDefined();
      const lang = /\slang="([^"]+)"/.exec(heading!)?.[1];
      expect(lang, s.title).toBe(s.language === 'en' ? undefined : s.language);
    }
  });

  it('files each story under the country it names, on that country’s page', () => {
    for (const s of STORIES.filter((x) => x.country !== 'GLOBAL'))
      expect(headingOf(page(`regions/${s.country.toLowerCase()}`), s), s.title).toBeDefined();
  });

  it('shows the proposed company as a plain badge, with no page behind it', () => {
    expect(badgesOf(page(''), STORIES[0]!.title)).toEqual([
      { link: false, text: 'Company, no page yet: grammarly' },
    ]);
    expect(fs.existsSync(path.join(dist, 'companies', 'grammarly'))).toBe(false);
  });
});
