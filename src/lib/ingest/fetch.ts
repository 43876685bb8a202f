/**
 * One feed over HTTP, defensively: manual redirects (counted, loops refused), a timeout per
 * attempt, a size cap on the streamed body, retries with backoff for transient failures only,
 * and conditional GET so an unchanged feed costs one small response.
 */
import { FeedError } from './errors.ts';

export const USER_AGENT = 'AIDataWatch/0.1 (+https://aidatawatch.org/sources/)';

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** Longest Retry-After honoured; a server asking for more is reported, not waited for. */
const MAX_RETRY_AFTER_MS = 60_000;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  retryDelayMs: number;
}

export interface FetchContext {
  /** Aborts everything when the run's time budget is spent. */
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      httpStatus: number;
      body: Uint8Array;
      contentType: string | undefined;
      /** Where the feed was finally read from, after redirects: the base for relative links. */
      url: string;
      /** Set when every redirect on the way was permanent (301/308): feeds.yaml should say this. */
      movedTo?: string;
      validators: Validators;
      attempts: number;
    }
  | {
      kind: 'not-modified';
      httpStatus: 304;
      url: string;
      /** As for a 200: an unchanged feed may still have moved for good. */
      movedTo?: string;
      validators: Validators;
      attempts: number;
    };

/** A failure worth another attempt: the network, 429 or a 5xx. */
class TransientError extends FeedError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, httpStatus?: number, retryAfterMs?: number) {
    super(message, httpStatus);
    this.retryAfterMs = retryAfterMs;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function describeNetworkError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN')
    return `network error: the host name does not resolve (${cause.code})`;
  if (cause?.code === 'ECONNREFUSED') return 'network error: connection refused';
  if (cause?.code)
    return `network error: ${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return `network error: ${cause?.message ?? (e as Error).message}`;
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FeedError(
      `body too large: ${declared} bytes declared, limit ${maxBytes}`,
      response.status,
    );
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FeedError(`body too large: more than ${maxBytes} bytes`, response.status);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function validatorsOf(response: Response): Validators {
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

async function attempt(
  feedUrl: string,
  validators: Validators,
  limits: FetchLimits,
  context: FetchContext,
): Promise<
  | Omit<Extract<FetchOutcome, { kind: 'ok' }>, 'attempts'>
  | Omit<Extract<FetchOutcome, { kind: 'not-modified' }>, 'attempts'>
> {
  const doFetch = context.fetchImpl ?? fetch;
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = context.signal ? AbortSignal.any([timeout, context.signal]) : timeout;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  const visited = [feedUrl];
  let url = feedUrl;
  let permanent = true;
  try {
    for (;;) {
      let response: Response;
      try {
        response = await doFetch(url, { headers, redirect: 'manual', signal });
      } catch (e) {
        if (signal.aborted) throw e;
        // Only socket-level failures are worth retrying: a name that does not resolve now, or a
        // URL fetch refuses outright (a blocked port), will be the same in a few seconds.
        const code = (e as { cause?: { code?: string } }).cause?.code;
        if (!code || code === 'ENOTFOUND') throw new FeedError(describeNetworkError(e));
        throw new TransientError(describeNetworkError(e));
      }
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location)
          throw new FeedError(
            `HTTP ${response.status} redirect without a Location`,
            response.status,
          );
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FeedError(
            `redirect to an invalid URL "${location.slice(0, 100)}"`,
            response.status,
          );
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw new FeedError(`redirect to a non-http URL (${next.protocol})`, response.status);
        next.hash = '';
        if (visited.includes(next.href))
          throw new FeedError(`redirect loop: ${next.href} was already visited`, response.status);
        if (visited.length > limits.maxRedirects)
          throw new FeedError(
            `too many redirects (more than ${limits.maxRedirects})`,
            response.status,
          );
        visited.push(next.href);
        permanent &&= response.status === 301 || response.status === 308;
        url = next.href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return {
          kind: 'not-modified',
          httpStatus: 304,
          url,
          ...(permanent && visited.length > 1 ? { movedTo: url } : {}),
          validators: { ...validators, ...validatorsOf(response) },
        };
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel().catch(() => {});
        throw new TransientError(
          `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          response.status,
          retryAfter(response.headers.get('retry-after')),
        );
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => {});
        throw new FeedError(
          `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          response.status,
        );
      }
      let body: Uint8Array;
      try {
        body = await readLimited(response, limits.maxBytes);
      } catch (e) {
        if (e instanceof FeedError || signal.aborted) throw e;
        throw new TransientError(describeNetworkError(e), response.status);
      }
      return {
        kind: 'ok',
        httpStatus: response.status,
        body,
        contentType: response.headers.get('content-type') ?? undefined,
        url,
        ...(permanent && visited.length > 1 ? { movedTo: url } : {}),
        validators: validatorsOf(response),
      };
    }
  } catch (e) {
    if (e instanceof FeedError) throw e;
    if (context.signal?.aborted) throw new FeedError('stopped: the run time budget was spent');
    if (timeout.aborted)
      throw new FeedError(`timed out: no complete answer within ${limits.timeoutMs / 1000} s`);
    throw new FeedError(describeNetworkError(e));
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Fetches a feed, retrying network errors, 429 and 5xx with exponential backoff (honouring a
 * reasonable Retry-After). Timeouts are not retried: a server that is that slow once usually is
 * again, and the run's time is shared by every feed. Throws FeedError with the final reason.
 */
export async function fetchFeed(
  url: string,
  validators: Validators,
  limits: FetchLimits,
  context: FetchContext = {},
): Promise<FetchOutcome> {
  for (let n = 1; ; n++) {
    try {
      return { ...(await attempt(url, validators, limits, context)), attempts: n };
    } catch (e) {
      const retryable =
        e instanceof TransientError && n <= limits.retries && !context.signal?.aborted;
      if (!retryable) {
        if (e instanceof FeedError && n > 1)
          throw new FeedError(`${e.message} (after ${n} attempts)`, e.httpStatus);
        throw e;
      }
      const backoff = limits.retryDelayMs * 2 ** (n - 1) * (1 + Math.random() * 0.25);
      if (e.retryAfterMs !== undefined && e.retryAfterMs > MAX_RETRY_AFTER_MS)
        throw new FeedError(
          `${e.message}; the server asks to wait ${Math.round(e.retryAfterMs / 1000)} s`,
          e.httpStatus,
        );
      await sleep(Math.max(backoff, e.retryAfterMs ?? 0), context.signal);
    }
  }
}
