import { z } from 'zod';
import { envelopeFailure, statusFailure, type AttemptFailure } from './failures.js';

/** Every platform answer: `code != 0` is a failure even with HTTP 200. */
const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().nullish(),
  request_id: z.string().nullish(),
  data: z.unknown().optional(),
});

export class AnswerTooLarge extends Error {}

/** The whole body, refused past `maxBytes` without reading the rest. */
export async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new AnswerTooLarge(`answer of ${declared} bytes is over the ${maxBytes}-byte limit`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await res.body.cancel().catch(() => {});
      throw new AnswerTooLarge(`answer is over the ${maxBytes}-byte limit`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export type ReadAnswer = { ok: true; data: unknown; requestId?: string } | { ok: false; failure: Omit<AttemptFailure, 'retryAfterMs'> };

/** The envelope of an answer, or why it is a failure. */
export function readEnvelope(httpStatus: number, body: Buffer): ReadAnswer {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, failure: { ...statusOrMalformed(httpStatus), message: `HTTP ${httpStatus}, answer is not JSON` } };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, failure: { ...statusOrMalformed(httpStatus), message: `HTTP ${httpStatus}, answer has no {code, message, data} envelope` } };
  }
  const { code, message, request_id: requestId } = envelope.data;
  const ids = requestId ? { requestId } : {};
  if (code !== 0) {
    const text = message ?? '';
    return { ok: false, failure: { ...envelopeFailure(code, text, httpStatus), ...ids, message: `[${code}] ${text}`.trim() } };
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    return { ok: false, failure: { ...statusOrMalformed(httpStatus), ...ids, message: `HTTP ${httpStatus}` } };
  }
  return { ok: true, data: envelope.data.data, ...ids };
}

/** A 2xx that cannot be read is a bad answer (to a request the platform took); anything else is judged by its status. */
function statusOrMalformed(httpStatus: number): Omit<AttemptFailure, 'message'> {
  return httpStatus >= 200 && httpStatus < 300
    ? { httpStatus, code: 'PLATFORM_BAD_RESPONSE', advice: 'stop', mayHaveApplied: true }
    : statusFailure(httpStatus);
}
