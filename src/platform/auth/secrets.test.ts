import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { hashPassword, verifyPassword } from './secrets.js';

describe('password hashes', () => {
  it('are argon2id at the instance\'s cost (here the tests\' lowest), and check the right password only', async () => {
    const hash = await hashPassword('kata-sandi-panjang');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=4,t=1\$/);
    expect(await verifyPassword(hash, 'kata-sandi-panjang')).toBe(true);
    expect(await verifyPassword(hash, 'kata-sandi-lain')).toBe(false);
  });

  it('keep the cost they were made with: a hash from before a change of cost still signs in', async () => {
    const older = await argon2.hash('kata-sandi-panjang', { type: argon2.argon2id, memoryCost: 2048, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(older, 'kata-sandi-panjang')).toBe(true);
    expect(await verifyPassword('bukan hash', 'kata-sandi-panjang')).toBe(false);
  });

  it('cost 64 MiB and 3 passes unless set, and a malformed setting stops the start naming it', () => {
    expect(loadConfig({}).passwordCost).toEqual({ memoryKib: 65_536, passes: 3 });
    expect(loadConfig({ PAMONG_PASSWORD_MEMORY_KIB: '19456', PAMONG_PASSWORD_PASSES: '2' }).passwordCost).toEqual({ memoryKib: 19_456, passes: 2 });
    expect(() => loadConfig({ PAMONG_PASSWORD_MEMORY_KIB: '512' })).toThrow(/PAMONG_PASSWORD_MEMORY_KIB.*1024/);
    expect(() => loadConfig({ PAMONG_PASSWORD_PASSES: 'tiga' })).toThrow(/PAMONG_PASSWORD_PASSES/);
    expect(() => loadConfig({ PAMONG_PASSWORD_PASSES: '1.5' })).toThrow(/PAMONG_PASSWORD_PASSES/);
  });
});
