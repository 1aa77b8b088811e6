// Build and server: which eSpeak NG voice speaks each language, and where none exists, the stand-in and why.

/** eSpeak NG voice per language code; a language missing here cannot get an audio pack. */
export const VOICES: Readonly<Record<string, { voice: string; fallbackNote: string | null }>> = {
  nl: { voice: 'nl', fallbackNote: null },
  en: { voice: 'en-gb', fallbackNote: null },
  ar: { voice: 'ar', fallbackNote: null },
  tr: { voice: 'tr', fallbackNote: null },
  pl: { voice: 'pl', fallbackNote: null },
  uk: { voice: 'uk', fallbackNote: null },
  fa: { voice: 'fa', fallbackNote: null },
  ti: {
    voice: 'am',
    fallbackNote:
      'eSpeak NG has no Tigrinya voice: spoken with the Amharic voice (same Ethiopic script); pronunciation is approximate. Agency recordings replace it.',
  },
};

/** Numbers said on their own (question 3 of 27, seconds left): 0 to this, per language. */
export const MAX_NUMBER = 60;
