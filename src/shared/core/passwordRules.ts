/** The password length rule, once: the server refuses shorter passwords and the workspace's hint names this number. */

/** Shortest password accepted (in Unicode code points). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted (scrypt takes any length; this only bounds the work per request). */
export const MAX_PASSWORD_LENGTH = 200;
