/**
 * Fonts for scripts a tablet may lack (Arabic script, Ethiopic). Each is a separate chunk, fetched only when a
 * language in that script is enabled on the tablet or chosen, so a Dutch-only tablet never downloads them; the
 * service worker caches the font files it has fetched (runtime caching), which keeps them working offline.
 */
interface ScriptFont {
  readonly css: () => Promise<unknown>;
  readonly family: string;
  /** A letter of the script, so the browser fetches the file before any text needs it. */
  readonly sample: string;
}

const FONTS: Readonly<Record<string, ScriptFont>> = {
  Arab: { css: () => import('../fonts/arabic.css'), family: 'Vazirmatn', sample: 'ب' },
  Ethi: {
    css: () => import('../fonts/ethiopic.css'),
    family: 'Noto Sans Ethiopic Variable',
    sample: 'ሀ',
  },
};

const loading = new Map<string, Promise<void>>();

/** Loads the font for `script` (an ISO 15924 code from meta.json) once; Latin and Cyrillic need nothing. */
export function loadScriptFont(script: string): Promise<void> {
  const font = FONTS[script];
  if (!font) return Promise.resolve();
  let p = loading.get(script);
  if (!p) {
    p = (async () => {
      await font.css();
      await Promise.all(
        ['400', '700'].map((w) => document.fonts.load(`${w} 1em "${font.family}"`, font.sample)),
      );
    })().catch((e: unknown) => {
      loading.delete(script); // offline before it was ever cached: try again next time
      throw e;
    });
    loading.set(script, p);
  }
  return p;
}
