import { useEffect, useRef, type FormEvent } from 'react';
import { useT } from '../../i18n/useT.js';
import { HANDOVER_METHODS, type HandoverMethod } from '../../../../core/shared/vocabulary.js';

export interface HandoverChoice {
  method: HandoverMethod;
  carrier: string;
}

interface Props {
  choice: HandoverChoice;
  onChange(choice: HandoverChoice): void;
  onOpen(choice: HandoverChoice): void;
  opening: boolean;
}

/** Before scanning: how the parcels leave and with which carrier. Enter anywhere in it opens the batch. */
export function HandoverSetup({ choice, onChange, onOpen, opening }: Props) {
  const t = useT();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!opening) onOpen(choice);
  }
  return (
    <form className="handover-setup" onSubmit={submit} aria-labelledby="handover-setup-title">
      <h2 id="handover-setup-title">{t('handover.setup.title')}</h2>
      <fieldset className="handover-setup__methods" data-testid="handover-method">
        <legend>{t('handover.method')}</legend>
        {HANDOVER_METHODS.map((m, i) => (
          <label key={m} className={`choice handover-setup__method${choice.method === m ? ' is-active' : ''}`}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="handover-method"
              value={m}
              checked={choice.method === m}
              onChange={() => onChange({ ...choice, method: m })}
            />
            {t(`handover.method.${m}`)}
          </label>
        ))}
      </fieldset>
      <label className="handover-setup__carrier">
        <span>{t('handover.carrier')}</span>
        <input
          className="text-field"
          data-testid="handover-carrier"
          value={choice.carrier}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('handover.carrier.placeholder')}
          aria-describedby="handover-carrier-hint"
          onChange={(e) => onChange({ ...choice, carrier: e.target.value })}
        />
        <span id="handover-carrier-hint" className="muted">
          {t('handover.carrier.hint')}
        </span>
      </label>
      <button type="submit" className="button button--big button--primary" data-testid="handover-open" disabled={opening}>
        {t('handover.open')}
      </button>
    </form>
  );
}
