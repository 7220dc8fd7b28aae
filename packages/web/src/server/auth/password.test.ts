import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { LoginThrottle } from './throttle.ts';

describe('scrypt passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('correct horse 42', 10);
    expect(h).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('correct horse 42', h)).toBe(true);
    expect(await verifyPassword('correct horse 43', h)).toBe(false);
  });
  it('salts each hash: the same password hashes differently', async () => {
    expect(await hashPassword('same-password-1', 10)).not.toBe(await hashPassword('same-password-1', 10));
  });
  it('rejects malformed or out-of-range stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$30$8$1$AAAA$BBBB')).toBe(false);
  });
  it('generates typeable random passwords', () => {
    const p = generatePassword();
    expect(p).toHaveLength(16);
    expect(p).not.toMatch(/[0O1lI]/);
    expect(generatePassword()).not.toBe(p);
  });
  it('states the password rules in Chinese', () => {
    expect(passwordProblem('short1')).toBe('密码至少 10 个字符');
    expect(passwordProblem('onlyletterslong')).toBe('密码应同时包含字母和数字');
    expect(passwordProblem('letters-and-42')).toBeUndefined();
  });
});

describe('login throttle', () => {
  it('locks an account at one address after 5 failures there, not its owner at another address', () => {
    let now = 0;
    const t = new LoginThrottle({}, () => now);
    const left: number[] = [];
    for (let i = 0; i < 5; i++) left.push(t.fail(i === 4 ? 'Alice' : 'alice', '10.0.0.1'));
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(t.retryAfter('alice', '10.0.0.1')).toBe(15 * 60);
    expect(t.retryAfter('alice', '10.0.0.9')).toBe(0);
    expect(t.retryAfter('bob', '10.0.0.1')).toBe(0);
    now += 15 * 60_000;
    expect(t.retryAfter('alice', '10.0.0.1')).toBe(0);
  });
  it('locks an account everywhere when the guessing is spread over many addresses', () => {
    const t = new LoginThrottle({}, () => 0);
    for (let i = 0; i < 49; i++) t.fail('alice', `10.0.${i >> 2}.${i & 3}`);
    expect(t.retryAfter('alice', '10.9.9.9')).toBe(0);
    t.fail('alice', '10.8.8.8');
    expect(t.retryAfter('alice', '10.9.9.9')).toBe(15 * 60);
    // A new password (or the owner signing in) lifts it.
    t.succeed('ALICE');
    expect(t.retryAfter('alice', '10.9.9.9')).toBe(0);
    expect(t.retryAfter('alice', '10.0.0.0')).toBe(0);
  });
  it('locks an address that tries many accounts', () => {
    const t = new LoginThrottle({ maxPerIp: 3 }, () => 0);
    t.fail('a', 'ip');
    t.fail('b', 'ip');
    t.fail('c', 'ip');
    expect(t.retryAfter('d', 'ip')).toBeGreaterThan(0);
    expect(t.retryAfter('d', 'other')).toBe(0);
  });
  it('forgets old failures outside the window, and a success clears the account', () => {
    let now = 0;
    const t = new LoginThrottle({}, () => now);
    for (let i = 0; i < 4; i++) t.fail('alice', 'ip');
    now += 16 * 60_000;
    t.fail('alice', 'ip');
    expect(t.retryAfter('alice', 'ip')).toBe(0);
    t.succeed('alice');
    for (let i = 0; i < 4; i++) t.fail('alice', 'ip');
    expect(t.retryAfter('alice', 'ip')).toBe(0);
  });
});
