/** Texts of the workspace: its own screens in Dutch and English, the tablet's staff texts, the instrument, and the client summary in every language. */
import i18next from 'i18next';
import type { Instrument } from '../shared/core/instrument.ts';
import { instrumentNamespace } from '../shared/core/instrumentTexts.ts';
import { addTexts, initI18n } from '../shared/i18n/index.ts';
import { languageMeta } from '../shared/i18n/languages.ts';
import { saveChoice, savedChoice } from '../shared/platform/savedChoice.ts';
import {
  setStaffLanguage,
  STAFF_LANGUAGES,
  type StaffLanguage,
} from '../shared/i18n/staffLanguage.ts';
import workspaceNl from '../../locales/nl/workspace.json';
import workspaceEn from '../../locales/en/workspace.json';
import staffNl from '../../locales/nl/staff.json';
import summaryNl from '../../locales/nl/summary.json';

/** Languages the office screens offer (the client summary offers every language). */
export const WORKSPACE_LANGUAGES = ['nl', 'en'] as const;

const staffTexts = import.meta.glob<object>(
  ['../../locales/*/staff.json', '!../../locales/nl/staff.json'],
  {
    import: 'default',
  },
);
const summaryTexts = import.meta.glob<object>(
  ['../../locales/*/summary.json', '!../../locales/nl/summary.json'],
  { import: 'default' },
);
const instrumentFiles = import.meta.glob<object>('../../locales/*/instrument.*.json', {
  import: 'default',
});

const loaded = new Set<string>();
let current: Instrument | null = null;

/** Starts i18next with the Dutch texts the workspace needs at once. */
export async function initWorkspaceTexts(instrument: Instrument): Promise<void> {
  current = instrument;
  await initI18n(instrument);
  addTexts('nl', 'workspace', workspaceNl);
  addTexts('en', 'workspace', workspaceEn);
  addTexts('nl', 'staff', staffNl);
  addTexts('nl', 'summary', summaryNl);
  loaded.add('nl');
}

/** Loads a language's staff, summary and instrument texts once (missing files fall back to Dutch). */
export async function loadLanguage(code: string): Promise<void> {
  const instrument = current;
  if (loaded.has(code) || !instrument) return;
  const [staff, summary, inst] = await Promise.all([
    staffTexts[`../../locales/${code}/staff.json`]?.(),
    summaryTexts[`../../locales/${code}/summary.json`]?.(),
    instrumentFiles[
      `../../locales/${code}/instrument.${instrument.id}.v${instrument.version}.json`
    ]?.(),
  ]);
  if (staff) addTexts(code, 'staff', staff);
  if (summary) addTexts(code, 'summary', summary);
  if (inst) i18next.addResourceBundle(code, instrumentNamespace(instrument), inst, true, true);
  loaded.add(code);
}

/** Where the browser keeps the screen language a person chose (a reload kept showing Dutch after choosing English). */
const LANGUAGE_CHOICE = 'si.workspace.language';

/** Switches the office screens to `code`, sets the page's lang and dir, and remembers the choice in this browser. */
export async function switchWorkspaceLanguage(code: string): Promise<void> {
  saveChoice(LANGUAGE_CHOICE, code);
  await loadLanguage(code);
  await i18next.changeLanguage(code);
  // Numbers and dates on staff screens follow the staff language (the workspace's languages are the staff ones).
  if ((STAFF_LANGUAGES as readonly string[]).includes(code))
    setStaffLanguage(code as StaffLanguage);
  const meta = languageMeta(code);
  document.documentElement.lang = meta.code;
  document.documentElement.dir = meta.dir;
}

/** At start: the screen language chosen earlier in this browser, when it is one the workspace offers. */
export async function restoreWorkspaceLanguage(): Promise<void> {
  const code = savedChoice(LANGUAGE_CHOICE);
  if (code !== null && code !== 'nl' && (WORKSPACE_LANGUAGES as readonly string[]).includes(code))
    await switchWorkspaceLanguage(code);
}

/** The summary languages this build has texts for. */
export function summaryLanguages(): string[] {
  return [
    'nl',
    ...Object.keys(summaryTexts).map((k) => /locales\/([\w-]+)\//.exec(k)?.[1] ?? ''),
  ].filter(Boolean);
}
