/**
 * What a language's tablets say now, and how much of it the build's pack already speaks: the pack's texts, with the
 * current questionnaire version's texts and the office's newest imported translation over them. Every text whose
 * wording the pack does not have gets a run-time entry: the build's clips when the same words are in the pack under
 * another key (an unchanged item of a new version), else clips the server renders, named by their content.
 */
import {
  splitTemplate,
  slotKind,
  type AudioManifest,
  type ManifestEntry,
  type ManifestSegment,
} from '../../shared/core/audioManifest.ts';
import { instrumentNamespace, instrumentTexts } from '../../shared/core/instrumentTexts.ts';
import { normalizeSpeechText } from '../../shared/core/speechText.ts';
import { isSpokenKey } from '../../shared/core/spokenKeys.ts';
import { textHash } from '../../shared/core/textHash.ts';
import { renderKey } from '../../shared/speechRender/renderPool.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import type { ClipWanted } from './clipStore.ts';

/** Where run-time clips sit in a pack: under rt/, named by their rendering's content key. */
export const runtimeClipFile = (key: string): string => `rt/${key}.mp3`;

const namespaceOf = (key: string): string => key.slice(0, key.indexOf(':'));

/** key → wording of every text a client of `built.lng` hears now. */
export async function spokenTextsNow(
  db: Queryable,
  instruments: InstrumentRegistry,
  built: AudioManifest,
): Promise<Map<string, string>> {
  const lng = built.lng;
  const current = new Set(instruments.current.map(instrumentNamespace));
  const wanted = (key: string) =>
    isSpokenKey(key) && (!key.startsWith('instrument.') || current.has(namespaceOf(key)));
  const out = new Map<string, string>();
  for (const [key, e] of Object.entries(built.entries)) if (wanted(key)) out.set(key, e.template);
  for (const i of instruments.current) {
    if (!instruments.fromDatabase(i.id, i.version)) continue;
    const ns = instrumentNamespace(i);
    const texts =
      lng === 'nl' ? instrumentTexts(i) : instruments.translations(i.id, i.version)?.[lng];
    for (const [k, v] of Object.entries(texts ?? {}))
      if (typeof v === 'string' && wanted(`${ns}:${k}`)) out.set(`${ns}:${k}`, v);
  }
  const office = await db.query<{ texts: Record<string, unknown> | string }>(
    'SELECT texts FROM language_versions WHERE code = $1 ORDER BY version DESC LIMIT 1',
    [lng],
  );
  const row = office.rows[0];
  if (row) {
    const texts = typeof row.texts === 'string' ? (JSON.parse(row.texts) as object) : row.texts;
    for (const [k, v] of Object.entries(texts))
      if (typeof v === 'string' && v.trim() !== '' && wanted(k)) out.set(k, v);
  }
  return out;
}

/** What a language says now (key → wording), the run-time entries it needs and the clips they name. */
export interface RuntimePlan {
  readonly texts: ReadonlyMap<string, string>;
  readonly entries: Readonly<Record<string, ManifestEntry>>;
  readonly clips: readonly ClipWanted[];
}

/** The run-time entries for the texts of `texts` whose wording the pack `built` does not speak under their key. */
export function planRuntime(built: AudioManifest, texts: ReadonlyMap<string, string>): RuntimePlan {
  const byWording = new Map<string, ManifestEntry>();
  for (const e of Object.values(built.entries)) {
    const w = normalizeSpeechText(e.template);
    if (!byWording.has(w)) byWording.set(w, e);
  }
  const entries: Record<string, ManifestEntry> = {};
  const clips = new Map<string, ClipWanted>();
  for (const [key, template] of texts) {
    const wording = normalizeSpeechText(template);
    const own = built.entries[key];
    if (own && normalizeSpeechText(own.template) === wording) continue;
    const hash = textHash(template);
    const same = byWording.get(wording);
    if (same) {
      entries[key] = {
        hash,
        template,
        segments: same.segments,
        ...(same.recorded ? { recorded: true as const } : {}),
      };
      continue;
    }
    const segments: ManifestSegment[] = splitTemplate(template).map((p) => {
      if (!('text' in p)) return { slot: p.slot, kind: slotKind(p.slot) };
      const k = renderKey(built.voice, p.text);
      clips.set(k, { renderKey: k, voice: built.voice, text: p.text });
      return { file: runtimeClipFile(k) };
    });
    entries[key] = { hash, template, segments };
  }
  return { texts, entries, clips: [...clips.values()] };
}

/** The plan's entries whose clips are all stored (`ready` holds their render keys); the others are left out. */
export function readyEntries(
  plan: RuntimePlan,
  ready: ReadonlySet<string>,
): Record<string, ManifestEntry> {
  const out: Record<string, ManifestEntry> = {};
  for (const [key, e] of Object.entries(plan.entries))
    if (
      e.segments.every(
        (s) => !('file' in s) || !s.file.startsWith('rt/') || ready.has(s.file.slice(3, -4)),
      )
    )
      out[key] = e;
  return out;
}
