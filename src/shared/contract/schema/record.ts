/**
 * The completed record a tablet seals (the plaintext inside `SealedSession.ciphertext`). The server checks every
 * decrypted record against this schema; `docs/api/record.schema.json` is generated from it for other tablets.
 */
import { Type } from 'typebox';
import type { Profile as ProfileType } from '../../core/scoring.ts';
import { LanguageCode, Nullable, Text, Timestamp, Uuid } from './common.ts';
import { InstrumentId } from './tablet.ts';

/** The tablet's own scoring (the server rescored it and keeps both); checked for shape, not meaning. */
export const Profile = Type.Unsafe<ProfileType>(
  Type.Object(
    {
      instrumentId: Text({ maxLength: 100 }),
      instrumentVersion: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
      threshold: Type.Number(),
      postures: Type.Array(Type.Unknown(), { maxItems: 100 }),
      dominant: Type.Array(Type.Unknown(), { maxItems: 100 }),
      roles: Type.Array(Type.Unknown(), { maxItems: 100 }),
      topRoles: Type.Array(Type.Unknown(), { maxItems: 100 }),
      desirability: Nullable(Type.Object({}, { additionalProperties: true })),
    },
    { additionalProperties: true, description: 'src/shared/core/scoring.ts Profile' },
  ),
);

const DetailText = () => Text({ maxLength: 200 });

/** Personal details as the client entered them; only these fields exist, all optional. */
export const Details = Type.Object(
  {
    gender: Type.Optional(DetailText()),
    firstName: Type.Optional(DetailText()),
    lastName: Type.Optional(DetailText()),
    dateOfBirth: Type.Optional(DetailText()),
    /** The name as written on the ID document, in Latin letters (asked beside a name in another script). */
    documentName: Type.Optional(DetailText()),
  },
  { additionalProperties: false },
);

const ItemKey = { propertyNames: { minLength: 1, maxLength: 100 }, maxProperties: 1000 };

/** A finished session as the tablet built it (src/shared/core/session.ts `CompletedRecord`). */
export const CompletedRecord = Type.Object(
  {
    sessionId: Uuid(),
    instrumentId: InstrumentId(),
    instrumentVersion: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    /** The language on screen when the client finished. */
    language: LanguageCode(),
    /** Every language used, in order of first use; must include `language`; absent from older tablets. */
    languagesUsed: Type.Optional(Type.Array(LanguageCode(), { minItems: 1, maxItems: 20 })),
    /** A case number or client code staff typed on the tablet, or null. */
    reference: Nullable(Text({ maxLength: 200 })),
    details: Details,
    /** Item id → answer value. */
    answers: Type.Record(Type.String(), Type.Number(), ItemKey),
    /** Item id → when it was (last) answered, ms since 1970. */
    answeredAt: Type.Record(Type.String(), Timestamp(), ItemKey),
    profile: Profile,
    startedAt: Timestamp(),
    consentAt: Nullable(Timestamp()),
    completedAt: Timestamp(),
    /** The office's settings version the session ran under (`DeviceConfig.settingsVersion`); absent from older tablets. */
    settingsVersion: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
  },
  { additionalProperties: true },
);
