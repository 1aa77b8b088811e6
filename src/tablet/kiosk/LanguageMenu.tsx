/** A small "language" button on every client screen that opens the language list: a client can switch at any point. */
import { useState } from 'preact/hooks';
import { languageMeta } from '../../shared/i18n/languages.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { LanguageList } from './LanguageList.tsx';

/** Props: the codes to offer, the current one, and the switch action (resolves once stored and loaded). */
export interface LanguageMenuProps {
  readonly codes: readonly string[];
  readonly current: string;
  readonly onChoose: (code: string) => Promise<void>;
}

/** The button and its dialog. */
export function LanguageMenu({ codes, current, onChoose }: LanguageMenuProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (codes.length < 2) return null;
  return (
    <div class="language-menu">
      <button
        type="button"
        class="secondary language-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <svg class="globe" viewBox="0 0 24 24" aria-hidden="true" width="24" height="24">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
          <path
            d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
          />
        </svg>
        {t('language.button')}: <span lang={current}>{languageMeta(current).name}</span>
      </button>
      {open && (
        <div class="overlay">
          <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="language-title">
            <h2 id="language-title">{t('language.title')}</h2>
            <LanguageList
              codes={codes}
              current={current}
              label={t('language.choose')}
              onChoose={(code) => void onChoose(code).finally(() => setOpen(false))}
            />
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              {t('language.close_button')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
