import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ShopStatusView } from '../../../../core/sync/views.js';
import { errorKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import type { InputArg } from '../../store/api.js';
import type { SyncFailure } from '../../store/sync.js';
import { dateTime } from '../sync/format.js';
import { SyncSettingsForm } from './SyncSettingsForm.js';
import './forms.css';
import '../sync/sync.css';

type How = 'authCode' | 'tokens';
type ConnectInput = InputArg<'shop.connect'>;

interface Draft {
  appKey: string;
  appSecret: string;
  authCode: string;
  accessToken: string;
  refreshToken: string;
  shopCipher: string;
  apiBase: string;
  authBase: string;
}

const EMPTY: Draft = { appKey: '', appSecret: '', authCode: '', accessToken: '', refreshToken: '', shopCipher: '', apiBase: '', authBase: '' };

/**
 * Settings → Shop connection: the app's key and secret and a way to sign in (an authorisation
 * code, or tokens), sent once to the core. The secret, the code and the tokens are cleared from the
 * form after each attempt and never shown again: the core keeps them, the screen only hears
 * "connected to Shop X, token valid until …".
 */
export function ShopConnectionSection() {
  const t = useT();
  const shop = usePackdesk((s) => s.sync.shop);
  const settings = usePackdesk((s) => s.sync.settings);
  const { loadShopStatus, loadSyncSettings } = usePackdeskStore().getState();
  useEffect(() => {
    void loadShopStatus();
    void loadSyncSettings();
  }, [loadShopStatus, loadSyncSettings]);
  return (
    <section className="shop-connection" aria-labelledby="shop-connection-title" data-testid="shop-connection">
      <h2 id="shop-connection-title">{t('shopConnection.title')}</h2>
      <p className="muted">{t('shopConnection.hint')}</p>
      <ConnectionState shop={shop} />
      <ConnectForm shop={shop} />
      {shop?.connected && settings && <SyncSettingsForm key={JSON.stringify(settings)} settings={settings} />}
    </section>
  );
}

function ConnectionState({ shop }: { shop: ShopStatusView | null }) {
  const t = useT();
  const language = usePackdesk((s) => s.settings.language);
  const { disconnectShop } = usePackdeskStore().getState();
  const [confirming, setConfirming] = useState(false);
  if (!shop) return null;
  if (!shop.connected) return <p data-testid="shop-not-connected">{t('shopConnection.notConnected')}</p>;
  const name = shop.shop?.name ?? shop.shop?.id ?? shop.sellerName ?? '?';
  return (
    <div className="notice notice--ok shop-connection__state" data-testid="shop-connected">
      <p>
        <strong>{t('shopConnection.connected', { shop: name })}</strong>
        {shop.accessTokenExpiresAt !== null && <> · {t('shopConnection.tokenValid', { time: dateTime(shop.accessTokenExpiresAt, language) })}</>}
        {shop.refreshTokenExpiresAt !== null && <> · {t('shopConnection.signInValid', { time: dateTime(shop.refreshTokenExpiresAt, language) })}</>}
        {shop.credentials && <> · {t('shopConnection.keptIn', { backend: shop.credentials.backend })}</>}
      </p>
      {shop.credentials?.warning && <p className="form-problem">{shop.credentials.warning.message}</p>}
      {confirming ? (
        <div className="confirm-box" role="alertdialog">
          <p>{t('shopConnection.disconnectConfirm')}</p>
          <div className="confirm-box__buttons">
            <button
              type="button"
              className="button button--danger"
              data-testid="shop-disconnect-yes"
              onClick={() => void disconnectShop().then(() => setConfirming(false))}
            >
              {t('shopConnection.disconnect')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('syncPanel.discardNo')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" data-testid="shop-disconnect" onClick={() => setConfirming(true)}>
          {t('shopConnection.disconnect')}
        </button>
      )}
    </div>
  );
}

function ConnectForm({ shop }: { shop: ShopStatusView | null }) {
  const t = useT();
  const connecting = usePackdesk((s) => s.sync.connecting);
  const failure = usePackdesk((s) => s.sync.connectError);
  const { connectShop } = usePackdeskStore().getState();
  const [how, setHow] = useState<How>('authCode');
  const [draft, setDraft] = useState<Draft>(() => ({ ...EMPTY, appKey: shop?.appKey ?? '', apiBase: shop?.apiBase ?? '', authBase: shop?.authBase ?? '' }));
  const [missing, setMissing] = useState(false);
  // The last attempt, held (never shown) only so that choosing one of several shops can connect at
  // once: the core keeps the tokens a single-use code gave until the shop is chosen.
  const lastAttempt = useRef<ConnectInput | null>(null);
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const signIn =
      how === 'authCode' ? { authCode: draft.authCode.trim() } : { accessToken: draft.accessToken.trim(), refreshToken: draft.refreshToken.trim() };
    if (!draft.appKey.trim() || !draft.appSecret.trim() || Object.values(signIn).some((v) => v === '')) return setMissing(true);
    setMissing(false);
    const optional = { shopCipher: draft.shopCipher.trim(), apiBase: draft.apiBase.trim(), authBase: draft.authBase.trim() };
    const input = {
      appKey: draft.appKey.trim(),
      appSecret: draft.appSecret.trim(),
      ...signIn,
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== '')),
    };
    // The secrets leave the form now: whatever the answer, they are never shown again.
    setDraft((d) => ({ ...d, appSecret: '', authCode: '', accessToken: '', refreshToken: '' }));
    void attempt(input);
  };
  const attempt = async (input: ConnectInput) => {
    lastAttempt.current = input;
    if (await connectShop(input)) lastAttempt.current = null;
  };
  const chooseShop = (shopCipher: string) => {
    setDraft((d) => ({ ...d, shopCipher }));
    if (lastAttempt.current) void attempt({ ...lastAttempt.current, shopCipher });
  };

  return (
    // noValidate: the URLs sit in a closed "Advanced" where the browser's bubble cannot show; the core checks them and says why.
    <form className="form-panel shop-form" onSubmit={onSubmit} autoComplete="off" noValidate data-testid="shop-connect-form">
      <div className="shop-form__grid">
        <label className="form-field">
          {t('shopConnection.appKey')}
          <input className="text-field" data-testid="shop-app-key" maxLength={200} {...field('appKey')} />
        </label>
        <label className="form-field">
          {t('shopConnection.appSecret')}
          <input className="text-field" type="password" data-testid="shop-app-secret" maxLength={500} autoComplete="new-password" {...field('appSecret')} />
        </label>
      </div>
      <fieldset className="form-choices form-choices--inline">
        <legend>{t('shopConnection.how')}</legend>
        {(['authCode', 'tokens'] as const).map((h) => (
          <label key={h} className="choice">
            <input type="radio" name="shop-how" checked={how === h} data-testid={`shop-how-${h}`} onChange={() => setHow(h)} /> {t(`shopConnection.how.${h}`)}
          </label>
        ))}
      </fieldset>
      <div className="shop-form__grid">
        {how === 'authCode' ? (
          <label className="form-field shop-form__wide">
            {t('shopConnection.authCode')}
            <input className="text-field" type="password" data-testid="shop-auth-code" maxLength={2000} autoComplete="off" {...field('authCode')} />
          </label>
        ) : (
          <>
            <label className="form-field">
              {t('shopConnection.accessToken')}
              <input className="text-field" type="password" data-testid="shop-access-token" maxLength={4000} autoComplete="off" {...field('accessToken')} />
            </label>
            <label className="form-field">
              {t('shopConnection.refreshToken')}
              <input className="text-field" type="password" data-testid="shop-refresh-token" maxLength={4000} autoComplete="off" {...field('refreshToken')} />
            </label>
          </>
        )}
        <label className="form-field">
          {t('shopConnection.shopCipher')}
          <input className="text-field" data-testid="shop-cipher" maxLength={500} {...field('shopCipher')} />
        </label>
      </div>
      <details data-testid="shop-advanced">
        <summary>{t('shopConnection.advanced')}</summary>
        <div className="shop-form__grid">
          <label className="form-field">
            {t('shopConnection.apiBase')}
            <input className="text-field" type="url" data-testid="shop-api-base" placeholder="https://open-api.tiktokglobalshop.com" {...field('apiBase')} />
          </label>
          <label className="form-field">
            {t('shopConnection.authBase')}
            <input className="text-field" type="url" data-testid="shop-auth-base" placeholder="https://auth.tiktok-shops.com" {...field('authBase')} />
          </label>
        </div>
      </details>
      {missing && <p className="form-problem">{t('shopConnection.missing')}</p>}
      {failure && !connecting && <ConnectFailure failure={failure} onChoose={chooseShop} chosen={draft.shopCipher} />}
      <div className="shop-form__buttons">
        <button type="submit" className="button button--primary" disabled={connecting} data-testid="shop-connect">
          {connecting ? t('shopConnection.connecting') : t('shopConnection.connect')}
        </button>
      </div>
    </form>
  );
}

/** Why connecting failed; with several shops, the list to choose from (a choice connects to that shop). */
function ConnectFailure({ failure, chosen, onChoose }: { failure: SyncFailure; chosen: string; onChoose(cipher: string): void }) {
  const t = useT();
  if (failure.shops && failure.shops.length > 1) {
    return (
      <fieldset className="form-choices shop-connection__shops" data-testid="shop-choice">
        <legend>{t('shopConnection.choose')}</legend>
        {failure.shops.map((s) => (
          <label key={s.cipher} className="choice">
            <input type="radio" name="shop-choice" checked={chosen === s.cipher} data-testid={`shop-choice-${s.id}`} onChange={() => onChoose(s.cipher)} />{' '}
            {s.name}
            {s.region ? ` (${s.region})` : ''}
          </label>
        ))}
        <p className="muted">{t('shopConnection.chooseAgain')}</p>
      </fieldset>
    );
  }
  return (
    <p className="form-problem" role="alert" data-testid="shop-connect-error" data-code={failure.code}>
      {t('shopConnection.failed', { message: t(errorKey(failure.code)) })}
      {failure.message && <span className="notice__core">{failure.message}</span>}
    </p>
  );
}
