/** Random ids for sessions: a UUID made on the tablet when the session starts, so a replay is recognised. */
export const newId = (): string => crypto.randomUUID();
