/**
 * The platform's answer codes the simulator gives, with the HTTP status it sends them with.
 * Confirmed ones come from PLATFORM-API.md; the rest are marked "unconfirmed": no primary source
 * names a code for that case, so the simulator picks one and a client must not depend on its value
 * (only on `code != 0`), except where settings let a test choose it.
 */
export interface PlatformCode {
  code: number;
  http: number;
  message: string;
}

const c = (code: number, http: number, message: string): PlatformCode => ({ code, http, message });

export const CODES = {
  // Gateway (PLATFORM-API.md "Hosts and signing")
  badSignature: c(106001, 401, "Invalid credentials. The 'sign' query parameter is invalid."),
  timestampOutOfWindow: c(36009004, 401, 'The timestamp is outside the accepted window (5 min before to 30 s after server time).'),
  throttled: c(36009002, 429, 'Too many requests. Retry after the time in the Retry-After header.'),
  internal: c(36009003, 500, 'Internal error. Please retry.'),
  accessTokenExpired: c(105002, 401, 'The access token has expired. Refresh it.'),
  scopeMissing: c(105005, 403, 'The access token does not grant the scope this API needs.'),
  // unconfirmed: invalid or missing access token, app credentials, shop cipher, parameters, unknown path
  accessTokenInvalid: c(105001, 401, 'Invalid access token.'),
  appInvalid: c(106002, 401, 'Invalid app_key or app_secret.'),
  shopCipherInvalid: c(106011, 400, 'shop_cipher is missing or does not belong to an authorised shop.'),
  invalidParam: c(36009001, 400, 'Invalid parameter.'),
  pathNotFound: c(36009005, 404, 'No such API path.'),
  // unconfirmed: auth host refusals
  authCodeInvalid: c(36004001, 400, 'The auth_code is invalid, expired or already used.'),
  refreshTokenInvalid: c(36004002, 400, 'The refresh_token is invalid or expired.'),
  // Fulfilment (PLATFORM-API.md "Fulfilment"; the label codes are third-party lists, unconfirmed officially)
  packageNotFound: c(21011001, 200, 'Package not found.'),
  afterSaleRequest: c(21011007, 200, 'Package item has after-sale request.'),
  labelGenerating: c(11034037, 200, 'The shipping document is still being generated. Retry later.'),
  labelNotShipped: c(21023035, 200, 'The package has not been shipped yet: no shipping document.'),
  labelSellerShipping: c(11034002, 200, 'Seller-shipped orders have no platform shipping document.'),
  labelAfterSale: c(21021010, 200, 'The package has an after-sale request: no shipping document.'),
  packageCancelled: c(21023059, 200, 'The package has been cancelled.'),
  // unconfirmed: ship refusals the docs do not number
  alreadyShipped: c(21011006, 200, 'The package has already been shipped.'),
  orderNotReady: c(21011010, 200, 'The order cannot be shipped in its current status (unpaid or on hold).'),
  batchTooLarge: c(36009001, 400, 'Too many packages in one batch.'),
  // unconfirmed: cancellations
  cancellationNotFound: c(25001001, 200, 'Cancellation not found.'),
  cancellationNotPending: c(25001002, 200, 'The cancellation is not waiting for the seller.'),
  orderNotCancellable: c(25001003, 200, 'The order can no longer be cancelled by the seller.'),
  orderNotFound: c(21001001, 200, 'Order not found.'),
} as const satisfies Record<string, PlatformCode>;

export type CodeName = keyof typeof CODES;

/** A refusal a handler throws; the server turns it into the envelope. */
export class PlatformError extends Error {
  constructor(
    readonly answer: PlatformCode,
    detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ? `${answer.message} ${detail}` : answer.message);
  }
}

export function refuse(name: CodeName, detail?: string): never {
  throw new PlatformError(CODES[name], detail);
}

export function refuseWith(answer: PlatformCode, detail?: string): never {
  throw new PlatformError(answer, detail);
}
