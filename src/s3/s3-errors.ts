/** An error answer from the object store, with the S3 error code when the body had one. */
export class S3Error extends Error {
  override name = 'S3Error';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/** Reads `<Code>` and `<Message>` from an S3 XML error body (empty for HEAD answers). */
export function parseS3ErrorBody(body: string): { code?: string; message?: string } {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return { code, message };
}

const STATUS_CODES: Record<number, string> = {
  301: 'PermanentRedirect',
  304: 'NotModified',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'AccessDenied',
  404: 'NotFound',
  412: 'PreconditionFailed',
  416: 'InvalidRange',
};

export function s3ErrorFrom(status: number, body: string, what: string, key?: string): S3Error {
  const parsed = parseS3ErrorBody(body);
  const code = parsed.code ?? STATUS_CODES[status] ?? `HTTP${status}`;
  const detail = parsed.message ? `: ${parsed.message}` : '';
  return new S3Error(status, code, `${what} failed with ${status} ${code}${detail}`, key);
}

/** Retry only what a later attempt can fix: throttling and server faults. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
