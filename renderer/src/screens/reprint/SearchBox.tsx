import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { useT } from '../../i18n/useT.js';
import { SCAN_FIELD_ATTRIBUTE } from '../../scanner/capture.js';

interface Props {
  text: string;
  searching: boolean;
  onText(text: string): void;
  onSearch(text: string): void;
  /** ↓ from the field goes to the results. */
  onToResults(): void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * Order id, tracking number, recipient or SKU, then Enter. It is also the scan field: a scanner
 * typing into it is captured like a scan anywhere else on the screen.
 */
export function SearchBox({ text, searching, onText, onSearch, onToResults, ref }: Props) {
  const t = useT();
  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch(text);
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      onToResults();
    }
  }
  return (
    <search className="search-box">
      <form onSubmit={submit}>
        <label htmlFor="search-text" className="search-box__label">
          {t('reprint.search.label')} <kbd>F2</kbd>
        </label>
        <div className="search-box__row">
          <input
            ref={ref}
            id="search-text"
            type="search"
            className="text-field"
            data-testid="search-input"
            value={text}
            placeholder={t('reprint.search.placeholder')}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            onChange={(e) => onText(e.target.value)}
            onKeyDown={onKeyDown}
            {...{ [SCAN_FIELD_ATTRIBUTE]: '' }}
          />
          <button type="submit" className="button" disabled={searching || text.trim() === ''}>
            {t('reprint.search.submit')}
          </button>
        </div>
      </form>
    </search>
  );
}
