/**
 * Building blocks every route schema uses, so one rule holds everywhere: stored text has no NUL and no lone UTF-16
 * surrogate, ids are UUIDs, dates lie in a range PostgreSQL and JavaScript both handle. Server-only at runtime:
 * the browser apps import these files with `import type` only (the tablet's first load carries no TypeBox).
 */
import { Type, type TSchema, type TString, type TStringOptions } from 'typebox';

/**
 * Text safe to store: no NUL (PostgreSQL refuses it) and no lone surrogate (not valid UTF-8). With the `u` flag a
 * paired surrogate is one code point, so only unpaired halves match `[\uD800-\uDFFF]`.
 */
export const SAFE_TEXT_PATTERN = '^[^\\u0000\\uD800-\\uDFFF]*$';

/** A string that may be stored; every free-text field of every route and of the sealed record uses it. */
export const Text = (options: TStringOptions = {}): TString =>
  Type.String({ pattern: SAFE_TEXT_PATTERN, ...options });

/** A UUID in its usual text form; the server lower-cases it once, after validation (see the server's route helper). */
export const UUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A UUID string (client, measurement, user, device, session ids). */
export const Uuid = (options: TStringOptions = {}): TString =>
  Type.String({ pattern: UUID_PATTERN, description: 'UUID', ...options });

/** Years the server accepts in a date filter: beyond these PostgreSQL's `date` or JavaScript's `Date` overflow. */
const YEAR = '(?:19|2[0-9])[0-9]{2}';
const MONTH_DAY = '(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])';

/** A calendar day `YYYY-MM-DD` in the years 1900–2999 (the route still checks that the day exists). */
export const Day = (options: TStringOptions = {}): TString =>
  Type.String({ pattern: `^${YEAR}-${MONTH_DAY}$`, description: 'YYYY-MM-DD', ...options });

/** A day or an ISO 8601 time in the years 1900–2999, for the audit filter. */
export const DayOrTime = (options: TStringOptions = {}): TString =>
  Type.String({
    pattern: `^${YEAR}-${MONTH_DAY}(?:T[0-9:.]{1,18}(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$`,
    description: 'YYYY-MM-DD or ISO 8601 date-time',
    ...options,
  });

/** An ISO 8601 time the server wrote (answers only). */
export const IsoTime = (): TString => Type.String({ description: 'ISO 8601 date-time' });

/** Largest JavaScript time value (±8.64e15 ms, 100 million days from 1970); larger numbers are no date. */
export const MAX_TIME_MS = 8.64e15;

/** Milliseconds since 1970 that `new Date()` can represent. */
export const Timestamp = () => Type.Number({ minimum: 0, maximum: MAX_TIME_MS });

/** A language code like `nl`, `fa` or `pt-BR`. */
export const LanguageCode = () => Type.String({ pattern: '^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})?$' });

/** `null` or the schema. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Body of every non-2xx answer; `error` is a stable code, `message` a sentence for logs and staff. */
export const ApiError = Type.Object(
  { error: Type.String(), message: Type.String() },
  { additionalProperties: true, description: 'Every error: {error, message}' },
);

/** `:id` in a path: a UUID, checked here once for every route. */
export const IdParams = Type.Object({ id: Uuid() }, { additionalProperties: false });

/** An empty JSON object, the body of a bodiless POST from the workspace (its CSRF guard wants JSON). */
export const EmptyBody = Type.Object({}, { additionalProperties: true });
