// A deadlock or serialisation failure is retried inside the server; anything else reaches the caller at once.
import { describe, expect, it } from 'vitest';
import { retryTransient } from '../../src/server/retryTransient.ts';

const failing = (errors: Error[]) => {
  let calls = 0;
  return {
    calls: () => calls,
    attempt: () => {
      calls++;
      const e = errors.shift();
      if (e === undefined) return Promise.resolve('done');
      throw e;
    },
  };
};

describe('retryTransient', () => {
  it('retries deadlocks, serialisation failures and a named unique key, then succeeds', async () => {
    const f = failing([
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
      Object.assign(new Error('could not serialize access'), { code: '40001' }),
      Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'clients_code_key' }),
    ]);
    await expect(retryTransient(f.attempt, { retryOnUnique: ['clients_code_key'] })).resolves.toBe(
      'done',
    );
    expect(f.calls()).toBe(4);
  });

  it('passes other errors and the last transient one through', async () => {
    const other = failing([Object.assign(new Error('bad'), { code: '22P05' })]);
    await expect(retryTransient(other.attempt)).rejects.toThrow('bad');
    expect(other.calls()).toBe(1);
    const always = failing(
      Array.from({ length: 9 }, () => Object.assign(new Error('x'), { code: '40P01' })),
    );
    await expect(retryTransient(always.attempt, { tries: 3 })).rejects.toMatchObject({
      code: '40P01',
    });
    expect(always.calls()).toBe(3);
  });
});
