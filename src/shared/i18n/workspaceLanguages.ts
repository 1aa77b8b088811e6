/** The languages the office workspace's screens offer; Dutch is the source, the rest need their own texts. */
export const WORKSPACE_LANGUAGES = ['nl', 'en'] as const;
