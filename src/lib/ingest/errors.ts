/** A feed could not be fetched or read. `message` is the reason shown in the health report. */
export class FeedError extends Error {
  /** HTTP status, when the server answered. */
  readonly httpStatus: number | undefined;
  constructor(message: string, httpStatus?: number) {
    super(message);
    this.name = 'FeedError';
    this.httpStatus = httpStatus;
  }
}
