/** Token endpoints and authorised shops (PLATFORM-API.md, "Tokens"). Raw API shapes. */
import { z } from 'zod';

export const tokenDataSchema = z.object({
  access_token: z.string().min(1),
  /** Absolute Unix seconds, not a duration. */
  access_token_expire_in: z.number().int(),
  refresh_token: z.string().min(1),
  /** Absolute Unix seconds, not a duration. */
  refresh_token_expire_in: z.number().int(),
  open_id: z.string().nullish(),
  seller_name: z.string().nullish(),
  seller_base_region: z.string().nullish(),
  user_type: z.number().nullish(),
  granted_scopes: z.array(z.string()).nullish(),
});
export type TokenData = z.infer<typeof tokenDataSchema>;

export const authorizedShopSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Sent as `shop_cipher` on every shop call. */
  cipher: z.string().min(1),
  region: z.string().nullish(),
  seller_type: z.string().nullish(),
  code: z.string().nullish(),
});
export type AuthorizedShop = z.infer<typeof authorizedShopSchema>;

export const authorizedShopsSchema = z.object({ shops: z.array(authorizedShopSchema).nullish() });
